import { updateReturning } from '../../core/database/update-returning.util';
import { type JobProcessor, ProcessesJob } from '../../core/queue/job-processor.decorator';
import { JobName, type TimerJobPayload } from '../../core/queue/queue.constants';
import { CheckInRemindersService } from '../reminders/check-in-reminders.service';
import { WatchEventsService } from '../watches/watch-events.service';
import { CheckInPlanner } from './check-in-planner.service';
import { CheckInTimerRunner } from './check-in-timer-runner.service';

/**
 * Midnight after the grace period: a still planned check-in becomes `missed` (conditional update), the watch's
 * streak of missed contacts grows (the lapse scan reads it), a retry is planned 2 working days later, the timeline
 * gets a `check_in_missed` event and the coordinators an e-mail. All in one transaction.
 */
@ProcessesJob(JobName.CheckInMissed)
export class CheckInMissedProcessor implements JobProcessor<typeof JobName.CheckInMissed> {
  constructor(
    private readonly runner: CheckInTimerRunner,
    private readonly planner: CheckInPlanner,
    private readonly events: WatchEventsService,
    private readonly reminders: CheckInRemindersService,
  ) {}

  async process({ timerId }: TimerJobPayload): Promise<void> {
    await this.runner.run(timerId, 'check_in_missed', async (tx, { checkIn, calendar }) => {
      const now = new Date();
      // The runner holds the watch's lock and saw the check-in planned: this update applies.
      await tx.query(
        `UPDATE check_ins SET status = 'missed', updated_at = now() WHERE id = $1 AND status = 'planned'`,
        [checkIn.id],
      );
      const [watch] = await updateReturning<{ primary_caseworker_id: string; grace_period_days: number }>(
        tx,
        `UPDATE watches SET missed_in_row = missed_in_row + 1 WHERE id = $1
         RETURNING primary_caseworker_id, grace_period_days`,
        [checkIn.watchId],
      );
      const retry = this.planner.retry(calendar, calendar.today(now), watch.grace_period_days);
      await this.planner.plan(
        tx,
        [
          {
            organisationId: checkIn.organisationId,
            watchId: checkIn.watchId,
            caseworkerId: watch.primary_caseworker_id,
            calendar,
            preNoticeWorkingDays: checkIn.preNoticeWorkingDays,
            ...retry,
          },
        ],
        now,
      );
      await this.events.record(tx, [
        {
          organisationId: checkIn.organisationId,
          watchId: checkIn.watchId,
          type: 'check_in_missed',
          actorId: null,
          details: { checkInId: checkIn.id, dueDate: checkIn.dueDate, retryDueDate: retry.dueDate },
        },
      ]);
      return this.reminders.missed(tx, checkIn.id);
    });
  }
}
