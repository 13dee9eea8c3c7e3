import { CSRF_COOKIE, PROBLEM_TYPES, SESSION_COOKIE } from '@waakvlam/contracts';
import { createTeam, createUser } from '../support/factories';
import { startTestApp, type TestApp } from '../support/test-app';

describe('sign-in over HTTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('signs in, tells who is signed in, and signs out', async () => {
    const { coordinator, organisation } = await createTeam(t.dataSource);
    const browser = t.client();

    expect((await browser.get('/api/auth/me')).status).toBe(401);
    const login = await browser.login(coordinator.email.toUpperCase(), coordinator.password);
    expect(login.status).toBe(200);
    expect(login.body).toMatchObject({
      email: coordinator.email,
      role: 'coordinator',
      organisation: { id: organisation.id },
    });

    const cookies = login.headers.getSetCookie().join('\n');
    expect(cookies).toMatch(new RegExp(`${SESSION_COOKIE}=[^;]+;.*HttpOnly`, 'i'));
    expect(cookies).toMatch(new RegExp(`${SESSION_COOKIE}=[^;]+;.*SameSite=Strict`, 'i'));
    expect(cookies).not.toMatch(new RegExp(`${CSRF_COOKIE}=[^;]+;.*HttpOnly`, 'i'));

    const me = await browser.get('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ id: coordinator.id, partnerOrganisation: null });

    const sessionToken = browser.cookies.get(SESSION_COOKIE) as string;
    expect((await browser.post('/api/auth/logout')).status).toBe(204);
    expect((await browser.get('/api/auth/me')).status).toBe(401);

    // The old cookie, replayed by someone who kept it, no longer works.
    const replay = t.client();
    replay.cookies.set(SESSION_COOKIE, sessionToken);
    expect((await replay.get('/api/auth/me')).status).toBe(401);
  });

  it('gives the same 401 for a wrong password, an unknown e-mail and an inactive account', async () => {
    const { caseworker, organisation } = await createTeam(t.dataSource);
    const inactive = await createUser(t.dataSource, organisation.id, { active: false });
    const answers = await Promise.all([
      t.client().login(caseworker.email, 'not-the-password'),
      t.client().login(`nobody-${Date.now()}@test.waakvlam.nl`, 'whatever-password'),
      t.client().login(inactive.email, inactive.password),
    ]);
    for (const answer of answers) {
      expect(answer.status).toBe(401);
      expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(answer.body).toMatchObject({
        type: PROBLEM_TYPES.invalidCredentials,
        detail: 'The e-mail address or password is not correct.',
      });
      expect(answer.headers.getSetCookie().join()).not.toContain(`${SESSION_COOKIE}=`);
    }
  });

  it('starts a new session at every sign-in and ends the previous one', async () => {
    const { caseworker } = await createTeam(t.dataSource);
    const browser = t.client();
    await browser.login(caseworker.email, caseworker.password);
    const first = browser.cookies.get(SESSION_COOKIE) as string;
    await browser.login(caseworker.email, caseworker.password);
    const second = browser.cookies.get(SESSION_COOKIE) as string;
    expect(second).not.toBe(first);
    const old = t.client();
    old.cookies.set(SESSION_COOKIE, first);
    expect((await old.get('/api/auth/me')).status).toBe(401);
    expect((await browser.get('/api/auth/me')).status).toBe(200);
  });

  it('ends a session that was idle too long, and one past its absolute end', async () => {
    const { caseworker, coordinator } = await createTeam(t.dataSource);
    const idle = t.client();
    await idle.login(caseworker.email, caseworker.password);
    const old = t.client();
    await old.login(coordinator.email, coordinator.password);

    // Let time pass, as the database sees it.
    await t.dataSource.query(
      `UPDATE sessions SET last_seen_at = now() - interval '31 minutes' WHERE user_id = $1`,
      [caseworker.id],
    );
    await t.dataSource.query(
      `UPDATE sessions SET absolute_expires_at = now() - interval '1 minute' WHERE user_id = $1`,
      [coordinator.id],
    );
    for (const browser of [idle, old]) {
      const me = await browser.get('/api/auth/me');
      expect(me.status).toBe(401);
      expect(me.body).toMatchObject({
        type: PROBLEM_TYPES.unauthenticated,
        detail: 'The session has ended. Sign in again.',
      });
      expect(browser.cookies.has(SESSION_COOKIE)).toBe(false);
    }
  });

  it('refuses state-changing requests without the right CSRF token', async () => {
    const { caseworker } = await createTeam(t.dataSource);
    const browser = t.client();
    await browser.get('/api/auth/csrf');
    expect(browser.cookies.get(CSRF_COOKIE)).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const noHeader = await browser.post(
      '/api/auth/login',
      { email: caseworker.email, password: caseworker.password },
      { csrf: false },
    );
    expect(noHeader.status).toBe(403);
    expect(noHeader.body).toMatchObject({ type: PROBLEM_TYPES.csrf });

    const wrongHeader = await browser.post(
      '/api/auth/login',
      { email: caseworker.email, password: caseworker.password },
      { csrf: false, headers: { 'X-XSRF-TOKEN': 'forged' } },
    );
    expect(wrongHeader.status).toBe(403);

    // Signed in, a matching cookie/header pair is not enough: it must be the session's own token.
    expect((await browser.login(caseworker.email, caseworker.password)).status).toBe(200);
    browser.cookies.set(CSRF_COOKIE, 'attacker-chosen-token-attacker-chosen-token');
    const forged = await browser.post('/api/auth/logout');
    expect(forged.status).toBe(403);
    expect((await browser.get('/api/auth/me')).status).toBe(200);
  });

  it('names the offending field of a bad body, and refuses unknown fields', async () => {
    const browser = t.client();
    await browser.get('/api/auth/csrf');
    const unknown = await browser.post('/api/auth/login', {
      email: 'a@b.nl',
      password: 'x',
      organisationId: 'other',
    });
    expect(unknown.status).toBe(400);
    expect(unknown.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(unknown.body).toMatchObject({
      type: PROBLEM_TYPES.validation,
      errors: [{ field: 'organisationId', message: 'is not a known field' }],
    });

    const wrong = await browser.post('/api/auth/login', { email: 'not an e-mail', password: 42 });
    expect(wrong.status).toBe(400);
    const fields = (wrong.body as { errors: Array<{ field: string }> }).errors.map((e) => e.field);
    expect(new Set(fields)).toEqual(new Set(['email', 'password']));

    const notJson = await browser.post('/api/auth/login', '{"email":');
    expect(notJson.status).toBe(400);
    expect(notJson.body).toMatchObject({ type: PROBLEM_TYPES.badRequest });
  });
});
