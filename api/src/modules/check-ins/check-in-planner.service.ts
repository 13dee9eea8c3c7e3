import { Injectable } from '@nestjs/common';
import type { WorkingCalendar } from '@waakvlam/schedule';
import type { EntityManager } from 'typeorm';
import { TimersService } from '../scheduling/timers.service';
import { firstLadderStep } from './check-in-ladder.util';
import { updateReturning } from '../../core/database/update-returning.util';
import { handoverCondition } from './check-in-handover.util';

export interface PlannedCheckIn {
  organisationId: string;
  watchId: string;
  /**
   * The watch's primary caseworker now. When she is absent on the due date, the check-in is planned for the
   * watch's backup (if active and not absent), with `handed_over_from` set to her.
   */
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
    // Due in the primary's absence: planned for the watch's backup when she can take it (absence handover).
    const rows: Array<{ id: string; watch_id: string }> = await tx.query(
      `INSERT INTO check_ins (organisation_id, watch_id, caseworker_id, handed_over_from, due_date, grace_ends_on)
       SELECT p.organisation_id, p.watch_id, coalesce(h.backup_id, p.caseworker_id),
              CASE WHEN h.backup_id IS NOT NULL THEN p.caseworker_id END, p.due_date, p.grace_ends_on
       FROM jsonb_to_recordset($1::jsonb)
         AS p(organisation_id uuid, watch_id uuid, caseworker_id uuid, due_date date, grace_ends_on date)
       LEFT JOIN LATERAL (
         SELECT b.id AS backup_id
         FROM watches w JOIN users b ON b.id = w.backup_caseworker_id AND b.organisation_id = w.organisation_id
         WHERE w.organisation_id = p.organisation_id AND w.id = p.watch_id
           AND w.primary_caseworker_id = p.caseworker_id
           AND ${handoverCondition('p.organisation_id', 'p.caseworker_id', 'b', 'p.due_date')}
       ) h ON true
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

  /** The planned check-in follows the watch's new primary caseworker (see reassignPlannedMany). */
  async reassignPlanned(tx: EntityManager, watchId: string, caseworkerId: string): Promise<void> {
    await this.reassignPlannedMany(tx, [{ watchId, caseworkerId }]);
  }

  /**
   * The planned check-ins follow their watches' new primary caseworkers, in one statement (a handover ends with
   * it; after the watches' update, handOverAfterCaseworkerChange hands them over again where the new primary is
   * absent).
   */
  async reassignPlannedMany(
    tx: EntityManager,
    moves: ReadonlyArray<{ watchId: string; caseworkerId: string }>,
  ): Promise<void> {
    if (moves.length === 0) return;
    await tx.query(
      `UPDATE check_ins ci SET caseworker_id = m.caseworker_id, handed_over_from = NULL, updated_at = now()
       FROM jsonb_to_recordset($1::jsonb) AS m(watch_id uuid, caseworker_id uuid)
       WHERE ci.watch_id = m.watch_id AND ci.status = 'planned'`,
      [JSON.stringify(moves.map((m) => ({ watch_id: m.watchId, caseworker_id: m.caseworkerId })))],
    );
  }
}
