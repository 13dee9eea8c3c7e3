import { Injectable } from '@nestjs/common';
import type { WorkingCalendar } from '@waakvlam/schedule';
import type { EntityManager } from 'typeorm';
import { TimersService } from '../scheduling/timers.service';
import { firstLadderStep } from './check-in-ladder.util';
import { updateReturning } from '../../core/database/update-returning.util';

export interface PlannedCheckIn {
  organisationId: string;
  watchId: string;
  /** The watch's primary caseworker now. */
  caseworkerId: string;
  dueDate: string;
  graceEndsOn: string;
  /** The organisation's calendar: the check-in's timers fire in its time zone, on its working days. */
  calendar: WorkingCalendar;
  /** The watch's pre-notice setting: where the check-in's reminder ladder starts. */
  preNoticeWorkingDays: number;
}

/**
 * Plans and cancels check-ins inside the caller's transaction; the caller holds the watch's row lock. A planned
 * check-in gets its first timer in the same transaction, and cancelling it cancels its timers.
 */
@Injectable()
export class CheckInPlanner {
  constructor(private readonly timers: TimersService) {}

  /** The check-in due `from` + interval (next working day), with its grace period in working days. */
  schedule(
    calendar: WorkingCalendar,
    from: string,
    intervalDays: number,
    gracePeriodDays: number,
  ): { dueDate: string; graceEndsOn: string } {
    const dueDate = calendar.nextDueDate(from, intervalDays);
    return { dueDate, graceEndsOn: calendar.addWorkingDays(dueDate, gracePeriodDays) };
  }

  /** A retry 2 working days after `today` (not reached, or missed). */
  retry(
    calendar: WorkingCalendar,
    today: string,
    gracePeriodDays: number,
  ): { dueDate: string; graceEndsOn: string } {
    const dueDate = calendar.addWorkingDays(today, 2);
    return { dueDate, graceEndsOn: calendar.addWorkingDays(dueDate, gracePeriodDays) };
  }

  /** Inserts planned check-ins in one statement, and their first timers in another; returns their ids in order. */
  async plan(tx: EntityManager, checkIns: readonly PlannedCheckIn[], now = new Date()): Promise<string[]> {
    if (checkIns.length === 0) return [];
    const rows: Array<{ id: string; watch_id: string }> = await tx.query(
      `INSERT INTO check_ins (organisation_id, watch_id, caseworker_id, due_date, grace_ends_on)
       SELECT p.organisation_id, p.watch_id, p.caseworker_id, p.due_date, p.grace_ends_on
       FROM jsonb_to_recordset($1::jsonb)
         AS p(organisation_id uuid, watch_id uuid, caseworker_id uuid, due_date date, grace_ends_on date)
       RETURNING id, watch_id`,
      [
        JSON.stringify(
          checkIns.map((c) => ({
            organisation_id: c.organisationId,
            watch_id: c.watchId,
            caseworker_id: c.caseworkerId,
            due_date: c.dueDate,
            grace_ends_on: c.graceEndsOn,
          })),
        ),
      ],
    );
    // A watch has at most one planned check-in: its id names the new row.
    const idOf = new Map(rows.map((r) => [r.watch_id, r.id]));
    await this.timers.schedule(
      tx,
      checkIns.map((c) => {
        const step = firstLadderStep(
          c.calendar,
          {
            dueDate: c.dueDate,
            graceEndsOn: c.graceEndsOn,
            preNoticeWorkingDays: c.preNoticeWorkingDays,
          },
          now,
        );
        return {
          organisationId: c.organisationId,
          kind: step.kind,
          subjectId: idOf.get(c.watchId) as string,
          fireAt: step.fireAt,
        };
      }),
    );
    return checkIns.map((c) => idOf.get(c.watchId) as string);
  }

  /** Cancels the watch's planned check-in, if any, and its timers. */
  async cancelPlanned(tx: EntityManager, watchId: string): Promise<void> {
    const cancelled = await updateReturning<{ id: string }>(
      tx,
      `UPDATE check_ins SET status = 'cancelled', updated_at = now() WHERE watch_id = $1 AND status = 'planned'
       RETURNING id`,
      [watchId],
    );
    await this.timers.cancelForSubjects(
      tx,
      cancelled.map((c) => c.id),
    );
  }

  /** The planned check-in follows the watch's new primary caseworker. */
  async reassignPlanned(tx: EntityManager, watchId: string, caseworkerId: string): Promise<void> {
    await tx.query(
      `UPDATE check_ins SET caseworker_id = $2, updated_at = now() WHERE watch_id = $1 AND status = 'planned'`,
      [watchId, caseworkerId],
    );
  }
}
