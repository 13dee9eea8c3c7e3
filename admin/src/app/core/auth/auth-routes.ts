/** Path (without slash) of the sign-in page. */
export const SIGN_IN_PATH = 'inloggen';

/** Query parameters of the sign-in page. */
export const SIGN_IN_QUERY = {
  returnUrl: 'terug',
  reason: 'reden',
} as const;

/** Why the user landed on the sign-in page. */
export const SIGN_IN_REASONS = {
  sessionEnded: 'sessie-beeindigd',
  signedOut: 'uitgelogd',
} as const;
export type SignInReason = (typeof SIGN_IN_REASONS)[keyof typeof SIGN_IN_REASONS];

/** Only same-origin, path-absolute return URLs are followed (no open redirects). */
export function safeReturnUrl(value: string | null | undefined): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) {
    return '/';
  }
  if (value === `/${SIGN_IN_PATH}` || value.startsWith(`/${SIGN_IN_PATH}?`)) {
    return '/';
  }
  return value;
}
