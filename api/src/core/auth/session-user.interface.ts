import type { FastifyRequest } from 'fastify';
import type { PartnerKind, UserRole } from '@waakvlam/contracts';
import type { ApiKeyPrincipal } from './api-key-authenticator.interface';

/** The signed-in user and session, resolved from the session cookie on every request. */
export interface SessionUser {
  sessionId: string;
  userId: string;
  email: string;
  displayName: string;
  role: UserRole;
  organisationId: string;
  organisationName: string;
  timeZone: string;
  partnerOrganisationId: string | null;
  partnerOrganisationName: string | null;
  partnerKind: PartnerKind | null;
  csrfToken: string;
  absoluteExpiresAt: Date;
}

/** A request after the SessionGuard: a signed-in user, or (on routes that accept one) a partner system's API key. */
export type RequestWithSession = FastifyRequest & {
  sessionUser?: SessionUser;
  apiKeyPrincipal?: ApiKeyPrincipal;
};
