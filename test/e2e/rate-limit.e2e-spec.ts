import { PROBLEM_TYPES } from '@waakvlam/contracts';
import { createTeam } from '../support/factories';
import { currentTestRun } from '../support/test-run';
import { startTestApp, type TestApp } from '../support/test-app';

describe('sign-in rate limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    // Own Redis prefix: the counters of other specs do not count here.
    t = await startTestApp({
      REDIS_PREFIX: `${currentTestRun().redisPrefix}-rl`,
      LOGIN_LIMIT_PER_ACCOUNT: '3',
      LOGIN_LIMIT_PER_IP: '8',
      LOGIN_LIMIT_WINDOW_SECONDS: '600',
    });
  });
  afterAll(() => t.close());

  it('limits attempts per account, then per IP, with Retry-After', async () => {
    const { caseworker, coordinator, admin } = await createTeam(t.dataSource);
    const browser = t.client();

    for (let i = 0; i < 3; i++)
      expect((await browser.login(caseworker.email, 'wrong-password')).status).toBe(401);
    const limited = await browser.login(caseworker.email, caseworker.password);
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ type: PROBLEM_TYPES.rateLimited });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);

    // Another account from the same address still gets in, until the address's own limit.
    expect((await browser.login(coordinator.email, coordinator.password)).status).toBe(200);
    const answers: number[] = [];
    for (let i = 0; i < 4; i++) answers.push((await browser.login(admin.email, admin.password)).status);
    expect(answers).toEqual([200, 200, 200, 429]);
  });
});
