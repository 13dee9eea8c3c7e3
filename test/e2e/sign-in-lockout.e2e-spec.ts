import { PROBLEM_TYPES, SESSION_COOKIE } from '@waakvlam/contracts';
import { SessionPurgeProcessor } from '../../api/src/core/auth/session-purge.processor';
import { SignInThrottle } from '../../api/src/core/auth/sign-in-throttle.service';
import { createTeam, type TestUser } from '../support/factories';
import { currentTestRun } from '../support/test-run';
import { startTestApp, type TestApp } from '../support/test-app';

describe('sign-in: progressive delay and lock-out per account', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      REDIS_PREFIX: `${currentTestRun().redisPrefix}-lock`,
      SIGN_IN_DELAY_AFTER_FAILURES: '3',
      SIGN_IN_DELAY_BASE_SECONDS: '30',
      SIGN_IN_DELAY_MAX_SECONDS: '120',
      SIGN_IN_LOCKOUT_AFTER_FAILURES: '5',
      SIGN_IN_LOCKOUT_MINUTES: '15',
    });
  });
  afterAll(() => t.close());

  const keyOf = (email: string): Buffer => t.app.get(SignInThrottle).accountKey(email);

  /** Lets the account's current wait pass, as the database sees it (the lock-out stays unless `unlock`). */
  async function waitPasses(email: string, unlock = false): Promise<void> {
    await t.dataSource.query(
      `UPDATE sign_in_failures SET not_before = now() - interval '1 second'
         ${unlock ? `, locked_until = now() - interval '1 second'` : ''}
       WHERE account_key = $1`,
      [keyOf(email)],
    );
  }

  async function auditReasons(user: TestUser): Promise<string[]> {
    const rows: Array<{ reason: string; outcome: string }> = await t.dataSource.query(
      `SELECT outcome, details->>'reason' AS reason FROM audit_events
       WHERE user_id = $1 AND action = 'sign_in' ORDER BY seq`,
      [user.id],
    );
    return rows.map((r) => `${r.outcome}:${r.reason}`);
  }

  it('answers three wrong passwords with 401, then makes the account wait, even for the right password', async () => {
    const { caseworker } = await createTeam(t.dataSource);
    const browser = t.client();
    for (let i = 0; i < 3; i++) {
      const wrong = await browser.login(caseworker.email, 'not-the-password-at-all');
      expect(wrong.status).toBe(401);
    }
    const waiting = await browser.login(caseworker.email, caseworker.password);
    expect(waiting.status).toBe(429);
    expect(waiting.body).toMatchObject({
      type: PROBLEM_TYPES.rateLimited,
      detail: 'Too many failed sign-ins: wait a moment before trying again.',
    });
    const retryAfter = Number(waiting.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(25);
    expect(retryAfter).toBeLessThanOrEqual(30);
    expect(browser.cookies.has(SESSION_COOKIE)).toBe(false);

    // Once the wait has passed, the right password signs in and the counter starts again.
    await waitPasses(caseworker.email);
    expect((await browser.login(caseworker.email, caseworker.password)).status).toBe(200);
    const rows: unknown[] = await t.dataSource.query(
      `SELECT 1 FROM sign_in_failures WHERE account_key = $1`,
      [keyOf(caseworker.email)],
    );
    expect(rows).toHaveLength(0);
    expect(await auditReasons(caseworker)).toEqual([
      'failure:wrong_password',
      'failure:wrong_password',
      'failure:wrong_password',
      'failure:delayed',
      'success:password',
    ]);
  });

  it('doubles the wait with each further failure', async () => {
    const { caseworker } = await createTeam(t.dataSource);
    const waits: number[] = [];
    for (let failure = 1; failure <= 4; failure++) {
      await waitPasses(caseworker.email);
      expect((await t.client().login(caseworker.email, 'not-the-password-at-all')).status).toBe(401);
      const next = await t.client().login(caseworker.email, 'not-the-password-at-all');
      waits.push(next.status === 429 ? Number(next.headers.get('retry-after')) : 0);
    }
    // Each round: one failure, then an attempt at once. Round 1 makes failures 1 and 2 (no wait yet); round 2
    // failure 3 (30 s), round 3 failure 4 (60 s), round 4 failure 5: locked for 15 minutes.
    const [, second, third, fourth] = waits;
    expect(second).toBeGreaterThan(25);
    expect(second).toBeLessThanOrEqual(30);
    expect(third).toBeGreaterThan(55);
    expect(third).toBeLessThanOrEqual(60);
    expect(fourth).toBeGreaterThan(14 * 60);
  });

  it('locks the account after five failures, for the lock-out period, whatever the password', async () => {
    const { coordinator } = await createTeam(t.dataSource);
    for (let i = 0; i < 5; i++) {
      await waitPasses(coordinator.email);
      expect((await t.client().login(coordinator.email, 'not-the-password-at-all')).status).toBe(401);
    }
    await waitPasses(coordinator.email);
    const locked = await t.client().login(coordinator.email, coordinator.password);
    expect(locked.status).toBe(429);
    expect(locked.body).toMatchObject({
      detail: 'Too many failed sign-ins: this account is locked for a while. Try again later.',
    });
    const retryAfter = Number(locked.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(14 * 60);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);

    // The counter is in PostgreSQL: flushing this app's Redis counters changes nothing.
    const [row]: Array<{ failures: number }> = await t.dataSource.query(
      `SELECT failures FROM sign_in_failures WHERE account_key = $1`,
      [keyOf(coordinator.email)],
    );
    expect(row.failures).toBe(5);
    expect((await auditReasons(coordinator)).slice(-1)).toEqual(['failure:locked']);

    await waitPasses(coordinator.email, true);
    expect((await t.client().login(coordinator.email, coordinator.password)).status).toBe(200);
  });

  it('delays and locks an unknown e-mail address exactly like a real account', async () => {
    const { admin } = await createTeam(t.dataSource);
    const unknown = `nobody-${Date.now()}@test.waakvlam.nl`;
    const answers = async (email: string): Promise<Array<{ status: number; detail: unknown }>> => {
      const out: Array<{ status: number; detail: unknown }> = [];
      for (let i = 0; i < 4; i++) {
        const r = await t.client().login(email, 'not-the-password-at-all');
        out.push({ status: r.status, detail: (r.body as { detail?: unknown }).detail });
      }
      return out;
    };
    const real = await answers(admin.email);
    const nobody = await answers(unknown);
    expect(nobody).toEqual(real);
    expect(real.map((a) => a.status)).toEqual([401, 401, 401, 429]);
  });

  it('counts parallel attempts one by one: none slips past the delay', async () => {
    const { caseworker } = await createTeam(t.dataSource);
    const statuses = await Promise.all(
      Array.from({ length: 8 }, () => t.client().login(caseworker.email, 'not-the-password-at-all')),
    ).then((all) => all.map((r) => r.status).sort());
    expect(statuses).toEqual([401, 401, 401, 429, 429, 429, 429, 429]);
  });

  it('forgets old failure counters in the purge job, which is safe to run twice', async () => {
    const { caseworker, coordinator } = await createTeam(t.dataSource);
    await t.client().login(caseworker.email, 'not-the-password-at-all');
    await t.client().login(coordinator.email, 'not-the-password-at-all');
    await t.dataSource.query(
      `UPDATE sign_in_failures SET last_failed_at = now() - interval '25 hours' WHERE account_key = $1`,
      [keyOf(caseworker.email)],
    );
    const purge = t.app.get(SessionPurgeProcessor);
    await purge.process();
    await purge.process();
    const left: Array<{ account_key: Buffer }> = await t.dataSource.query(
      `SELECT account_key FROM sign_in_failures WHERE account_key = ANY($1)`,
      [[keyOf(caseworker.email), keyOf(coordinator.email)]],
    );
    expect(left.map((r) => r.account_key.equals(keyOf(coordinator.email)))).toEqual([true]);
  });
});
