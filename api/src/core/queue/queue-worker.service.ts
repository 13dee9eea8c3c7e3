import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { type Job, MetricsTime, Worker } from 'bullmq';
import { AppConfig } from '../config/app.config';
import { JOB_PROCESSOR_METADATA, type JobProcessor } from './job-processor.decorator';
import { buildProcessorMap } from './job-processor-registry.util';
import { JOB_QUEUE, JobName, QueueName, RETIRED_SCHEDULES, jobSchedules } from './queue.constants';
import { QueueService } from './queue.service';
import { RedisConnections } from './redis-connections.service';

/** Consumer side, only in processes with the `worker` role: one BullMQ Worker per queue, dispatching by job name. */
@Injectable()
export class QueueWorkerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Worker');
  private readonly workers: Worker[] = [];

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
          await processor.process(job.data as never, { jobId: job.id ?? '', attempt: job.attemptsMade + 1 });
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
    this.logger.log(`Processing ${processors.size} job types on ${this.workers.length} queues`);
  }

  /** Waits for active jobs to finish, so a SIGTERM never leaves a job half done. */
  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.close()));
    this.workers.length = 0;
  }
}
