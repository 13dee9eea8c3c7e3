import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AppConfig } from '../config/app.config';
import { RedisConnections } from './redis-connections.service';

/** The epoch now, and whether this process saw another one (or none) before: Redis may have lost its data since. */
export interface EpochReading {
  epoch: string;
  changed: boolean;
}

/** How old the epoch that `cached` hands out may grow before `refreshSoon` reads it again. */
const REFRESH_MS = 5_000;

/**
 * Which life of Redis the jobs in it belong to: a key `<prefix>:redis-epoch` without expiry holds a random id, set
 * when it is missing. A flush, or a restart without persistence, removes it with every job; the next reading sets a
 * new one, and work handed to the old epoch (claimed timers, pending e-mails) is known lost at once, not after its
 * lease. The value starts with the queue prefix, so that deployments (and test runs) sharing one database but not
 * one Redis prefix never release each other's work. Needs Redis's `noeviction` (docs/operations.md), as BullMQ does.
 */
@Injectable()
export class RedisEpoch {
  private lastSeen: string | null = null;
  private readAt = 0;
  private refreshing: Promise<unknown> | null = null;

  constructor(
    private readonly config: AppConfig,
    private readonly redis: RedisConnections,
  ) {}

  /** Every epoch of this prefix starts with this. */
  get family(): string {
    return `${this.config.queuePrefix}/`;
  }

  /** Reads the epoch, setting a new one when Redis has none; `changed` on a process's first reading too. */
  async read(): Promise<EpochReading> {
    const key = `${this.config.queuePrefix}:redis-epoch`;
    const client = this.redis.client;
    await client.set(key, `${this.family}${randomUUID()}`, 'NX');
    const epoch = await client.get(key);
    // Flushed again between the two commands: the next reading sets it.
    if (epoch === null) throw new Error('Redis lost the epoch key while it was being read');
    const changed = epoch !== this.lastSeen;
    this.lastSeen = epoch;
    this.readAt = Date.now();
    return { epoch, changed };
  }

  /**
   * The epoch as last read, without asking Redis (for a statement inside a transaction, which must not wait for
   * Redis): null before the first reading. A stale value is harmless: its work is queued once more.
   */
  cached(): string | null {
    return this.lastSeen;
  }

  /** Reads the epoch again in the background when the cached one is older than a few seconds; never throws. */
  refreshSoon(): void {
    if (this.refreshing || Date.now() - this.readAt < REFRESH_MS) return;
    this.refreshing = this.read()
      .catch(() => undefined)
      .finally(() => (this.refreshing = null));
  }
}
