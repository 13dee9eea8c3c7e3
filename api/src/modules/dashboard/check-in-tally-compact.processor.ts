import { Logger } from '@nestjs/common';
import { type JobProcessor, ProcessesJob } from '../../core/queue/job-processor.decorator';
import { JobName } from '../../core/queue/queue.constants';
import { CheckInTallies } from './check-in-tallies.service';

/** Every 5 minutes across the cluster: folds the check-in tally changes into the tallies. Safe to run twice. */
@ProcessesJob(JobName.CheckInTallyCompact)
export class CheckInTallyCompactProcessor implements JobProcessor<typeof JobName.CheckInTallyCompact> {
  private readonly logger = new Logger('CheckInTallyCompact');

  constructor(private readonly tallies: CheckInTallies) {}

  async process(): Promise<void> {
    const folded = await this.tallies.compact();
    if (folded > 0) this.logger.log(`Folded ${folded} check-in tally changes`);
  }
}
