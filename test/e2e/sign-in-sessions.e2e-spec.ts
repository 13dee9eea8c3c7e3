import {
  PROBLEM_TYPES,
  SESSION_COOKIE,
  SIGN_IN_PATHS,
  deactivateUserPath,
  activateUserPath,
} from '@waakvlam/contracts';
import { createTeam } from '../support/factories';
import type { HttpClient } from '../support/http-client';
import { startTestApp, type TestApp } from '../support/test-app';

const NEW_PASSWORD = 'een-nieuw-lang-wachtwoord-7';

describe('sign-in: session ids rotate, and sessions end on password change and deactivation', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const status = async (browser: HttpClient): Promise<number> => (await browser.get('/api/auth/me')).status;

  it('never keeps a session cookie the browser had before signing in', async () => {
    const { caseworker, coordinator } = await createTeam(t.dataSource);

    // A planted (fixated) value: the sign-in answers with a different one.
    const planted = t.client();
    planted.cookies.set(SESSION_COOKIE, 'attacker-chosen-session-id-attacker-chosen');
    expect((await planted.login(caseworker.email, caseworker.password)).status).toBe(200);
    expect(planted.cookies.get(SESSION_COOKIE)).not.toBe('attacker-chosen-session-id-attacker-chosen');
    expect(await status(planted)).toBe(200);

    // A real session of someone else in the same browser ends when another user signs in there.
    const shared = await t.signIn(coordinator);
    const before = shared.cookies.get(SESSION_COOKIE) as string;
    expect((await shared.login(caseworker.email, caseworker.password)).status).toBe(200);
    const after = shared.cookies.get(SESSION_COOKIE) as string;
    expect(after).not.toBe(before);
    const replay = t.client();
    replay.cookies.set(SESSION_COOKIE, before);
    expect(await status(replay)).toBe(401);
    expect((await shared.get('/api/auth/me')).body).toMatchObject({ id: caseworker.id });
  });

  it('checks the new password per field and the current one before changing anything', async () => {
    const { caseworker } = await createTeam(t.dataSource);
    const browser = await t.signIn(caseworker);
    const cases: Array<[Record<string, string>, string, string]> = [
      [
        { currentPassword: caseworker.password, newPassword: 'kort-11tkns' },
        'newPassword',
        'must be at least 12 characters',
      ],
      [
        { currentPassword: caseworker.password, newPassword: 'x'.repeat(129) },
        'newPassword',
        'must be at most 128 characters',
      ],
      [
        { currentPassword: caseworker.password, newPassword: 'Wachtwoord2026' },
        'newPassword',
        'is too common or too easy to guess: choose another',
      ],
      [
        { currentPassword: caseworker.password, newPassword: caseworker.email },
        'newPassword',
        'must not be your e-mail address',
      ],
      [
        { currentPassword: caseworker.password, newPassword: caseworker.password },
        'newPassword',
        'must differ from your current password',
      ],
      [
        { currentPassword: 'not-the-password-at-all', newPassword: NEW_PASSWORD },
        'currentPassword',
        'is not correct',
      ],
    ];
    for (const [body, field, message] of cases) {
      const answer = await browser.post(SIGN_IN_PATHS.password, body);
      expect(answer.status).toBe(400);
      expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(answer.body).toMatchObject({ type: PROBLEM_TYPES.validation, errors: [{ field, message }] });
    }
    // Nothing changed: the old password still signs in.
    expect((await t.client().login(caseworker.email, caseworker.password)).status).toBe(200);
  });

  it('ends every session of the user on a password change, and gives this browser a new one', async () => {
    const { coordinator } = await createTeam(t.dataSource);
    const here = await t.signIn(coordinator);
    const elsewhere = await t.signIn(coordinator);
    const oldToken = here.cookies.get(SESSION_COOKIE) as string;

    const changed = await here.post(SIGN_IN_PATHS.password, {
      currentPassword: coordinator.password,
      newPassword: NEW_PASSWORD,
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ id: coordinator.id });
    expect(here.cookies.get(SESSION_COOKIE)).not.toBe(oldToken);
    expect(await status(here)).toBe(200);
    expect(await status(elsewhere)).toBe(401);
    const replay = t.client();
    replay.cookies.set(SESSION_COOKIE, oldToken);
    expect(await status(replay)).toBe(401);

    expect((await t.client().login(coordinator.email, coordinator.password)).status).toBe(401);
    expect((await t.client().login(coordinator.email, NEW_PASSWORD)).status).toBe(200);
    const [audit]: Array<{ details: { sessionsEnded: number } }> = await t.dataSource.query(
      `SELECT details FROM audit_events WHERE user_id = $1 AND resource = 'users.password' AND outcome = 'success'`,
      [coordinator.id],
    );
    expect(audit.details.sessionsEnded).toBe(2);
  });

  it('ends every session of an account that an admin deactivates; it cannot sign in until activated again', async () => {
    const { admin, coordinator, caseworker, organisation } = await createTeam(t.dataSource);
    const first = await t.signIn(caseworker);
    const second = await t.signIn(caseworker);
    const asAdmin = await t.signIn(admin);

    const deactivated = await asAdmin.post(deactivateUserPath(caseworker.id));
    expect(deactivated.status).toBe(200);
    expect(deactivated.body).toMatchObject({ id: caseworker.id, active: false });
    expect(await status(first)).toBe(401);
    expect(await status(second)).toBe(401);
    const [open]: Array<{ n: number }> = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM sessions WHERE user_id = $1 AND revoked_at IS NULL`,
      [caseworker.id],
    );
    expect(open.n).toBe(0);

    // The same answer as a wrong password: nothing tells that the account exists but is inactive.
    const refused = await t.client().login(caseworker.email, caseworker.password);
    expect(refused.status).toBe(401);
    expect(refused.body).toMatchObject({ type: PROBLEM_TYPES.invalidCredentials });

    expect((await asAdmin.post(activateUserPath(caseworker.id))).body).toMatchObject({ active: true });
    expect((await t.client().login(caseworker.email, caseworker.password)).status).toBe(200);

    // Only admins; not oneself; not another organisation's account.
    const asCoordinator = await t.signIn(coordinator);
    expect((await asCoordinator.post(deactivateUserPath(caseworker.id))).status).toBe(403);
    expect((await asAdmin.post(deactivateUserPath(admin.id))).status).toBe(409);
    const other = await createTeam(t.dataSource);
    expect((await asAdmin.post(deactivateUserPath(other.caseworker.id))).status).toBe(404);
    expect(await status(await t.signIn(other.caseworker))).toBe(200);
    expect(organisation.id).not.toBe(other.organisation.id);
  });
});
