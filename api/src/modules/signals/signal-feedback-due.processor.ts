import { DataSource } from 'typeorm';
import { type JobProcessor, ProcessesJob } from '../../core/queue/job-processor.decorator';
import { JobName, type TimerJobPayload } from '../../core/queue/queue.constants';
import { NotificationsService } from '../notifications/notifications.service';
import { runTimerBatch } from '../scheduling/timer-batch.util';
import { TimersService } from '../scheduling/timers.service';
import { SignalNudgesService } from './signal-nudges.service';

/**
 * Signals' `signal_feedback_due` timers fired (a batch). In one transaction: take the timers in one statement and
 * write the coordinators' nudges for the signals still without feedback; the e-mails are queued after commit. Safe
 * to run twice: the second run finds the timers taken and does nothing (and each nudge has its own key).
 */
@ProcessesJob(JobName.SignalFeedbackDue)
export class SignalFeedbackDueProcessor implements JobProcessor<typeof JobName.SignalFeedbackDue> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly timers: TimersService,
    private readonly nudges: SignalNudgesService,
    private readonly notifications: NotificationsService,
  ) {}

  async process({ timerIds }: TimerJobPayload): Promise<void> {
    await runTimerBatch(timerIds, async (ids) => {
      const notificationIds = await this.dataSource.transaction(async (tx) => {
        const taken = await this.timers.takeMany(tx, ids, 'signal_feedback_due');
        return this.nudges.remind(
          tx,
          taken.map((t) => t.subject_id),
        );
      });
      await this.notifications.dispatch(notificationIds);
    });
  }
}
