import { HttpErrorResponse } from '@angular/common/http';
import { PROBLEM_TYPES } from '@waakvlam/contracts';
import type { Message } from '../../shared/forms/form-messages';
import { problemOf, retryAfterMinutes } from '../../shared/problem/problem.util';

/** The client-side check of a 6-digit code from the app. */
export function codeMessage(value: string): Message | undefined {
  const code = value.trim();
  if (code === '') return { key: 'twoFactor.errors.codeRequired' };
  return /^\d{6}$/.test(code) ? undefined : { key: 'twoFactor.errors.codeFormat' };
}

/** A message for a failed two-factor request that is not about the code itself. */
export function twoFactorProblemMessage(error: unknown): Message {
  const status = error instanceof HttpErrorResponse ? error.status : 0;
  const problem = problemOf(error);
  if (status === 429) {
    const minutes = retryAfterMinutes(
      error instanceof HttpErrorResponse ? error.headers.get('Retry-After') : null,
    );
    return minutes === 1
      ? { key: 'signIn.errors.rateLimitedOne' }
      : { key: 'signIn.errors.rateLimitedMany', params: { minutes } };
  }
  if (status === 401 && problem?.type === PROBLEM_TYPES.unauthenticated)
    return { key: 'twoFactor.errors.expired' };
  if (status === 409) return { key: 'twoFactor.errors.conflict' };
  if (status === 403) return { key: 'twoFactor.errors.forbidden' };
  return { key: 'twoFactor.errors.unavailable' };
}
