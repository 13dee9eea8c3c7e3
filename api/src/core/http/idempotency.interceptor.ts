import {
  type CallHandler,
  type ExecutionContext,
  HttpStatus,
  Injectable,
  type NestInterceptor,
} from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import { IDEMPOTENT_REPLAYED_HEADER, PROBLEM_TYPES } from '@waakvlam/contracts';
import type { FastifyReply } from 'fastify';
import { type Observable, catchError, from, mergeMap, of, throwError } from 'rxjs';
import type { RequestWithSession } from '../auth/session-user.interface';
import { IDEMPOTENCY_KEY_PATTERN, idempotencyRequestHash } from './idempotency-hash.util';
import { IdempotencyStore } from './idempotency-store.service';
import { ProblemException } from './problem.exception';

/**
 * `Idempotency-Key` on a POST: the first request with a key runs and its answer is kept; a retry with the same key
 * and the same request (method, path, canonical body) gets that answer again (same status and body, with
 * `Idempotent-Replayed: true`) without running; the same key with another request is 422; a retry while the first
 * still runs is 409. A request that fails forgets its key, so a retry runs again. Without the header nothing
 * changes. Keys belong to the caller's organisation (a signed-in user's, or a partner API key's) and are kept for
 * 24 hours.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly store: IdempotencyStore,
    private readonly reflector: Reflector,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const http = context.switchToHttp();
    const request = http.getRequest<RequestWithSession>();
    // A signed-in user, or a partner system by its API key (its requests have no user: the key is in the hash).
    const session = request.sessionUser;
    const apiKey = request.apiKeyPrincipal;
    const caller = session
      ? { organisationId: session.organisationId, userId: session.userId, principal: '' }
      : apiKey
        ? { organisationId: apiKey.organisationId, userId: null, principal: `api-key ${apiKey.keyId}` }
        : null;
    const header = request.headers['idempotency-key'];
    if (request.method !== 'POST' || header === undefined || !caller) return next.handle();
    if (Array.isArray(header) || !IDEMPOTENCY_KEY_PATTERN.test(header)) {
      throw new ProblemException(PROBLEM_TYPES.badRequest, 400, 'Bad request', {
        detail: 'Idempotency-Key must be one value of 1 to 200 visible ASCII characters.',
      });
    }
    const key = header;
    const hash = idempotencyRequestHash(request.method, request.url, request.body, caller.principal);
    const claim = await this.store.claim(caller.organisationId, key, caller.userId, hash);
    if (claim.kind === 'mismatch') {
      throw new ProblemException(PROBLEM_TYPES.idempotencyKeyMismatch, 422, 'Idempotency key reused', {
        detail: 'This Idempotency-Key was used before with another request. Use a new key for a new request.',
      });
    }
    if (claim.kind === 'in-progress') {
      throw new ProblemException(PROBLEM_TYPES.idempotencyKeyInProgress, 409, 'Idempotency key in use', {
        detail: 'A request with this Idempotency-Key is still being processed. Try again in a moment.',
      });
    }
    if (claim.kind === 'replay') {
      const reply = http.getResponse<FastifyReply>();
      void reply.status(claim.status).header(IDEMPOTENT_REPLAYED_HEADER.toLowerCase(), 'true');
      return of(claim.body);
    }
    const status =
      this.reflector.get<number | undefined>(HTTP_CODE_METADATA, context.getHandler()) ?? HttpStatus.CREATED;
    return next.handle().pipe(
      mergeMap((body: unknown) =>
        from(this.store.complete(caller.organisationId, key, status, body).then(() => body)),
      ),
      catchError((error: unknown) =>
        from(this.store.release(caller.organisationId, key).catch(() => undefined)).pipe(
          mergeMap(() => throwError(() => error)),
        ),
      ),
    );
  }
}
