import { type JobProcessor, ProcessesJob } from '../../core/queue/job-processor.decorator';
import { JobName, type TimerJobPayload } from '../../core/queue/queue.constants';
import { CheckInRemindersService } from '../reminders/check-in-reminders.service';
import { CheckInTimerRunner } from './check-in-timer-runner.service';

/** The first working day after the due date: the caseworker hears the check-in is overdue. */
@ProcessesJob(JobName.CheckInOverdue)
export class CheckInOverdueProcessor implements JobProcessor<typeof JobName.CheckInOverdue> {
  constructor(
    private readonly runner: CheckInTimerRunner,
    private readonly reminders: CheckInRemindersService,
  ) {}

  async process({ timerIds }: TimerJobPayload): Promise<void> {
    await this.runner.run(timerIds, 'check_in_overdue', (tx, steps) =>
      this.reminders.overdue(
        tx,
        steps.map((s) => s.checkIn.id),
      ),
    );
  }
}
