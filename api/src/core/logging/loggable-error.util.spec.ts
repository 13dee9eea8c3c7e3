import { QueryFailedError } from 'typeorm';
import { loggableError } from './loggable-error.util';

describe('loggableError', () => {
  it("keeps a database error's rule and place but none of its values", () => {
    const driverError = Object.assign(new Error('value too long for type character varying(30)'), {
      severity: 'ERROR',
      code: '23514',
      constraint: 'clients_phone_check',
      table: 'clients',
      detail: 'Failing row contains (Jan Jansen, jan@example.nl, 06 12 34 56 78).',
    });
    const error = new QueryFailedError(
      'UPDATE clients SET name = $1',
      ['Jan Jansen', 'jan@example.nl'],
      driverError,
    );
    const logged = loggableError(error);
    expect(logged).toMatchObject({
      type: 'QueryFailedError',
      code: '23514',
      constraint: 'clients_phone_check',
      table: 'clients',
    });
    expect(JSON.stringify(logged)).not.toMatch(/Jansen|jan@example|06 12|value too long|UPDATE clients/);
    expect(loggableError(driverError)).toMatchObject({ code: '23514', table: 'clients' });
    expect(JSON.stringify(loggableError(driverError))).not.toContain('Jansen');
  });

  it('keeps the message and stack of other errors', () => {
    const logged = loggableError(new TypeError('x is not a function'));
    expect(logged).toMatchObject({ type: 'TypeError', message: 'x is not a function' });
    expect(String(logged['stack'])).toContain('loggable-error.util.spec');
    expect(loggableError('boom')).toEqual({ type: 'string' });
  });
});
