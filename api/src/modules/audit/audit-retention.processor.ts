import { Logger } from '@nestjs/common';
import { type JobProcessor, ProcessesJob } from '../../core/queue/job-processor.decorator';
import { JobName } from '../../core/queue/queue.constants';
import { AuditRetentionService } from './audit-retention.service';

/** Daily, across the cluster: removes audit events past their retention. Running it twice removes nothing more. */
@ProcessesJob(JobName.AuditRetention)
export class AuditRetentionProcessor implements JobProcessor<typeof JobName.AuditRetention> {
  private readonly logger = new Logger('AuditRetention');

  constructor(private readonly retention: AuditRetentionService) {}

  async process(): Promise<void> {
    const removed = await this.retention.purge();
    if (removed > 0) this.logger.log(`Removed ${removed} audit events past their retention`);
  }
}
