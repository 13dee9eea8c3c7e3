import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import Redis, { Cluster, type RedisOptions } from 'ioredis';
import { AppConfig } from '../config/app.config';

/** A connection to a single Redis server or to a Redis Cluster (REDIS_CLUSTER): BullMQ takes either. */
export type RedisClient = Redis | Cluster;

/** Creates and closes every Redis connection of the process. */
@Injectable()
export class RedisConnections implements OnApplicationShutdown {
  private readonly clients: RedisClient[] = [];
  private shared?: RedisClient;

  constructor(private readonly config: AppConfig) {}

  /** A general-purpose connection (health checks, producers). */
  get client(): RedisClient {
    this.shared ??= this.create('shared');
    return this.shared;
  }

  /**
   * A new connection. BullMQ workers need `maxRetriesPerRequest: null`; pass `keyPrefix` for plain keys
   * (never for BullMQ, which applies its own prefix).
   */
  create(name: string, options: RedisOptions = {}): RedisClient {
    const nodeOptions: RedisOptions = {
      connectionName: `waakvlam-${name}`,
      enableOfflineQueue: true,
      maxRetriesPerRequest: 2,
      ...options,
    };
    const client = this.config.redisCluster
      ? this.createCluster(nodeOptions)
      : new Redis(this.config.redisUrl, nodeOptions);
    // Errors are reported by the health check and by the commands that fail; keep the process alive.
    client.on('error', () => undefined);
    this.clients.push(client);
    return client;
  }

  /** REDIS_URL is the seed node; the client learns the others (and the slots) from it. */
  private createCluster({ keyPrefix, enableOfflineQueue, ...nodeOptions }: RedisOptions): Cluster {
    const url = new URL(this.config.redisUrl);
    return new Cluster([{ host: url.hostname, port: Number(url.port || 6379) }], {
      keyPrefix,
      enableOfflineQueue,
      redisOptions: {
        ...nodeOptions,
        username: url.username ? decodeURIComponent(url.username) : undefined,
        password: url.password ? decodeURIComponent(url.password) : undefined,
        ...(url.protocol === 'rediss:' ? { tls: {} } : {}),
      },
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.clients.map((c) => c.quit().catch(() => c.disconnect())));
    this.clients.length = 0;
    this.shared = undefined;
  }
}
