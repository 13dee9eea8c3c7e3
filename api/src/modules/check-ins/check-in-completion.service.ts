import { Injectable } from '@nestjs/common';
import type { CheckIn, CheckInOutcome } from '@waakvlam/contracts';
import { adaptInterval, type CadenceSignal } from '@waakvlam/schedule';
import { DataSource } from 'typeorm';
import type { TenantScope } from '../../core/database/tenant-scope.model';
import { conflictProblem } from '../clients/field-problem.util';
import { OrganisationCalendars } from '../watches/organisation-calendars.service';
import { updateReturning } from '../../core/database/update-returning.util';
import { WatchEventsService, type NewWatchEvent } from '../watches/watch-events.service';
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
    const done = await this.dataSource.transaction(async (tx) => {
      const [w]: LockedWatch[] = await tx.query(
        `SELECT w.id AS watch_id, w.status, w.primary_caseworker_id, w.backup_caseworker_id, w.interval_days,
                w.min_interval_days, w.max_interval_days, w.grace_period_days
         FROM check_ins ci JOIN watches w ON w.id = ci.watch_id
         WHERE ci.organisation_id = $1 AND ci.id = $2
         FOR UPDATE OF w`,
        [scope.organisationId, id],
      );
      if (!w) return false;
      if (
        actor.isCaseworker &&
        actor.userId !== w.primary_caseworker_id &&
        actor.userId !== w.backup_caseworker_id
      )
        return false;
      const updated = await updateReturning<{ id: string }>(
        tx,
        `UPDATE check_ins SET status = 'done', outcome = $3, channel = $4, note = $5, completed_at = $6,
                completed_by = $7, updated_at = now()
         WHERE organisation_id = $1 AND id = $2 AND status = 'planned'
         RETURNING id`,
        [scope.organisationId, id, dto.outcome, dto.channel, dto.note?.trim() || null, now, actor.userId],
      );
      if (updated.length === 0)
        throw conflictProblem('This check-in is no longer planned (done, missed or cancelled).');

      const calendar = await this.calendars.forOrganisation(scope.organisationId, tx);
      const today = calendar.today(now);
      const events: NewWatchEvent[] = [];
      const base = { organisationId: scope.organisationId, watchId: w.watch_id, actorId: actor.userId };

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
          dto.outcome === 'not_reached'
            ? this.planner.retry(calendar, today, w.grace_period_days)
            : this.planner.schedule(calendar, today, interval, w.grace_period_days);
        await this.planner.plan(tx, [
          {
            organisationId: scope.organisationId,
            watchId: w.watch_id,
            caseworkerId: w.primary_caseworker_id,
            ...next,
          },
        ]);
        nextDueDate = next.dueDate;
      }
      events.push({
        ...base,
        type: 'check_in_completed',
        details: { checkInId: id, outcome: dto.outcome, channel: dto.channel, nextDueDate },
      });
      await this.events.record(tx, events);
      return true;
    });
    return done ? this.checkIns.get(scope, id) : null;
  }
}
