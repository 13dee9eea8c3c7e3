import { Queue, QueueEvents } from 'bullmq';
import type { Cluster, Redis } from 'ioredis';
import { QueueName } from '../../api/src/core/queue/queue.constants';

/** The queues whose jobs carry the effects (the planner's and housekeeping's are left out). */
const WORK_QUEUES = [QueueName.Timers, QueueName.Mail, QueueName.Urgent] as const;

/**
 * Watches the application's work queues from outside: BullMQ's `stalled` events (a job whose worker lost its lock,
 * put back for another worker) with when they happened, and the queues' active counts.
 */
export class QueueMonitor {
  readonly stalled: Array<{ queue: string; jobId: string; at: number }> = [];
  private readonly queues: Queue[] = [];
  private readonly events: QueueEvents[] = [];

  constructor(
    private readonly connect: (name: string) => Redis | Cluster,
    private readonly prefix: string,
  ) {}

  async start(): Promise<void> {
    for (const name of WORK_QUEUES) {
      const queue = new Queue(name, {
        connection: this.connect(`fault-monitor-${name}`),
        prefix: this.prefix,
      });
      queue.on('error', () => undefined);
      const events = new QueueEvents(name, {
        connection: this.connect(`fault-events-${name}`),
        prefix: this.prefix,
      });
      events.on('error', () => undefined);
      events.on('stalled', ({ jobId }) => this.stalled.push({ queue: name, jobId, at: Date.now() }));
      await events.waitUntilReady();
      this.queues.push(queue);
      this.events.push(events);
    }
  }

  /**
   * Subscribes afresh: a QueueEvents reader that lived through a FLUSHALL or a Redis restart may read on from a
   * stream position that no longer means anything. Called at the start of every scenario.
   */
  async refresh(): Promise<void> {
    await this.close();
    this.queues.length = 0;
    this.events.length = 0;
    await this.start();
  }

  stalledSince(at: number): number {
    return this.stalled.filter((s) => s.at >= at).length;
  }

  /** Active jobs on the work queues (all workers together). */
  async active(): Promise<Record<string, number>> {
    const counts = await Promise.all(this.queues.map((q) => q.getActiveCount()));
    return Object.fromEntries(this.queues.map((q, i) => [q.name, counts[i]]));
  }

  /** The ids of the active jobs on the work queues (`<queue>:<id>`), all workers together. */
  async activeIds(): Promise<Set<string>> {
    const ids = await Promise.all(this.queues.map((q) => q.getRanges(['active'], 0, -1)));
    return new Set(this.queues.flatMap((q, i) => ids[i].map((id) => `${q.name}:${id}`)));
  }

  async close(): Promise<void> {
    await Promise.all([...this.events, ...this.queues].map((x) => x.close().catch(() => undefined)));
  }
}
