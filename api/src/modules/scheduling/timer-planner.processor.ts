import { Logger } from '@nestjs/common';
import { type JobProcessor, ProcessesJob } from '../../core/queue/job-processor.decorator';
import { JobName } from '../../core/queue/queue.constants';
import { TimerPlannerService } from './timer-planner.service';

/** Once per planner interval across the cluster (a BullMQ job scheduler): due timers become jobs. */
@ProcessesJob(JobName.TimerPlanner)
export class TimerPlannerProcessor implements JobProcessor<typeof JobName.TimerPlanner> {
  private readonly logger = new Logger('TimerPlanner');

  constructor(private readonly planner: TimerPlannerService) {}

  async process(): Promise<void> {
    const tick = await this.planner.tick();
    if (tick.enqueued > 0 || tick.recoveredNotifications > 0)
      this.logger.debug(
        `Planned ${tick.enqueued} timers in ${tick.batches} batches (${tick.ms} ms); ` +
          `recovered ${tick.recoveredNotifications} messages`,
      );
  }
}
