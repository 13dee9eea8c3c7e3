import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../../modules/audit/audit.service';
import { UsersService } from '../../modules/users/users.service';
import { fieldProblem } from '../../modules/clients/field-problem.util';
import { AuthService, type StartedSession } from './auth.service';
import { PasswordHasher } from './password-hasher.service';
import { PasswordPolicy } from './password-policy.service';
import { PendingSignIns } from './pending-sign-in.service';
import { SessionService } from './session.service';
import type { SessionUser } from './session-user.interface';
import type { AttemptOrigin } from './sign-in-audit.service';
import { SignInThrottle } from './sign-in-throttle.service';
import { SignInWaitException } from './sign-in-wait.exception';

/**
 * A user changes their own password: the current one is checked (counted like a sign-in, so it cannot be guessed
 * here instead), the new one must pass the policy, and then every session and pending sign-in of the user ends in
 * the same transaction as the change; the browser that asked gets a new session.
 */
@Injectable()
export class PasswordChangeService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly passwords: PasswordHasher,
    private readonly policy: PasswordPolicy,
    private readonly throttle: SignInThrottle,
    private readonly sessions: SessionService,
    private readonly pending: PendingSignIns,
    private readonly auth: AuthService,
    private readonly audit: AuditService,
  ) {}

  async change(
    session: SessionUser,
    currentPassword: string,
    newPassword: string,
    origin: AttemptOrigin,
  ): Promise<StartedSession> {
    this.policy.assert('newPassword', newPassword, { email: session.email });
    if (newPassword === currentPassword) {
      throw fieldProblem('newPassword', 'must differ from your current password');
    }
    const claim = await this.throttle.claim(session.email);
    if (!claim.allowed) throw new SignInWaitException(claim.retryAfterSeconds, claim.locked);
    const valid = await this.passwords.verify(
      await this.users.passwordHashOf(session.userId),
      currentPassword,
    );
    if (!valid) {
      await this.record(session, origin, 'failure', 'wrong_password');
      throw fieldProblem('currentPassword', 'is not correct');
    }
    await this.throttle.succeeded(session.email);
    const hash = await this.passwords.hash(newPassword);
    await this.dataSource.transaction(async (tx) => {
      await this.users.setPasswordHash(session.userId, hash, tx);
      const ended = await this.sessions.revokeAllOf(session.userId, tx);
      await this.pending.endAllOf(session.userId, tx);
      await this.record(session, origin, 'success', 'changed', ended, tx);
    });
    return this.auth.startSession(session.userId);
  }

  private async record(
    session: SessionUser,
    origin: AttemptOrigin,
    outcome: 'success' | 'failure',
    reason: string,
    sessionsEnded?: number,
    manager?: Parameters<AuditService['record']>[1],
  ): Promise<void> {
    await this.audit.record(
      {
        organisationId: session.organisationId,
        action: 'update',
        outcome,
        userId: session.userId,
        role: session.role,
        resource: 'users.password',
        ip: origin.ip,
        userAgent: origin.userAgent,
        source: 'console',
        details: sessionsEnded === undefined ? { reason } : { reason, sessionsEnded },
      },
      manager,
    );
  }
}
