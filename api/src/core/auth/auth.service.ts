import { Injectable } from '@nestjs/common';
import { PROBLEM_TYPES, TWO_FACTOR_ROLES } from '@waakvlam/contracts';
import { UsersService } from '../../modules/users/users.service';
import { ProblemException } from '../http/problem.exception';
import { PasswordHasher } from './password-hasher.service';
import { PendingSignIns, type PendingSignIn, type PendingStep } from './pending-sign-in.service';
import { SessionService } from './session.service';
import type { SessionUser } from './session-user.interface';
import { type AttemptAccount, type AttemptOrigin, SignInAudit } from './sign-in-audit.service';
import { SignInThrottle } from './sign-in-throttle.service';
import { SignInWaitException } from './sign-in-wait.exception';
import { TwoFactorService } from './two-factor.service';

/** A new session: the token for the cookie and the session's user. */
export interface StartedSession {
  token: string;
  session: SessionUser;
}

/** What a correct password leads to: a session, or a second step first. */
export type PasswordOutcome =
  | ({ kind: 'session' } & StartedSession)
  | { kind: 'pending'; step: PendingStep; token: string; expiresAt: Date };

const invalidCredentials = (): ProblemException =>
  new ProblemException(PROBLEM_TYPES.invalidCredentials, 401, 'Sign-in failed', {
    detail: 'The e-mail address or password is not correct.',
  });

const accountOf = (a: { userId: string; organisationId: string; role: string }): AttemptAccount => ({
  userId: a.userId,
  organisationId: a.organisationId,
  role: a.role,
});

/**
 * Sign-in: the password step (with the per-account delay and lock-out), the second step (TOTP or a recovery code),
 * and starting the session. A wrong e-mail, a wrong password and an inactive account all get the same 401 after the
 * same work, and are delayed and locked out the same way, so the answer reveals nothing about which accounts exist.
 * Every attempt is logged and, for a known account, audited (SignInAudit).
 */
@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    private readonly passwords: PasswordHasher,
    private readonly sessions: SessionService,
    private readonly throttle: SignInThrottle,
    private readonly pending: PendingSignIns,
    private readonly twoFactor: TwoFactorService,
    private readonly audit: SignInAudit,
  ) {}

  async login(email: string, password: string, origin: AttemptOrigin): Promise<PasswordOutcome> {
    const claim = await this.throttle.claim(email);
    const account = await this.users.findCredentialsByEmail(email);
    const known = account ? accountOf({ ...account, userId: account.id }) : null;
    if (!claim.allowed) {
      await this.audit.attempt('password', 'failure', claim.locked ? 'locked' : 'delayed', known, origin);
      throw new SignInWaitException(claim.retryAfterSeconds, claim.locked);
    }
    const valid = await this.passwords.verify(account?.active ? account.passwordHash : null, password);
    if (!account || !valid) {
      const reason = !account ? 'unknown_account' : !account.active ? 'inactive_account' : 'wrong_password';
      await this.audit.attempt('password', 'failure', reason, known, origin);
      throw invalidCredentials();
    }
    await this.throttle.succeeded(email);
    const step = await this.secondStepOf(account.id, account.role, account.organisationId);
    if (step) {
      await this.audit.attempt('password', 'success', 'second_step_due', known, origin);
      const { token, expiresAt } = await this.pending.create(account.id, step);
      return { kind: 'pending', step, token, expiresAt };
    }
    await this.audit.attempt('password', 'success', 'password', known, origin);
    return { kind: 'session', ...(await this.startSession(account.id)) };
  }

  /** The pending sign-in of the cookie, or a 401 that says to sign in again. */
  async pendingOf(
    token: string | undefined,
    step: PendingStep,
    origin: AttemptOrigin,
  ): Promise<PendingSignIn> {
    const pending = token ? await this.pending.find(token) : null;
    if (!pending || pending.step !== step) {
      await this.audit.attempt(
        'second_step',
        'failure',
        'pending_expired',
        pending && accountOf(pending),
        origin,
      );
      throw new ProblemException(PROBLEM_TYPES.unauthenticated, 401, 'Not signed in', {
        detail: 'The sign-in has ended or expired. Sign in again with your password.',
      });
    }
    return pending;
  }

  /** The second step with a code from the app or a recovery code; ends the pending sign-in and starts a session. */
  async completeWithCode(
    token: string | undefined,
    code: string,
    origin: AttemptOrigin,
  ): Promise<StartedSession> {
    const pending = await this.pendingOf(token, 'two_factor', origin);
    const account = accountOf(pending);
    const claim = await this.throttle.claim(pending.email);
    if (!claim.allowed) {
      await this.audit.attempt(
        'second_step',
        'failure',
        claim.locked ? 'locked' : 'delayed',
        account,
        origin,
      );
      throw new SignInWaitException(claim.retryAfterSeconds, claim.locked);
    }
    const factor = await this.twoFactor.verify(pending.userId, code);
    if (!factor) {
      await this.pending.countFailure(pending.id);
      await this.audit.attempt('second_step', 'failure', 'wrong_code', account, origin);
      throw wrongCode();
    }
    return this.finishPending(pending, factor === 'totp' ? 'two_factor' : 'recovery_code', origin);
  }

  /** Enrolment required at sign-in: confirms the new app with a code, then starts the session. */
  async completeEnrolment(
    token: string | undefined,
    code: string,
    origin: AttemptOrigin,
  ): Promise<StartedSession & { recoveryCodes: string[] }> {
    const pending = await this.pendingOf(token, 'enrolment', origin);
    const claim = await this.throttle.claim(pending.email);
    if (!claim.allowed) {
      await this.audit.attempt('second_step', 'failure', 'delayed', accountOf(pending), origin);
      throw new SignInWaitException(claim.retryAfterSeconds, claim.locked);
    }
    const recoveryCodes = await this.twoFactor.confirmEnrolment(pending.userId, code);
    if (!recoveryCodes) {
      await this.pending.countFailure(pending.id);
      await this.audit.attempt('second_step', 'failure', 'wrong_code', accountOf(pending), origin);
      throw wrongCode();
    }
    return { ...(await this.finishPending(pending, 'enrolment', origin)), recoveryCodes };
  }

  /** A new session for a user who has just proved who they are. */
  async startSession(userId: string): Promise<StartedSession> {
    const { token } = await this.sessions.create(userId);
    const session = await this.sessions.resolve(token);
    if (!session) throw new Error('A session that was just created could not be read');
    return { token, session };
  }

  /** Which second step a user with a correct password still needs, if any. */
  private async secondStepOf(
    userId: string,
    role: string,
    organisationId: string,
  ): Promise<PendingStep | null> {
    if (!(TWO_FACTOR_ROLES as readonly string[]).includes(role)) return null;
    if (await this.twoFactor.isEnabled(userId)) return 'two_factor';
    return (await this.twoFactor.isRequiredBy(organisationId)) ? 'enrolment' : null;
  }

  private async finishPending(
    pending: PendingSignIn,
    reason: 'two_factor' | 'recovery_code' | 'enrolment',
    origin: AttemptOrigin,
  ): Promise<StartedSession> {
    // Only one request completes a pending sign-in, however many arrive at once.
    if (!(await this.pending.consume(pending.id))) {
      await this.audit.attempt('second_step', 'failure', 'pending_expired', accountOf(pending), origin);
      throw wrongCode();
    }
    await this.throttle.succeeded(pending.email);
    await this.audit.attempt('second_step', 'success', reason, accountOf(pending), origin);
    return this.startSession(pending.userId);
  }
}

function wrongCode(): ProblemException {
  return new ProblemException(PROBLEM_TYPES.invalidCredentials, 401, 'Sign-in failed', {
    detail: 'The code is not correct, or it was used before. Wait for a new code and try again.',
  });
}
