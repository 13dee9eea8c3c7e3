import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import Redis, { type RedisOptions } from 'ioredis';
import { AppConfig } from '../config/app.config';

/** Creates and closes every Redis connection of the process. */
@Injectable()
export class RedisConnections implements OnApplicationShutdown {
  private readonly clients: Redis[] = [];
  private shared?: Redis;

  constructor(private readonly config: AppConfig) {}

  /** A general-purpose connection (health checks, producers). */
  get client(): Redis {
    this.shared ??= this.create('shared');
    return this.shared;
  }

  /**
   * A new connection. BullMQ workers need `maxRetriesPerRequest: null`; pass `keyPrefix` for plain keys
   * (never for BullMQ, which applies its own prefix).
   */
  create(name: string, options: RedisOptions = {}): Redis {
    const client = new Redis(this.config.redisUrl, {
      connectionName: `waakvlam-${name}`,
      enableOfflineQueue: true,
      maxRetriesPerRequest: 2,
      ...options,
    });
    // Errors are reported by the health check and by the commands that fail; keep the process alive.
    client.on('error', () => undefined);
    this.clients.push(client);
    return client;
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.clients.map((c) => c.quit().catch(() => c.disconnect())));
    this.clients.length = 0;
    this.shared = undefined;
  }
}
