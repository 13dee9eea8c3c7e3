import { type JobProcessor, ProcessesJob } from '../../core/queue/job-processor.decorator';
import { JobName, type TimerJobPayload } from '../../core/queue/queue.constants';
import { CheckInRemindersService } from '../reminders/check-in-reminders.service';
import { CheckInTimerRunner } from './check-in-timer-runner.service';

/** The last day of the grace period: the backup caseworker hears the check-in is about to be missed. */
@ProcessesJob(JobName.CheckInGraceEnded)
export class CheckInGraceEndedProcessor implements JobProcessor<typeof JobName.CheckInGraceEnded> {
  constructor(
    private readonly runner: CheckInTimerRunner,
    private readonly reminders: CheckInRemindersService,
  ) {}

  async process({ timerIds }: TimerJobPayload): Promise<void> {
    await this.runner.run(timerIds, 'check_in_grace_ended', (tx, steps) =>
      this.reminders.graceEnded(
        tx,
        steps.map((s) => s.checkIn.id),
      ),
    );
  }
}
