import { PROBLEM_TYPES } from '@waakvlam/contracts';
import { startTestApp, type TestApp } from '../support/test-app';

describe('the HTTP platform', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('reports liveness and readiness of PostgreSQL and Redis', async () => {
    const live = await t.client().get('/api/health/live');
    expect(live.status).toBe(200);
    const ready = await t.client().get('/api/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({
      status: 'ok',
      info: { database: { status: 'up' }, redis: { status: 'up' } },
    });
  });

  it('answers an unknown route with a 404 problem', async () => {
    const response = await t.client().get('/api/does-not-exist');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({
      type: PROBLEM_TYPES.notFound,
      status: 404,
      instance: '/api/does-not-exist',
    });
  });

  it('echoes a request id in the header and in problems', async () => {
    const response = await t.client().get('/api/nothing-here', { 'X-Request-Id': 'trace-12345678' });
    expect(response.headers.get('x-request-id')).toBe('trace-12345678');
    expect(response.body).toMatchObject({ requestId: 'trace-12345678' });
  });

  it('sends security headers', async () => {
    const response = await t.client().get('/api/health/live');
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('publishes the OpenAPI document generated from the code, and a browsable page', async () => {
    const doc = await t
      .client()
      .get<{ openapi: string; paths: Record<string, unknown> }>('/api/openapi.json');
    expect(doc.status).toBe(200);
    expect(doc.body.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/auth/login',
        '/api/auth/logout',
        '/api/auth/me',
        '/api/health/ready',
        '/api/users',
        '/api/users/{id}',
      ]),
    );
    const page = await t.client().get<string>('/api/docs');
    expect(page.status).toBe(200);
    expect(page.body).toContain('swagger');
  });

  it('refuses a body over 1 MiB', async () => {
    const browser = t.client();
    await browser.get('/api/auth/csrf');
    const response = await browser.post('/api/auth/login', {
      email: 'a@b.nl',
      password: 'x'.repeat(1_100_000),
    });
    expect(response.status).toBe(413);
    expect(response.body).toMatchObject({ type: PROBLEM_TYPES.payloadTooLarge });
  });
});

describe('readiness without Redis', () => {
  it('is a 503 problem naming Redis, quickly', async () => {
    const t = await startTestApp({ REDIS_URL: 'redis://127.0.0.1:1' });
    try {
      const started = Date.now();
      const ready = await t.client().get('/api/health/ready');
      expect(ready.status).toBe(503);
      expect(ready.body).toMatchObject({
        type: PROBLEM_TYPES.serviceUnavailable,
        detail: 'Not available: redis',
      });
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      await t.close();
    }
  });
});
