import { updateReturning } from '../../core/database/update-returning.util';
import { type JobProcessor, ProcessesJob } from '../../core/queue/job-processor.decorator';
import { JobName, type TimerJobPayload } from '../../core/queue/queue.constants';
import { CheckInRemindersService } from '../reminders/check-in-reminders.service';
import { WatchEventsService } from '../watches/watch-events.service';
import { CheckInPlanner } from './check-in-planner.service';
import { CheckInTimerRunner } from './check-in-timer-runner.service';

/**
 * Midnight after the grace period: still planned check-ins become `missed` (conditional update), their watches'
 * streaks of missed contacts grow (the lapse scan reads them), retries are planned 2 working days later, the
 * timelines get a `check_in_missed` event and the coordinators an e-mail. A batch in one transaction, set-based.
 */
@ProcessesJob(JobName.CheckInMissed)
export class CheckInMissedProcessor implements JobProcessor<typeof JobName.CheckInMissed> {
  constructor(
    private readonly runner: CheckInTimerRunner,
    private readonly planner: CheckInPlanner,
    private readonly events: WatchEventsService,
    private readonly reminders: CheckInRemindersService,
  ) {}

  async process({ timerIds }: TimerJobPayload): Promise<void> {
    await this.runner.run(timerIds, 'check_in_missed', async (tx, steps) => {
      const now = new Date();
      const checkInIds = steps.map((s) => s.checkIn.id);
      // The runner holds the watches' locks and saw these check-ins planned: the update applies to each.
      await tx.query(
        `UPDATE check_ins SET status = 'missed', updated_at = now() WHERE id = ANY($1::uuid[]) AND status = 'planned'`,
        [checkInIds],
      );
      const watches = await updateReturning<{
        id: string;
        primary_caseworker_id: string;
        grace_period_days: number;
      }>(
        tx,
        `UPDATE watches SET missed_in_row = missed_in_row + 1 WHERE id = ANY($1::uuid[])
         RETURNING id, primary_caseworker_id, grace_period_days`,
        [steps.map((s) => s.checkIn.watchId)],
      );
      const watchOf = new Map(watches.map((w) => [w.id, w]));
      const retries = steps.map(({ checkIn, calendar }) => {
        const watch = watchOf.get(checkIn.watchId);
        if (!watch) throw new Error(`Watch ${checkIn.watchId} of check-in ${checkIn.id} is gone`);
        return {
          checkIn,
          calendar,
          watch,
          retry: this.planner.retry(calendar, calendar.today(now), watch.grace_period_days),
        };
      });
      await this.planner.plan(
        tx,
        retries.map(({ checkIn, calendar, watch, retry }) => ({
          organisationId: checkIn.organisationId,
          watchId: checkIn.watchId,
          caseworkerId: watch.primary_caseworker_id,
          calendar,
          preNoticeWorkingDays: checkIn.preNoticeWorkingDays,
          ...retry,
        })),
        now,
      );
      await this.events.record(
        tx,
        retries.map(({ checkIn, retry }) => ({
          organisationId: checkIn.organisationId,
          watchId: checkIn.watchId,
          type: 'check_in_missed' as const,
          actorId: null,
          details: { checkInId: checkIn.id, dueDate: checkIn.dueDate, retryDueDate: retry.dueDate },
        })),
      );
      return this.reminders.missed(tx, checkInIds);
    });
  }
}
