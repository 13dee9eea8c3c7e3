import { httpRequestLabels } from './http-route-label.util';

describe('httpRequestLabels', () => {
  it('keeps the route template of an API route and the class of the status', () => {
    expect(httpRequestLabels('get', '/api/clients/:id', 404)).toEqual({
      method: 'GET',
      route: '/api/clients/:id',
      status_class: '4xx',
    });
    expect(httpRequestLabels('POST', '/api/check-ins/:id/complete', 201).status_class).toBe('2xx');
    expect(httpRequestLabels('GET', '/metrics', 200).route).toBe('/metrics');
  });

  it('never uses a raw path: unmatched requests and static files share one label each', () => {
    expect(httpRequestLabels('GET', undefined, 404).route).toBe('unmatched');
    expect(httpRequestLabels('GET', '/main-4F2KX7.js', 200).route).toBe('static');
  });

  it('folds unusual methods and statuses', () => {
    expect(httpRequestLabels('PROPFIND', undefined, 405).method).toBe('OTHER');
    expect(httpRequestLabels('GET', '/api/x', 999).status_class).toBe('other');
  });
});
