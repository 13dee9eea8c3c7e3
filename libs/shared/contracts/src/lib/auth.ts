import type { PartnerKind, UserRole } from './roles';

/** Name of the cookie that carries the CSRF token; Angular's HttpClient reads it by default. */
export const CSRF_COOKIE = 'XSRF-TOKEN';
/** Header in which the client echoes the CSRF token on every state-changing request. */
export const CSRF_HEADER = 'X-XSRF-TOKEN';
/** Name of the HttpOnly session cookie. */
export const SESSION_COOKIE = 'waakvlam_session';

export const SUPPORTED_LOCALES = ['nl', 'en'] as const;
export type Locale = (typeof SUPPORTED_LOCALES)[number];

export interface LoginRequest {
  email: string;
  password: string;
}

export interface OrganisationSummary {
  id: string;
  name: string;
  timeZone: string;
}

export interface PartnerOrganisationSummary {
  id: string;
  name: string;
  kind: PartnerKind;
}

/** The signed-in user, as `GET /api/auth/me` and `POST /api/auth/login` return it. */
export interface Me {
  id: string;
  email: string;
  displayName: string;
  role: UserRole;
  organisation: OrganisationSummary;
  partnerOrganisation: PartnerOrganisationSummary | null;
  /** When the session ends at the latest (ISO 8601, UTC). */
  sessionExpiresAt: string;
}
