import { createHash } from 'node:crypto';
import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { InjectThrottlerStorage, ThrottlerStorage, normalizeIp } from '@nestjs/throttler';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppConfig } from '../../core/config/app.config';
import { tooManyRequests } from './self-check-in-problems.util';

const WINDOW_MS = 60_000;
const THROTTLER_NAME = 'self-check-in';

/**
 * Limits the public check-in routes per IP address: SELF_CHECK_IN_LIMIT_PER_MINUTE requests a minute, GET and
 * POST counted together, in the shared Redis throttler storage (every replica sees the same count). The address
 * is stored hashed: no personal data in Redis.
 */
@Injectable()
export class SelfCheckInThrottleGuard implements CanActivate {
  constructor(
    @InjectThrottlerStorage() private readonly storage: ThrottlerStorage,
    private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const key = createHash('sha256')
      .update(`${THROTTLER_NAME}:${normalizeIp(request.ip)}`)
      .digest('base64url');
    const { isBlocked, timeToBlockExpire } = await this.storage.increment(
      key,
      WINDOW_MS,
      this.config.selfCheckInLimitPerMinute,
      WINDOW_MS,
      THROTTLER_NAME,
    );
    if (!isBlocked) return true;
    void http.getResponse<FastifyReply>().header('retry-after', String(Math.max(1, timeToBlockExpire)));
    throw tooManyRequests();
  }
}
