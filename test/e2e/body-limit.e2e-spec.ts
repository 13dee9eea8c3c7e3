import { PROBLEM_TYPES } from '@waakvlam/contracts';
import { createTeam } from '../support/factories';
import { startTestApp, type TestApp } from '../support/test-app';

/** HTTP_BODY_LIMIT_BYTES (default 100 kB): a larger body is refused before it is parsed, as a 413 problem. */
describe('the request body limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('refuses a body over 100 kB with a 413 problem, before sign-in and before any handler', async () => {
    const browser = t.client();
    await browser.get('/api/auth/csrf');
    const response = await browser.post('/api/auth/login', {
      email: 'iemand@test.waakvlam.nl',
      password: 'x'.repeat(101 * 1024),
    });
    expect(response.status).toBe(413);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({
      type: PROBLEM_TYPES.payloadTooLarge,
      title: 'Request body too large',
      status: 413,
      instance: '/api/auth/login',
    });
  });

  it('takes the largest body a signed-in route validly gets (a watch with full agreements and plan)', async () => {
    const team = await createTeam(t.dataSource);
    const browser = await t.signIn(team.coordinator);
    // Every text at its maximum length, in three-byte characters: about 51 kB of JSON, well under the limit.
    const text = (n: number): string => '€'.repeat(n);
    const phase = { signs: text(2000), actions: text(2000) };
    const body = {
      clientId: '00000000-0000-4000-8000-000000000000',
      primaryCaseworkerId: team.caseworker.id,
      intervalDays: 14,
      contactMode: 'phone',
      startDate: '2031-05-12',
      agreements: text(5000),
      signaleringsplan: { green: phase, orange: phase, red: phase },
    };
    expect(Buffer.byteLength(JSON.stringify(body))).toBeGreaterThan(50_000);
    const response = await browser.post('/api/watches', body);
    // Parsed and validated: the (unknown) client is the problem, not the size.
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ errors: [{ field: 'clientId' }] });
  });

  it('follows HTTP_BODY_LIMIT_BYTES', async () => {
    const small = await startTestApp({ HTTP_BODY_LIMIT_BYTES: '2048' });
    try {
      const browser = small.client();
      await browser.get('/api/auth/csrf');
      // Under the limit the body is parsed and validated (the password is too long: a field problem, not a 413).
      const under = await browser.post('/api/auth/login', { email: 'a@b.nl', password: 'x'.repeat(1500) });
      expect(under.status).toBe(400);
      expect(under.body).toMatchObject({ type: PROBLEM_TYPES.validation, errors: [{ field: 'password' }] });
      const over = await browser.post('/api/auth/login', { email: 'a@b.nl', password: 'x'.repeat(2100) });
      expect(over.status).toBe(413);
      expect(over.body).toMatchObject({ type: PROBLEM_TYPES.payloadTooLarge });
    } finally {
      await small.close();
    }
  });
});
