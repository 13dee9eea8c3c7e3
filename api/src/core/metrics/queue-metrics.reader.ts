import { Injectable } from '@nestjs/common';
import { QueueName } from '../queue/queue.constants';
import { QueueService } from '../queue/queue.service';
import { QUEUE_STATES, type QueueState } from './metric-names.constants';

/** One queue as Redis holds it, for every api replica the same. */
export interface QueueSnapshot {
  queue: QueueName;
  jobs: Record<QueueState, number>;
  /** Since BullMQ metrics were first switched on for the queue (workers record them), across all workers. */
  completedTotal: number;
  failedTotal: number;
}

/**
 * Reads the depth of every queue and BullMQ's own completed/failed counters from Redis. The counters are
 * written by the workers (the Worker's `metrics` option) into the queue's keys, so an api-only process
 * reports the numbers of the whole cluster. Three round trips per queue, all queues at once.
 */
@Injectable()
export class QueueMetricsReader {
  constructor(private readonly queues: QueueService) {}

  read(): Promise<QueueSnapshot[]> {
    return Promise.all(
      Object.values(QueueName).map(async (name) => {
        const queue = this.queues.queue(name);
        const [counts, completed, failed] = await Promise.all([
          queue.getJobCounts(...QUEUE_STATES),
          // Only the running totals (meta.count) are used: ask for a single data point.
          queue.getMetrics('completed', 0, 0),
          queue.getMetrics('failed', 0, 0),
        ]);
        const jobs = Object.fromEntries(QUEUE_STATES.map((s) => [s, counts[s] ?? 0])) as Record<
          QueueState,
          number
        >;
        return { queue: name, jobs, completedTotal: completed.meta.count, failedTotal: failed.meta.count };
      }),
    );
  }
}
