import { UseInterceptors, applyDecorators } from '@nestjs/common';
import { ApiConflictResponse, ApiHeader, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { IDEMPOTENCY_KEY_HEADER } from '@waakvlam/contracts';
import { IdempotencyInterceptor } from './idempotency.interceptor';

/** POST routes that honour an `Idempotency-Key` header (see IdempotencyInterceptor); on a controller: all its POSTs. */
export function Idempotent(): MethodDecorator & ClassDecorator {
  return applyDecorators(
    UseInterceptors(IdempotencyInterceptor),
    ApiHeader({
      name: IDEMPOTENCY_KEY_HEADER,
      required: false,
      description:
        'Optional, 1–200 visible ASCII characters (e.g. a UUID). A retry with the same key and body gets the first ' +
        'answer again (header Idempotent-Replayed: true); the same key with another body is 422. Kept 24 hours.',
    }),
    ApiUnprocessableEntityResponse({ description: 'The Idempotency-Key was used with another request' }),
    ApiConflictResponse({
      description: 'A request with the same Idempotency-Key is still running (or a conflict)',
    }),
  );
}
