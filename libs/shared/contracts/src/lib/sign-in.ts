import type { Me } from './auth';

/** Password rules (the API also refuses passwords from its list of common passwords). */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

/** HttpOnly cookie that carries the short-lived state between the password and the second step (not a session). */
export const PENDING_SIGN_IN_COOKIE = 'waakvlam_pending_sign_in';

/** The roles that can (and, when the organisation requires it, must) use two-factor authentication. */
export const TWO_FACTOR_ROLES = ['admin', 'coordinator'] as const;

/**
 * `POST /api/auth/login` answers 202 with this when the password was right but a second step is due: a code from
 * the authenticator app (`two_factor`), or first setting up two-factor authentication (`two_factor_enrolment`,
 * when the organisation requires it). No session exists yet.
 */
export interface SignInNextStep {
  step: 'two_factor' | 'two_factor_enrolment';
  /** When the pending sign-in ends (ISO 8601); after that, sign in again. */
  expiresAt: string;
}

/** `POST /api/auth/two-factor/verify`: a 6-digit code from the app, or one of the recovery codes. */
export interface VerifyTwoFactorRequest {
  code: string;
}

/** `GET /api/auth/two-factor`: the signed-in user's two-factor state. */
export interface TwoFactorStatus {
  /** Whether the user's role can use two-factor authentication. */
  available: boolean;
  enabled: boolean;
  /** Whether the organisation requires it for this user. */
  required: boolean;
  recoveryCodesLeft: number;
}

/** `POST /api/auth/two-factor/enrolment`: a new secret, to be confirmed with a code. */
export interface TwoFactorEnrolment {
  /** Base32, for typing into the app by hand. */
  secret: string;
  /** `otpauth://totp/…` (RFC 6238: SHA-1, 6 digits, 30 seconds). */
  otpauthUri: string;
  /** The URI as a QR code, a `data:image/png;base64,…` URL. */
  qrCode: string;
}

/** `POST /api/auth/two-factor/enrolment/confirm` with VerifyTwoFactorRequest. */
export interface TwoFactorConfirmed {
  /** Shown once: each works once instead of a code. */
  recoveryCodes: string[];
  /** Set when the confirmation completed a sign-in (enrolment required at sign-in): the new session's user. */
  me: Me | null;
}

/** `GET/PUT /api/auth/two-factor/policy` (admins): whether admins and coordinators must use two-factor. */
export interface TwoFactorPolicy {
  required: boolean;
}

/** `POST /api/auth/password`: ends every session of the user and starts a new one for this browser. */
export interface ChangePasswordRequest {
  currentPassword: string;
  newPassword: string;
}

/** `GET /api/auth/providers`: other ways to sign in. */
export interface SignInProviders {
  /** Null when sign-in with OpenID Connect is off. */
  oidc: { name: string; startUrl: string } | null;
}

/** The console shows this query parameter on the sign-in page after a failed OIDC sign-in. */
export const OIDC_ERROR_QUERY = 'oidc';

export const SIGN_IN_PATHS = {
  verifyTwoFactor: '/api/auth/two-factor/verify',
  twoFactor: '/api/auth/two-factor',
  enrolment: '/api/auth/two-factor/enrolment',
  confirmEnrolment: '/api/auth/two-factor/enrolment/confirm',
  recoveryCodes: '/api/auth/two-factor/recovery-codes',
  disableTwoFactor: '/api/auth/two-factor/disable',
  twoFactorPolicy: '/api/auth/two-factor/policy',
  password: '/api/auth/password',
  providers: '/api/auth/providers',
  oidcStart: '/api/auth/oidc/start',
  oidcCallback: '/api/auth/oidc/callback',
} as const;

/** `POST /api/users/{id}/deactivate` (admins): ends every session of the account. */
export const deactivateUserPath = (id: string): string => `/api/users/${id}/deactivate`;
/** `POST /api/users/{id}/activate` (admins). */
export const activateUserPath = (id: string): string => `/api/users/${id}/activate`;
