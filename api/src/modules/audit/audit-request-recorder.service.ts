import { HttpException, Injectable, Logger } from '@nestjs/common';
import type { AuditPurpose } from '@waakvlam/contracts';
import type { FastifyRequest } from 'fastify';
import type { RequestWithSession } from '../../core/auth/session-user.interface';
import { TenantContext } from '../../core/database/tenant-context.store';
import type { AuditEventInput, AuditSource } from './audit-event.model';
import type { AuditRouteSpec } from './audit-route.decorator';
import type { AuditScopeState } from './audit-scope.store';
import { AuditService } from './audit.service';
import type { AuditSubjects } from './audit-subjects.util';

/** Who acted: a signed-in user, a partner system's key, or the resident by the link in an e-mail. */
interface Actor {
  organisationId: string;
  userId: string | null;
  role: string | null;
  source: AuditSource;
  details: Record<string, unknown>;
}

/** The answer of the handler, or the error it ended with. */
export type AuditedOutcome = { result: unknown } | { error: unknown } | { status: number };

/**
 * Turns one audited request into one audit event: who (session, API key or the check-in link), from where (IP,
 * user agent), why (the route's purpose, else by caller and action), whose data (the route's subjects plus what a
 * service named in the AuditScope) and how it ended. Used by the AuditInterceptor and the refusal hook.
 */
@Injectable()
export class AuditRequestRecorder {
  private readonly logger = new Logger(AuditRequestRecorder.name);

  constructor(private readonly audit: AuditService) {}

  /** Records the request once; a request without a known organisation (no session, unknown link) is not logged. */
  async record(
    spec: AuditRouteSpec,
    request: FastifyRequest,
    scope: AuditScopeState | null,
    outcome: AuditedOutcome,
  ): Promise<void> {
    if (scope?.recorded) return;
    const actor = actorOf(request as RequestWithSession, scope);
    if (!actor) return;
    const status = statusOf(outcome);
    const subjects = subjectsOf(spec, request, outcome, this.logger);
    const userAgent = request.headers['user-agent'];
    const input: AuditEventInput = {
      organisationId: actor.organisationId,
      action: spec.action,
      outcome: status < 400 ? 'success' : 'failure',
      userId: actor.userId,
      role: actor.role,
      onBehalfOfUserId: null,
      purpose: spec.purpose ?? purposeOf(spec, actor),
      clientIds: [...(subjects.clientIds ?? []), ...(scope?.clientIds ?? [])].filter(
        (id): id is string => typeof id === 'string',
      ),
      subjects: { ...subjects, checkInIds: [...(subjects.checkInIds ?? []), ...(scope?.checkInIds ?? [])] },
      resource: spec.resource,
      ip: request.ip,
      userAgent: typeof userAgent === 'string' ? userAgent : null,
      source: actor.source,
      details: detailsOf(actor, status, outcome),
    };
    await TenantContext.forOrganisation(actor.organisationId, () => this.audit.record(input));
    if (scope) scope.recorded = true;
  }
}

function actorOf(request: RequestWithSession, scope: AuditScopeState | null): Actor | null {
  const key = request.apiKeyPrincipal;
  if (key) {
    return {
      organisationId: key.organisationId,
      userId: null,
      role: 'partner',
      source: 'partner_system',
      details: { partnerOrganisationId: key.partnerOrganisationId, apiKeyId: key.keyId },
    };
  }
  const session = request.sessionUser;
  if (session) {
    return {
      organisationId: session.organisationId,
      userId: session.userId,
      role: session.role,
      source: 'console',
      details: session.partnerOrganisationId ? { partnerOrganisationId: session.partnerOrganisationId } : {},
    };
  }
  // The resident, by the secret in the link: the service named the organisation once it found the link.
  if (scope?.organisationId) {
    return { organisationId: scope.organisationId, userId: null, role: 'client', source: 'api', details: {} };
  }
  return null;
}

function purposeOf(spec: AuditRouteSpec, actor: Actor): AuditPurpose {
  if (actor.role === 'client') return 'self_check_in';
  if (actor.role === 'partner') return 'partner_signal';
  if (spec.action === 'export') return 'accountability';
  return 'care';
}

function statusOf(outcome: AuditedOutcome): number {
  if ('status' in outcome) return outcome.status;
  if ('result' in outcome) return 200;
  return outcome.error instanceof HttpException ? outcome.error.getStatus() : 500;
}

function subjectsOf(
  spec: AuditRouteSpec,
  request: FastifyRequest,
  outcome: AuditedOutcome,
  logger: Logger,
): AuditSubjects {
  if (!spec.subjects) return {};
  try {
    return spec.subjects({
      result: 'result' in outcome ? outcome.result : undefined,
      params: (request.params ?? {}) as Record<string, string | undefined>,
      body: request.body,
    });
  } catch (error) {
    logger.error(`Could not read the audit subjects of ${spec.resource}: ${(error as Error).message}`);
    return {};
  }
}

function detailsOf(actor: Actor, status: number, outcome: AuditedOutcome): Record<string, unknown> | null {
  const details: Record<string, unknown> = { ...actor.details };
  if (status >= 400) details['status'] = status;
  if ('result' in outcome) {
    const rows = Array.isArray(outcome.result)
      ? outcome.result.length
      : Array.isArray((outcome.result as { items?: unknown } | null)?.items)
        ? (outcome.result as { items: unknown[] }).items.length
        : null;
    if (rows !== null) details['rows'] = rows;
  }
  return Object.keys(details).length > 0 ? details : null;
}
