import { PROBLEM_TYPES } from '@waakvlam/contracts';
import { ProblemException } from '../../core/http/problem.exception';

/**
 * The one answer for a link that cannot be used: unknown, malformed, used or expired alike, so that the answer
 * tells nothing about which (or whether the link ever existed).
 */
export const linkNotUsable = (): ProblemException =>
  new ProblemException(PROBLEM_TYPES.notFound, 404, 'Not found', {
    detail: 'This check-in link does not work: it is unknown, already used or expired.',
  });

export const tooManyRequests = (): ProblemException =>
  new ProblemException(PROBLEM_TYPES.rateLimited, 429, 'Too many requests', {
    detail: 'Too many requests from this address. Wait a minute and try again.',
  });
