import { type JobProcessor, ProcessesJob } from '../../core/queue/job-processor.decorator';
import { JobName, type TimerJobPayload } from '../../core/queue/queue.constants';
import { ReactivationSlaRunner } from './reactivation-sla-runner.service';
import { SLA_HALF_KIND } from './reactivation-sla-timers.service';

/** Half the time for the first contact has passed: the assignee is reminded (the coordinators for the pool). */
@ProcessesJob(JobName.ReactivationSlaHalf)
export class ReactivationSlaHalfProcessor implements JobProcessor<typeof JobName.ReactivationSlaHalf> {
  constructor(private readonly runner: ReactivationSlaRunner) {}

  async process({ timerIds }: TimerJobPayload): Promise<void> {
    await this.runner.run(timerIds, SLA_HALF_KIND);
  }
}
