import { Module } from '@nestjs/common';
import { IdempotencyKeyPurgeProcessor } from './idempotency-key-purge.processor';
import { IdempotencyStore } from './idempotency-store.service';
import { IdempotencyInterceptor } from './idempotency.interceptor';

/**
 * Idempotency-Key support: a module whose controller uses `@Idempotent()` imports this one. Owns the idempotency_keys
 * table and its hourly purge.
 */
@Module({
  providers: [IdempotencyStore, IdempotencyInterceptor, IdempotencyKeyPurgeProcessor],
  exports: [IdempotencyStore, IdempotencyInterceptor],
})
export class IdempotencyModule {}
