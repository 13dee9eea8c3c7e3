import { Injectable } from '@nestjs/common';
import type { WorkingCalendar } from '@waakvlam/schedule';
import type { EntityManager } from 'typeorm';

export interface PlannedCheckIn {
  organisationId: string;
  watchId: string;
  /** The watch's primary caseworker now. */
  caseworkerId: string;
  dueDate: string;
  graceEndsOn: string;
}

/** Plans and cancels check-ins inside the caller's transaction; the caller holds the watch's row lock. */
@Injectable()
export class CheckInPlanner {
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

  /** Inserts planned check-ins in one statement; returns their ids in the same order. */
  async plan(tx: EntityManager, checkIns: readonly PlannedCheckIn[]): Promise<string[]> {
    if (checkIns.length === 0) return [];
    const rows: Array<{ id: string }> = await tx.query(
      `INSERT INTO check_ins (organisation_id, watch_id, caseworker_id, due_date, grace_ends_on)
       SELECT p.organisation_id, p.watch_id, p.caseworker_id, p.due_date, p.grace_ends_on
       FROM jsonb_to_recordset($1::jsonb)
         AS p(organisation_id uuid, watch_id uuid, caseworker_id uuid, due_date date, grace_ends_on date)
       RETURNING id`,
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
    return rows.map((r) => r.id);
  }

  /** Cancels the watch's planned check-in, if any. */
  async cancelPlanned(tx: EntityManager, watchId: string): Promise<void> {
    await tx.query(
      `UPDATE check_ins SET status = 'cancelled', updated_at = now() WHERE watch_id = $1 AND status = 'planned'`,
      [watchId],
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
