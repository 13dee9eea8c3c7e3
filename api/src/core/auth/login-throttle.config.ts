import { createHash } from 'node:crypto';
import type { ThrottlerModuleOptions } from '@nestjs/throttler';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import type { AppConfig } from '../config/app.config';
import { Cluster } from 'ioredis';
import type { RedisClient, RedisConnections } from '../queue/redis-connections.service';

/** The account key is a hash of the e-mail address: no personal data in Redis. */
const accountKey = (body: unknown): string => {
  const email = typeof body === 'object' && body !== null ? (body as { email?: unknown }).email : undefined;
  const normalised = typeof email === 'string' ? email.trim().toLowerCase() : '';
  return createHash('sha256').update(normalised).digest('base64url');
};

/** The storage takes a server's or a cluster's client (its keys are hash-tagged per counter). */
const throttlerStorage = (client: RedisClient): ThrottlerStorageRedisService =>
  client instanceof Cluster
    ? new ThrottlerStorageRedisService(client)
    : new ThrottlerStorageRedisService(client);

/** Sign-in attempts are limited per account and per IP, counted in Redis so every replica shares the count. */
export function loginThrottleOptions(config: AppConfig, redis: RedisConnections): ThrottlerModuleOptions {
  return {
    throttlers: [
      {
        name: 'login-account',
        ttl: config.loginLimitWindowMs,
        limit: config.loginLimitPerAccount,
        getTracker: (req: Record<string, unknown>) => accountKey(req['body']),
      },
      {
        name: 'login-ip',
        ttl: config.loginLimitWindowMs,
        limit: config.loginLimitPerIp,
        getTracker: (req: Record<string, unknown>) => String(req['ip'] ?? 'unknown'),
      },
    ],
    storage: throttlerStorage(redis.create('throttle', { keyPrefix: `${config.redisPrefix}:throttle:` })),
  };
}
