/**
 * The client's self check-in: the single-use link in the pre-notice e-mail (`/check-in/{token}`) and its API
 * (`/api/public/check-in/{token}`). Nothing here names a person: the page shows no personal data.
 */

/** The answers a client can give on the self check-in page. */
export const SELF_CHECK_IN_RESPONSES = ['well', 'concern', 'needs_support'] as const;
export type SelfCheckInResponse = (typeof SELF_CHECK_IN_RESPONSES)[number];

/** The shape of a link secret: 32 random bytes in base64url, 43 characters. Anything else is not a token. */
export const SELF_CHECK_IN_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** `GET /api/public/check-in/{token}`: the link can still be used (else 404, the same for unknown, used, expired). */
export interface SelfCheckInStatus {
  status: 'open';
}

/** `POST /api/public/check-in/{token}`. */
export interface SelfCheckInRequest {
  response: SelfCheckInResponse;
}

/** The answer was recorded; the link is used up. */
export interface SelfCheckInRecorded {
  status: 'recorded';
}
