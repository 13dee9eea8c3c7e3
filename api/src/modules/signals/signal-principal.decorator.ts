import { createParamDecorator, type ExecutionContext, UnauthorizedException } from '@nestjs/common';
import { PROBLEM_TYPES } from '@waakvlam/contracts';
import type { RequestWithSession } from '../../core/auth/session-user.interface';
import { ProblemException } from '../../core/http/problem.exception';

/** A partner user or partner system: it files signals and reads its own organisation's. */
export interface PartnerPrincipal {
  kind: 'partner';
  organisationId: string;
  partnerOrganisationId: string;
  /** The partner user; null for a partner system. */
  userId: string | null;
  /** The API key of a partner system; null for a partner user. */
  keyId: string | null;
}

/** A staff member: the route's @Roles decide which. */
export interface StaffPrincipal {
  kind: 'staff';
  organisationId: string;
  userId: string;
}

export type SignalPrincipal = PartnerPrincipal | StaffPrincipal;

/** Who calls a signals route: a staff member, or a partner by session or by API key. */
export const CurrentSignalPrincipal = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): SignalPrincipal => {
    const request = ctx.switchToHttp().getRequest<RequestWithSession>();
    const key = request.apiKeyPrincipal;
    if (key) {
      return {
        kind: 'partner',
        organisationId: key.organisationId,
        partnerOrganisationId: key.partnerOrganisationId,
        userId: null,
        keyId: key.keyId,
      };
    }
    const session = request.sessionUser;
    if (!session) throw new UnauthorizedException();
    if (session.role !== 'partner')
      return { kind: 'staff', organisationId: session.organisationId, userId: session.userId };
    if (!session.partnerOrganisationId) {
      throw new ProblemException(PROBLEM_TYPES.forbidden, 403, 'Not allowed', {
        detail: 'Your account belongs to no partner organisation.',
      });
    }
    return {
      kind: 'partner',
      organisationId: session.organisationId,
      partnerOrganisationId: session.partnerOrganisationId,
      userId: session.userId,
      keyId: null,
    };
  },
);
