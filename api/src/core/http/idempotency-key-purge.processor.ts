import { Logger } from '@nestjs/common';
import { type JobProcessor, ProcessesJob } from '../queue/job-processor.decorator';
import { JobName } from '../queue/queue.constants';
import { IdempotencyStore } from './idempotency-store.service';

/** Hourly across the cluster: forgets Idempotency-Keys older than 24 hours. Safe to run twice. */
@ProcessesJob(JobName.IdempotencyKeyPurge)
export class IdempotencyKeyPurgeProcessor implements JobProcessor<typeof JobName.IdempotencyKeyPurge> {
  private readonly logger = new Logger('IdempotencyKeyPurge');

  constructor(private readonly store: IdempotencyStore) {}

  async process(): Promise<void> {
    const purged = await this.store.purge();
    if (purged > 0) this.logger.log(`Purged ${purged} idempotency keys`);
  }
}
