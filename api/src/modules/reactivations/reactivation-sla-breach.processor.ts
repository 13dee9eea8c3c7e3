import { type JobProcessor, ProcessesJob } from '../../core/queue/job-processor.decorator';
import { JobName, type TimerJobPayload } from '../../core/queue/queue.constants';
import { ReactivationSlaRunner } from './reactivation-sla-runner.service';
import { SLA_BREACH_KIND } from './reactivation-sla-timers.service';

/** The first contact is overdue: the coordinators hear of the breach (escalation). */
@ProcessesJob(JobName.ReactivationSlaBreach)
export class ReactivationSlaBreachProcessor implements JobProcessor<typeof JobName.ReactivationSlaBreach> {
  constructor(private readonly runner: ReactivationSlaRunner) {}

  async process({ timerIds }: TimerJobPayload): Promise<void> {
    await this.runner.run(timerIds, SLA_BREACH_KIND);
  }
}
