import { Injectable } from '@nestjs/common';
import type { CheckIn, CheckInOutcome, ContactMode } from '@waakvlam/contracts';
import { adaptInterval, type CadenceSignal } from '@waakvlam/schedule';
import { DataSource, type EntityManager } from 'typeorm';
import type { TenantScope } from '../../core/database/tenant-scope.model';
import { conflictProblem } from '../clients/field-problem.util';
import { OrganisationCalendars } from '../organisations/organisation-calendars.service';
import { updateReturning } from '../../core/database/update-returning.util';
import { WatchEventsService, type NewWatchEvent } from '../watches/watch-events.service';
import { TimersService } from '../scheduling/timers.service';
import { ReactivationRequestsService } from '../reactivations/reactivation-requests.service';
import { CheckInPlanner } from './check-in-planner.service';
import { CheckInsService } from './check-ins.service';
import type { CompleteCheckInDto } from './complete-check-in.dto';

interface LockedWatch {
  watch_id: string;
  status: string;
  primary_caseworker_id: string;
  backup_caseworker_id: string | null;
  interval_days: number;
  min_interval_days: number;
  max_interval_days: number;
  grace_period_days: number;
  pre_notice_working_days: number;
}

const signal = (outcome: CheckInOutcome | null): CadenceSignal =>
  outcome === 'well' ? 'well' : outcome === 'concern' ? 'concern' : 'other';

/**
 * Records a check-in and plans the next one, in one transaction. The watch row is locked first (as every
 * transition does), so a concurrent pause or end cannot leave a paused or ended watch with a planned check-in.
 */
@Injectable()
export class CheckInCompletionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly calendars: OrganisationCalendars,
    private readonly planner: CheckInPlanner,
    private readonly events: WatchEventsService,
    private readonly checkIns: CheckInsService,
    private readonly timers: TimersService,
    private readonly reactivations: ReactivationRequestsService,
  ) {}

  /**
   * Null when there is no such check-in in the organisation, or a caseworker is not the watch's primary or backup.
   * A 409 problem when it is not planned (done, missed or cancelled).
   */
  async complete(
    scope: TenantScope,
    actor: { userId: string; isCaseworker: boolean },
    id: string,
    dto: CompleteCheckInDto,
    now = new Date(),
  ): Promise<CheckIn | null> {
    let notificationIds: string[] = [];
    const result = await this.dataSource.transaction(async (tx) => {
      const outcome = await this.completeInTx(
        tx,
        scope.organisationId,
        id,
        { ...dto, actorId: actor.userId, caseworkerId: actor.isCaseworker ? actor.userId : null },
        now,
      );
      // The caseworker records that the client needs support: a reactivation request opens (or joins the open one).
      if (outcome === 'done' && dto.outcome === 'needs_support') {
        const reactivation = await this.reactivations.requestForCheckIn(
          tx,
          {
            organisationId: scope.organisationId,
            checkInId: id,
            source: 'caseworker',
            urgency: 'normal',
            reason: dto.note?.trim() || 'Contactmoment: heeft ondersteuning nodig.',
            actorId: actor.userId,
          },
          now,
        );
        notificationIds = reactivation?.notificationIds ?? [];
      }
      return outcome;
    });
    await this.reactivations.dispatch(notificationIds);
    if (result === 'not-planned')
      throw conflictProblem('This check-in is no longer planned (done, missed or cancelled).');
    return result === 'not-found' ? null : this.checkIns.get(scope, id);
  }

  /**
   * Records the outcome and plans the next check-in inside the caller's transaction. `actorId` null: the client
   * answered a self check-in. `caseworkerId` set: only the watch's primary or backup caseworker may record it.
   */
  async completeInTx(
    tx: EntityManager,
    organisationId: string,
    id: string,
    record: {
      outcome: CheckInOutcome;
      channel: ContactMode;
      note?: string | null;
      actorId: string | null;
      caseworkerId?: string | null;
    },
    now: Date,
  ): Promise<'done' | 'not-found' | 'not-planned'> {
    const [w]: LockedWatch[] = await tx.query(
      `SELECT w.id AS watch_id, w.status, w.primary_caseworker_id, w.backup_caseworker_id, w.interval_days,
              w.min_interval_days, w.max_interval_days, w.grace_period_days, w.pre_notice_working_days
       FROM check_ins ci JOIN watches w ON w.id = ci.watch_id
       WHERE ci.organisation_id = $1 AND ci.id = $2
       FOR UPDATE OF w`,
      [organisationId, id],
    );
    if (!w) return 'not-found';
    if (
      record.caseworkerId &&
      record.caseworkerId !== w.primary_caseworker_id &&
      record.caseworkerId !== w.backup_caseworker_id
    )
      return 'not-found';
    const updated = await updateReturning<{ id: string }>(
      tx,
      `UPDATE check_ins SET status = 'done', outcome = $3, channel = $4, note = $5, completed_at = $6,
              completed_by = $7, updated_at = now()
       WHERE organisation_id = $1 AND id = $2 AND status = 'planned'
       RETURNING id`,
      [organisationId, id, record.outcome, record.channel, record.note?.trim() || null, now, record.actorId],
    );
    if (updated.length === 0) return 'not-planned';
    await this.timers.cancelForSubjects(tx, [id]);
    // A contact made ends a streak of missed and not reached check-ins; not reached adds to it.
    await tx.query(
      `UPDATE watches SET missed_in_row = CASE WHEN $2 THEN missed_in_row + 1 ELSE 0 END WHERE id = $1`,
      [w.watch_id, record.outcome === 'not_reached'],
    );

    const calendar = await this.calendars.forOrganisation(organisationId, tx);
    const today = calendar.today(now);
    const events: NewWatchEvent[] = [];
    const base = { organisationId, watchId: w.watch_id, actorId: record.actorId };

    // Outcomes since the cadence last changed, newest first; a missed check-in breaks a streak of `well`.
    const recent: Array<{ outcome: CheckInOutcome | null }> = await tx.query(
      `SELECT ci.outcome FROM check_ins ci JOIN watches w ON w.id = ci.watch_id
       WHERE ci.watch_id = $1 AND ci.status IN ('done', 'missed') AND ci.updated_at > w.cadence_changed_at
       ORDER BY ci.updated_at DESC, ci.due_date DESC
       LIMIT 10`,
      [w.watch_id],
    );
    let interval = w.interval_days;
    const change = adaptInterval(
      w.interval_days,
      { min: w.min_interval_days, max: w.max_interval_days },
      recent.map((r) => signal(r.outcome)),
    );
    if (change) {
      interval = change.intervalDays;
      await tx.query(
        `UPDATE watches SET interval_days = $2, cadence_changed_at = now(), updated_at = now() WHERE id = $1`,
        [w.watch_id, interval],
      );
      events.push({
        ...base,
        type: 'cadence_changed',
        reason: change.reason,
        details: { from: { intervalDays: w.interval_days }, to: { intervalDays: interval }, checkInId: id },
      });
    }

    let nextDueDate: string | null = null;
    if (w.status !== 'paused' && w.status !== 'ended') {
      const next =
        record.outcome === 'not_reached'
          ? this.planner.retry(calendar, today, w.grace_period_days)
          : this.planner.schedule(calendar, today, interval, w.grace_period_days);
      await this.planner.plan(
        tx,
        [
          {
            organisationId,
            watchId: w.watch_id,
            caseworkerId: w.primary_caseworker_id,
            calendar,
            preNoticeWorkingDays: w.pre_notice_working_days,
            ...next,
          },
        ],
        now,
      );
      nextDueDate = next.dueDate;
    }
    events.push({
      ...base,
      type: 'check_in_completed',
      details: { checkInId: id, outcome: record.outcome, channel: record.channel, nextDueDate },
    });
    await this.events.record(tx, events);
    return 'done';
  }
}
