import { PROBLEM_TYPES } from '@waakvlam/contracts';
import type { FastifyReply } from 'fastify';
import { ProblemException } from '../http/problem.exception';

/** The account must wait before the next attempt is checked (progressive delay or lock-out). */
export class SignInWaitException extends ProblemException {
  constructor(
    readonly retryAfterSeconds: number,
    locked: boolean,
  ) {
    super(PROBLEM_TYPES.rateLimited, 429, 'Too many attempts', {
      detail: locked
        ? 'Too many failed sign-ins: this account is locked for a while. Try again later.'
        : 'Too many failed sign-ins: wait a moment before trying again.',
    });
  }

  /** Runs `fn`; when the account must wait, puts Retry-After on the reply before the 429 goes out. */
  static async withRetryAfter<T>(reply: FastifyReply, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (error) {
      if (error instanceof SignInWaitException)
        void reply.header('retry-after', String(error.retryAfterSeconds));
      throw error;
    }
  }
}
