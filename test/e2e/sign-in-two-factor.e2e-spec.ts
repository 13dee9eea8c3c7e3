import {
  PENDING_SIGN_IN_COOKIE,
  PROBLEM_TYPES,
  SESSION_COOKIE,
  SIGN_IN_PATHS,
  type TwoFactorConfirmed,
  type TwoFactorEnrolment,
} from '@waakvlam/contracts';
import { base32Decode, hotp, totpStep } from '../../api/src/core/auth/totp.util';
import { createTeam, createUser, type TestUser } from '../support/factories';
import type { HttpClient } from '../support/http-client';
import { startTestApp, type TestApp } from '../support/test-app';

/** A code of the current step plus `offset` (the server accepts one step either side). */
const codeAt = (secret: string, offset = 0): string =>
  hotp(base32Decode(secret), totpStep(Date.now()) + offset);

describe('sign-in: TOTP two-factor authentication', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  /** Signs the user in and sets up two-factor; returns the secret and the recovery codes. */
  async function enrol(user: TestUser): Promise<{ secret: string; recoveryCodes: string[] }> {
    const browser = await t.signIn(user);
    const enrolment = await browser.post<TwoFactorEnrolment>(SIGN_IN_PATHS.enrolment);
    expect(enrolment.status).toBe(200);
    const confirmed = await browser.post<TwoFactorConfirmed>(SIGN_IN_PATHS.confirmEnrolment, {
      code: codeAt(enrolment.body.secret, -1),
    });
    expect(confirmed.status).toBe(200);
    return { secret: enrolment.body.secret, recoveryCodes: confirmed.body.recoveryCodes };
  }

  async function passwordStep(user: TestUser): Promise<HttpClient> {
    const browser = t.client();
    const answer = await browser.login(user.email, user.password);
    expect(answer.status).toBe(202);
    return browser;
  }

  it('sets up two-factor with a QR code and an otpauth URI, confirmed by a code', async () => {
    const { coordinator } = await createTeam(t.dataSource);
    const browser = await t.signIn(coordinator);
    expect((await browser.get(SIGN_IN_PATHS.twoFactor)).body).toEqual({
      available: true,
      enabled: false,
      required: false,
      recoveryCodesLeft: 0,
    });
    const enrolment = await browser.post<TwoFactorEnrolment>(SIGN_IN_PATHS.enrolment);
    expect(enrolment.body.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(enrolment.body.otpauthUri).toBe(
      `otpauth://totp/Waakvlam:${encodeURIComponent(coordinator.email)}?secret=${enrolment.body.secret}` +
        '&issuer=Waakvlam&algorithm=SHA1&digits=6&period=30',
    );
    expect(enrolment.body.qrCode).toMatch(/^data:image\/png;base64,[A-Za-z0-9+/]+=*$/);

    // The secret is stored encrypted: its bytes are not in the row.
    const [row]: Array<{ secret_ciphertext: Buffer }> = await t.dataSource.query(
      `SELECT secret_ciphertext FROM user_two_factor WHERE user_id = $1`,
      [coordinator.id],
    );
    expect(row.secret_ciphertext.includes(base32Decode(enrolment.body.secret))).toBe(false);

    const wrong = await browser.post(SIGN_IN_PATHS.confirmEnrolment, { code: '000000' });
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({
      errors: [{ field: 'code', message: 'is not correct, or was used before' }],
    });

    const confirmed = await browser.post<TwoFactorConfirmed>(SIGN_IN_PATHS.confirmEnrolment, {
      code: codeAt(enrolment.body.secret),
    });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.me).toBeNull();
    expect(confirmed.body.recoveryCodes).toHaveLength(10);
    expect(confirmed.body.recoveryCodes[0]).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
    const hashes: Array<{ code_hash: Buffer }> = await t.dataSource.query(
      `SELECT code_hash FROM user_recovery_codes WHERE user_id = $1`,
      [coordinator.id],
    );
    expect(hashes).toHaveLength(10);
    expect(hashes.some((h) => h.code_hash.toString('utf8').includes(confirmed.body.recoveryCodes[0]))).toBe(
      false,
    );
    expect((await browser.get(SIGN_IN_PATHS.twoFactor)).body).toMatchObject({
      enabled: true,
      recoveryCodesLeft: 10,
    });
    // A second enrolment while it is on: refused.
    expect((await browser.post(SIGN_IN_PATHS.enrolment)).status).toBe(409);
  });

  it('asks for a code after the password: the first step gives no session, the code does', async () => {
    const { admin } = await createTeam(t.dataSource);
    const { secret } = await enrol(admin);

    const browser = t.client();
    const first = await browser.login(admin.email, admin.password);
    expect(first.status).toBe(202);
    expect(first.body).toMatchObject({ step: 'two_factor' });
    expect(browser.cookies.has(SESSION_COOKIE)).toBe(false);
    expect(browser.cookies.has(PENDING_SIGN_IN_COOKIE)).toBe(true);
    expect((await browser.get('/api/auth/me')).status).toBe(401);
    expect((await browser.get('/api/users')).status).toBe(401);

    const wrong = await browser.post(SIGN_IN_PATHS.verifyTwoFactor, { code: '123456' });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toMatchObject({ type: PROBLEM_TYPES.invalidCredentials });

    const code = codeAt(secret, 1);
    const second = await browser.post(SIGN_IN_PATHS.verifyTwoFactor, { code });
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ id: admin.id, role: 'admin' });
    expect(browser.cookies.has(SESSION_COOKIE)).toBe(true);
    expect(browser.cookies.has(PENDING_SIGN_IN_COOKIE)).toBe(false);
    expect((await browser.get('/api/auth/me')).status).toBe(200);

    // The same code again, in its own window, from a new sign-in: refused (no replay).
    const again = await passwordStep(admin);
    expect((await again.post(SIGN_IN_PATHS.verifyTwoFactor, { code })).status).toBe(401);

    const audit: Array<{ resource: string; outcome: string; reason: string }> = await t.dataSource.query(
      `SELECT resource, outcome, details->>'reason' AS reason FROM audit_events
       WHERE user_id = $1 AND action = 'sign_in' ORDER BY seq`,
      [admin.id],
    );
    expect(audit.slice(1)).toEqual([
      { resource: 'auth.password', outcome: 'success', reason: 'second_step_due' },
      { resource: 'auth.second_step', outcome: 'failure', reason: 'wrong_code' },
      { resource: 'auth.second_step', outcome: 'success', reason: 'two_factor' },
      { resource: 'auth.password', outcome: 'success', reason: 'second_step_due' },
      { resource: 'auth.second_step', outcome: 'failure', reason: 'wrong_code' },
    ]);
  });

  it('takes a recovery code once instead of a code', async () => {
    const { coordinator } = await createTeam(t.dataSource);
    const { recoveryCodes } = await enrol(coordinator);
    const browser = await passwordStep(coordinator);
    expect(
      (await browser.post(SIGN_IN_PATHS.verifyTwoFactor, { code: recoveryCodes[3].toUpperCase() })).status,
    ).toBe(200);
    const later = await passwordStep(coordinator);
    expect((await later.post(SIGN_IN_PATHS.verifyTwoFactor, { code: recoveryCodes[3] })).status).toBe(401);
    expect((await later.post(SIGN_IN_PATHS.verifyTwoFactor, { code: recoveryCodes[4] })).status).toBe(200);
    expect((await later.get(SIGN_IN_PATHS.twoFactor)).body).toMatchObject({ recoveryCodesLeft: 8 });
  });

  it('ends a pending sign-in after five wrong codes, and when it expires', async () => {
    const { coordinator } = await createTeam(t.dataSource);
    const { secret } = await enrol(coordinator);
    const browser = await passwordStep(coordinator);
    for (let i = 0; i < 5; i++) {
      expect((await browser.post(SIGN_IN_PATHS.verifyTwoFactor, { code: '000000' })).status).toBe(401);
      // The per-account delay applies to codes too; let it pass so that the pending limit is what is tested.
      await t.dataSource.query(`UPDATE sign_in_failures SET not_before = now(), locked_until = NULL`);
    }
    const ended = await browser.post(SIGN_IN_PATHS.verifyTwoFactor, { code: codeAt(secret, 1) });
    expect(ended.status).toBe(401);
    expect(ended.body).toMatchObject({
      type: PROBLEM_TYPES.unauthenticated,
      detail: 'The sign-in has ended or expired. Sign in again with your password.',
    });

    await t.dataSource.query(`DELETE FROM sign_in_failures`);
    const expired = await passwordStep(coordinator);
    await t.dataSource.query(
      `UPDATE pending_sign_ins SET expires_at = now() - interval '1 second' WHERE user_id = $1`,
      [coordinator.id],
    );
    expect((await expired.post(SIGN_IN_PATHS.verifyTwoFactor, { code: codeAt(secret, 1) })).status).toBe(401);
  });

  it('is only for admins and coordinators', async () => {
    const { caseworker } = await createTeam(t.dataSource);
    const browser = await t.signIn(caseworker);
    expect((await browser.get(SIGN_IN_PATHS.twoFactor)).body).toMatchObject({ available: false });
    expect((await browser.post(SIGN_IN_PATHS.enrolment)).status).toBe(403);
  });

  it('makes admins and coordinators set it up at their next sign-in when the organisation requires it', async () => {
    const { admin, coordinator, caseworker, organisation } = await createTeam(t.dataSource);
    const asAdmin = await t.signIn(admin);
    expect((await asAdmin.get(SIGN_IN_PATHS.twoFactorPolicy)).body).toEqual({ required: false });
    expect(
      (
        await (
          await t.signIn(coordinator)
        ).request('PUT', SIGN_IN_PATHS.twoFactorPolicy, { required: true }, {}, true)
      ).status,
    ).toBe(403);
    const set = await asAdmin.request('PUT', SIGN_IN_PATHS.twoFactorPolicy, { required: true }, {}, true);
    expect(set.body).toEqual({ required: true });

    // A caseworker is not asked.
    expect((await t.client().login(caseworker.email, caseworker.password)).status).toBe(200);

    const browser = t.client();
    const first = await browser.login(coordinator.email, coordinator.password);
    expect(first.status).toBe(202);
    expect(first.body).toMatchObject({ step: 'two_factor_enrolment' });
    expect((await browser.get('/api/auth/me')).status).toBe(401);
    // The pending enrolment opens nothing but the enrolment: not the second step, not the API.
    expect((await browser.post(SIGN_IN_PATHS.verifyTwoFactor, { code: '123456' })).status).toBe(401);

    const enrolment = await browser.post<TwoFactorEnrolment>(SIGN_IN_PATHS.enrolment);
    expect(enrolment.status).toBe(200);
    const confirmed = await browser.post<TwoFactorConfirmed>(SIGN_IN_PATHS.confirmEnrolment, {
      code: codeAt(enrolment.body.secret),
    });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.recoveryCodes).toHaveLength(10);
    expect(confirmed.body.me).toMatchObject({ id: coordinator.id, organisation: { id: organisation.id } });
    expect((await browser.get('/api/auth/me')).status).toBe(200);

    // Now on, and it cannot be turned off while required.
    const status = await browser.get(SIGN_IN_PATHS.twoFactor);
    expect(status.body).toMatchObject({ enabled: true, required: true });
    const off = await browser.post(SIGN_IN_PATHS.disableTwoFactor, {
      code: codeAt(enrolment.body.secret, 1),
    });
    expect(off.status).toBe(409);
    // The next sign-in asks for a code.
    expect((await t.client().login(coordinator.email, coordinator.password)).body).toMatchObject({
      step: 'two_factor',
    });
  });

  it('turns two-factor off with a current code when the organisation does not require it', async () => {
    const other = await createTeam(t.dataSource);
    const user = await createUser(t.dataSource, other.organisation.id, { role: 'admin' });
    const { secret } = await enrol(user);
    const browser = await passwordStep(user);
    expect((await browser.post(SIGN_IN_PATHS.verifyTwoFactor, { code: codeAt(secret) })).status).toBe(200);
    expect((await browser.post(SIGN_IN_PATHS.disableTwoFactor, { code: codeAt(secret) })).status).toBe(400);
    expect((await browser.post(SIGN_IN_PATHS.disableTwoFactor, { code: codeAt(secret, 1) })).status).toBe(
      204,
    );
    expect((await t.client().login(user.email, user.password)).status).toBe(200);
  });
});
