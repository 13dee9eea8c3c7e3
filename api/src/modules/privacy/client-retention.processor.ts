import { Logger } from '@nestjs/common';
import { type JobProcessor, ProcessesJob } from '../../core/queue/job-processor.decorator';
import { JobName } from '../../core/queue/queue.constants';
import { ClientRetentionService } from './client-retention.service';

/** Daily across the cluster: anonymises clients past their retention period. Safe to run twice. */
@ProcessesJob(JobName.ClientRetention)
export class ClientRetentionProcessor implements JobProcessor<typeof JobName.ClientRetention> {
  private readonly logger = new Logger('ClientRetention');

  constructor(private readonly retention: ClientRetentionService) {}

  async process(): Promise<void> {
    const run = await this.retention.run();
    // Counts only: never who.
    if (run.anonymised > 0)
      this.logger.log(`Anonymised ${run.anonymised} clients past their retention period`);
  }
}
