import { Injectable, Logger } from '@nestjs/common';
import type { AuditAction } from '../../modules/audit/audit-event.model';
import { AuditService } from '../../modules/audit/audit.service';

/**
 * The audit action of sign-in attempts. The HardenSignIn migration adds it to audit_events' CHECK; until the audit
 * module's AUDIT_ACTIONS lists it, it is named here once.
 */
const SIGN_IN = 'sign_in' as AuditAction;

/** Why an attempt failed (or how it succeeded): stable words, in the log and the audit event's details. */
export type SignInReason =
  | 'password'
  | 'two_factor'
  | 'recovery_code'
  | 'enrolment'
  | 'oidc'
  | 'second_step_due'
  | 'wrong_password'
  | 'unknown_account'
  | 'inactive_account'
  | 'delayed'
  | 'locked'
  | 'wrong_code'
  | 'pending_expired'
  | 'oidc_refused';

/** Where the attempt came from: the request's address and browser, never the e-mail address it named. */
export interface AttemptOrigin {
  ip: string | null;
  userAgent: string | null;
}

/** One attempt's account, when known. */
export interface AttemptAccount {
  userId: string;
  organisationId: string;
  role: string;
}

/**
 * Every sign-in attempt, successful or not, is logged with its reason (no e-mail address, no password); when the
 * account is known it is also an audit event (`sign_in`, resource `auth.<step>`), in its organisation's log. An
 * attempt for an unknown address has no organisation, so it is only in the log.
 */
@Injectable()
export class SignInAudit {
  private readonly logger = new Logger('SignIn');

  constructor(private readonly audit: AuditService) {}

  async attempt(
    step: 'password' | 'second_step' | 'oidc',
    outcome: 'success' | 'failure',
    reason: SignInReason,
    account: AttemptAccount | null,
    origin: AttemptOrigin,
  ): Promise<void> {
    // The log gets no address: IP addresses are personal data; the audit event keeps it for the account's owner.
    this.logger.log({ signIn: { step, outcome, reason, userId: account?.userId ?? null } });
    if (!account) return;
    await this.audit.record({
      organisationId: account.organisationId,
      action: SIGN_IN,
      outcome,
      userId: account.userId,
      role: account.role,
      resource: `auth.${step}`,
      ip: origin.ip,
      userAgent: origin.userAgent,
      source: 'console',
      details: { reason },
    });
  }
}

/** The origin of a request, for the audit event. */
export function originOf(request: {
  ip?: string;
  headers: Record<string, string | string[] | undefined>;
}): AttemptOrigin {
  const agent = request.headers['user-agent'];
  return { ip: request.ip ?? null, userAgent: (Array.isArray(agent) ? agent[0] : agent) ?? null };
}
