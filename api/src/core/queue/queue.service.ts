import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { type JobsOptions, Queue } from 'bullmq';
import { AppConfig } from '../config/app.config';
import { JOB_QUEUE, type JobName, type JobPayloads, type QueueName } from './queue.constants';

/** A job to add: its name, its typed payload and options. */
export type TypedJob = {
  [N in JobName]: { name: N; data: JobPayloads[N]; opts?: JobsOptions };
}[JobName];
import { RedisConnections } from './redis-connections.service';

/** Producer side: one BullMQ Queue per queue name, created on first use. */
@Injectable()
export class QueueService implements OnApplicationShutdown {
  private readonly queues = new Map<QueueName, Queue>();

  constructor(
    private readonly config: AppConfig,
    private readonly redis: RedisConnections,
  ) {}

  queue(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, {
        connection: this.redis.create(`queue-${name}`, { maxRetriesPerRequest: null }),
        prefix: this.config.queuePrefix,
        defaultJobOptions: { removeOnComplete: 1000, removeOnFail: 5000 },
      });
      // As for every connection (RedisConnections): the health check and the failing command report it.
      queue.on('error', () => undefined);
      this.queues.set(name, queue);
    }
    return queue;
  }

  /** Adds a job with a typed payload to the queue it belongs to. */
  async add<N extends JobName>(job: N, payload: JobPayloads[N], options: JobsOptions = {}): Promise<void> {
    if (options.jobId?.includes(':')) throw new Error(`Job id must not contain ':' (${options.jobId})`);
    await this.queue(JOB_QUEUE[job]).add(job, payload, options);
  }

  /** Adds many jobs in one round trip per queue (`addBulk`). */
  async addMany(jobs: readonly TypedJob[]): Promise<void> {
    const byQueue = new Map<QueueName, TypedJob[]>();
    for (const job of jobs) {
      if (job.opts?.jobId?.includes(':')) throw new Error(`Job id must not contain ':' (${job.opts.jobId})`);
      const queue = JOB_QUEUE[job.name];
      byQueue.set(queue, [...(byQueue.get(queue) ?? []), job]);
    }
    await Promise.all([...byQueue].map(([queue, list]) => this.queue(queue).addBulk(list)));
  }

  /** Creates or updates a cluster-wide schedule: BullMQ runs the job once per interval, whatever the number of workers. */
  async upsertSchedule<N extends JobName>(
    id: string,
    job: N,
    everyMs: number,
    payload: JobPayloads[N],
  ): Promise<void> {
    await this.queue(JOB_QUEUE[job]).upsertJobScheduler(id, { every: everyMs }, { name: job, data: payload });
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.close()));
    this.queues.clear();
  }
}
