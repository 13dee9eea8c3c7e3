import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { TenantContext } from '../database/tenant-context.store';
import { DiscoveryService } from '@nestjs/core';
import { type Job, MetricsTime, Worker } from 'bullmq';
import { AppConfig } from '../config/app.config';
import { JOB_PROCESSOR_METADATA, type JobProcessor } from './job-processor.decorator';
import { buildProcessorMap } from './job-processor-registry.util';
import {
  JOB_QUEUE,
  JobName,
  type JobSchedule,
  QueueName,
  RETIRED_SCHEDULES,
  jobSchedules,
} from './queue.constants';
import { QueueService } from './queue.service';
import { RedisConnections } from './redis-connections.service';

/**
 * How often each worker process checks that the cluster-wide schedules still exist in Redis. A FLUSHALL or a
 * restart of a Redis without persistence loses them, and with them the planner: nothing would be planned again
 * until a worker process restarted.
 */
export const SCHEDULE_CHECK_MS = 5_000;

/** Consumer side, only in processes with the `worker` role: one BullMQ Worker per queue, dispatching by job name. */
@Injectable()
export class QueueWorkerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Worker');
  private readonly workers: Worker[] = [];
  private scheduleCheck?: NodeJS.Timeout;

  constructor(
    private readonly config: AppConfig,
    private readonly discovery: DiscoveryService,
    private readonly redis: RedisConnections,
    private readonly queues: QueueService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const found = this.discovery
      .getProviders()
      .filter((w) => w.metatype && w.instance && Reflect.getMetadata(JOB_PROCESSOR_METADATA, w.metatype))
      .map((w) => ({
        job: Reflect.getMetadata(JOB_PROCESSOR_METADATA, w.metatype as object) as string,
        processor: w.instance as JobProcessor<JobName>,
        className: (w.metatype as { name: string }).name,
      }));
    const processors = buildProcessorMap(Object.values(JobName), found);

    for (const queueName of Object.values(QueueName)) {
      const worker = new Worker(
        queueName,
        async (job: Job) => {
          const processor = processors.get(job.name as JobName);
          if (!processor || JOB_QUEUE[job.name as JobName] !== queueName) {
            throw new Error(`No processor for job '${job.name}' on queue '${queueName}'`);
          }
          // Jobs serve every organisation (a timer batch, a purge); each re-reads its rows by id.
          await TenantContext.asSystem(`job ${job.name}`, () =>
            processor.process(job.data as never, { jobId: job.id ?? '', attempt: job.attemptsMade + 1 }),
          );
        },
        {
          connection: this.redis.create(`worker-${queueName}`, { maxRetriesPerRequest: null }),
          prefix: this.config.queuePrefix,
          // One planner tick at a time per process; the others as configured.
          concurrency: queueName === QueueName.Planner ? 1 : this.config.workerConcurrency,
          // BullMQ's completed/failed counters in Redis: cluster-wide, read by GET /metrics in any process.
          metrics: { maxDataPoints: MetricsTime.ONE_WEEK },
        },
      );
      worker.on('failed', (job, err) =>
        this.logger.warn(`Job ${job?.name ?? '?'} ${job?.id ?? ''} failed: ${err.message}`),
      );
      worker.on('error', (err) => this.logger.error(`Worker error on ${queueName}: ${err.message}`));
      this.workers.push(worker);
    }

    const schedules = jobSchedules({
      plannerMs: this.config.plannerIntervalMs,
      lapseScanMs: this.config.lapseScanMs,
    });
    for (const schedule of schedules) {
      await this.queues.upsertSchedule(schedule.id, schedule.job, schedule.everyMs, {});
    }
    for (const retired of RETIRED_SCHEDULES)
      await this.queues.queue(retired.queue).removeJobScheduler(retired.id);
    let checking = false;
    this.scheduleCheck = setInterval(() => {
      if (checking) return; // Redis is slow to answer: one check at a time.
      checking = true;
      void this.restoreMissingSchedules(schedules).finally(() => (checking = false));
    }, SCHEDULE_CHECK_MS);
    this.scheduleCheck.unref();
    this.logger.log(`Processing ${processors.size} job types on ${this.workers.length} queues`);
  }

  /** Re-creates every schedule that Redis lost (flushed, or restarted empty). Safe in every process at once. */
  async restoreMissingSchedules(schedules: readonly JobSchedule[]): Promise<number> {
    let restored = 0;
    try {
      for (const schedule of schedules) {
        const queue = this.queues.queue(JOB_QUEUE[schedule.job]);
        if (await queue.getJobScheduler(schedule.id)) continue;
        await this.queues.upsertSchedule(schedule.id, schedule.job, schedule.everyMs, {});
        restored++;
      }
    } catch {
      // Redis is unreachable: the next check tries again.
    }
    if (restored > 0) this.logger.warn(`Restored ${restored} job schedules missing from Redis`);
    return restored;
  }

  /** Waits for active jobs to finish, so a SIGTERM never leaves a job half done. */
  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.scheduleCheck);
    await Promise.all(this.workers.map((w) => w.close()));
    this.workers.length = 0;
  }
}
