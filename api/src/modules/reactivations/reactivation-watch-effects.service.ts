import { Injectable } from '@nestjs/common';
import type { WatchStatus } from '@waakvlam/contracts';
import type { EntityManager } from 'typeorm';
import { updateReturning } from '../../core/database/update-returning.util';
import { CheckInPlanner } from '../check-ins/check-in-planner.service';
import { conflictProblem } from '../clients/field-problem.util';
import { OrganisationCalendars } from '../organisations/organisation-calendars.service';
import { DigestSchedulerService } from '../reminders/digest-scheduler.service';
import { WatchEventsService } from '../watches/watch-events.service';
import { WATCH_REACTIVATE_FROM, WATCH_STEP_DOWN_FROM } from './reactivation-transitions.util';

interface SteppedDownRow {
  primary_caseworker_id: string;
  interval_days: number;
  grace_period_days: number;
  pre_notice_working_days: number;
}

/**
 * What a request does to its watch, inside the request's transaction and the way watch transitions do it: lock the
 * watch, a conditional `UPDATE watches … WHERE status = ANY(from)`, the effect on check-ins (through the check-ins
 * planner) and a `watch_events` row with the actor.
 */
@Injectable()
export class ReactivationWatchEffects {
  constructor(
    private readonly planner: CheckInPlanner,
    private readonly calendars: OrganisationCalendars,
    private readonly events: WatchEventsService,
    private readonly digests: DigestSchedulerService,
  ) {}

  /** Locks the watch (before the request: the order every change of a watch takes) and returns its status. */
  async lock(tx: EntityManager, organisationId: string, watchId: string): Promise<WatchStatus | null> {
    const [row]: Array<{ status: WatchStatus }> = await tx.query(
      `SELECT status FROM watches WHERE organisation_id = $1 AND id = $2 FOR UPDATE`,
      [organisationId, watchId],
    );
    return row?.status ?? null;
  }

  /**
   * Accepting restarts support: an active, paused or lapsed watch becomes `reactivated`, its planned check-in (and
   * its reminder timers) are cancelled, and the `reactivated` event is written. A watch already reactivated stays
   * so; an ended watch is a 409 (reopen it first). The caller holds the watch's lock.
   */
  async reactivate(
    tx: EntityManager,
    organisationId: string,
    watchId: string,
    status: WatchStatus,
    event: { actorId: string; requestId: string },
  ): Promise<void> {
    if (status === 'ended') throw conflictProblem('The watch has ended: reopen it to restart support.');
    if (!WATCH_REACTIVATE_FROM.includes(status)) return;
    const rows = await updateReturning<{ id: string }>(
      tx,
      `UPDATE watches SET status = 'reactivated', updated_at = now()
       WHERE organisation_id = $1 AND id = $2 AND status = ANY($3::text[])
       RETURNING id`,
      [organisationId, watchId, WATCH_REACTIVATE_FROM],
    );
    if (rows.length === 0) return;
    await this.planner.cancelPlanned(tx, watchId);
    await this.events.record(tx, [
      {
        organisationId,
        watchId,
        type: 'reactivated',
        actorId: event.actorId,
        details: { from: status, reactivationRequestId: event.requestId },
      },
    ]);
  }

  /**
   * Resolving with `back_to_watch` steps the watch down: `reactivated` → `active`, the streak of missed check-ins
   * forgotten, any planned check-in replaced by a fresh plan from today, the digest ensured, and the
   * `stepped_down` event. A watch that is not reactivated is left as it is; an ended one is a 409.
   */
  async stepDown(
    tx: EntityManager,
    organisationId: string,
    watchId: string,
    status: WatchStatus,
    event: { actorId: string; requestId: string; note: string | null },
    now: Date,
  ): Promise<void> {
    if (status === 'ended') throw conflictProblem('The watch has ended: it cannot go back to light contact.');
    if (!WATCH_STEP_DOWN_FROM.includes(status)) return;
    const [row] = await updateReturning<SteppedDownRow>(
      tx,
      `UPDATE watches SET status = 'active', missed_in_row = 0, updated_at = now()
       WHERE organisation_id = $1 AND id = $2 AND status = ANY($3::text[])
       RETURNING primary_caseworker_id, interval_days, grace_period_days, pre_notice_working_days`,
      [organisationId, watchId, WATCH_STEP_DOWN_FROM],
    );
    if (!row) return;
    await this.planner.cancelPlanned(tx, watchId);
    const calendar = await this.calendars.forOrganisation(organisationId, tx);
    const next = this.planner.schedule(
      calendar,
      calendar.today(now),
      row.interval_days,
      row.grace_period_days,
    );
    await this.planner.plan(
      tx,
      [
        {
          organisationId,
          watchId,
          caseworkerId: row.primary_caseworker_id,
          calendar,
          preNoticeWorkingDays: row.pre_notice_working_days,
          ...next,
        },
      ],
      now,
    );
    await this.digests.ensure(tx, organisationId, [row.primary_caseworker_id], now);
    await this.events.record(tx, [
      {
        organisationId,
        watchId,
        type: 'stepped_down',
        actorId: event.actorId,
        details: {
          reactivationRequestId: event.requestId,
          nextDueDate: next.dueDate,
          ...(event.note ? { note: event.note } : {}),
        },
      },
    ]);
  }
}
