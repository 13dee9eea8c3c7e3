import { Logger } from '@nestjs/common';
import { type JobProcessor, ProcessesJob } from '../../core/queue/job-processor.decorator';
import { JobName } from '../../core/queue/queue.constants';
import { MissedCheckInSweep } from './missed-check-in-sweep.service';

/** Every 15 minutes across the cluster: planned check-ins past their grace period become missed. */
@ProcessesJob(JobName.CheckInMissedSweep)
export class CheckInMissedSweepProcessor implements JobProcessor<typeof JobName.CheckInMissedSweep> {
  private readonly logger = new Logger('CheckInMissedSweep');

  constructor(private readonly sweep: MissedCheckInSweep) {}

  async process(): Promise<void> {
    const missed = await this.sweep.run();
    if (missed > 0) this.logger.log(`Marked ${missed} check-ins missed`);
  }
}
