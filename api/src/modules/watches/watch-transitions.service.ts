import { Injectable } from '@nestjs/common';
import { WATCH_END_REASONS, type Watch, type WatchAction, type WatchStatus } from '@waakvlam/contracts';
import { DataSource } from 'typeorm';
import type { TenantScope } from '../../core/database/tenant-scope.model';
import { DigestSchedulerService } from '../reminders/digest-scheduler.service';
import { CheckInPlanner } from '../check-ins/check-in-planner.service';
import { conflictProblem, fieldProblem, isUniqueViolation } from '../clients/field-problem.util';
import { OrganisationCalendars } from '../organisations/organisation-calendars.service';
import { updateReturning } from '../../core/database/update-returning.util';
import type { WatchTransitionDto } from './watch-transition.dto';
import { WatchEventsService } from './watch-events.service';
import { WATCH_TRANSITIONS } from './watch-transitions.util';
import { WatchesService } from './watches.service';

interface TransitionedRow {
  primary_caseworker_id: string;
  interval_days: number;
  grace_period_days: number;
  pre_notice_working_days: number;
}

/**
 * pause, resume, end, reopen. Each is one transaction whose conditional `UPDATE … WHERE status = ANY(from)`
 * decides: of two concurrent requests only one finds the watch still in a status it may leave.
 */
@Injectable()
export class WatchTransitionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly watches: WatchesService,
    private readonly calendars: OrganisationCalendars,
    private readonly planner: CheckInPlanner,
    private readonly events: WatchEventsService,
    private readonly digests: DigestSchedulerService,
  ) {}

  /** Null when there is no such watch in the organisation; a 409 problem when the action is not allowed now. */
  async apply(
    scope: TenantScope,
    actorId: string,
    id: string,
    action: WatchAction,
    dto: WatchTransitionDto,
    now = new Date(),
  ): Promise<Watch | null> {
    const t = WATCH_TRANSITIONS[action];
    const reason = dto.reason?.trim() || null;
    if (action === 'end' && !(WATCH_END_REASONS as readonly string[]).includes(reason ?? ''))
      throw fieldProblem('reason', `must be one of ${WATCH_END_REASONS.join(', ')}`);
    return this.dataSource.transaction(async (tx) => {
      let rows: TransitionedRow[];
      try {
        rows = await updateReturning<TransitionedRow>(
          tx,
          `UPDATE watches
           SET status = $3, updated_at = now(),
               ended_at = CASE WHEN $3 = 'ended' THEN $6::timestamptz END,
               end_reason = CASE WHEN $3 = 'ended' THEN $5 END
           WHERE organisation_id = $1 AND id = $2 AND status = ANY($4::text[])
             AND ($3 <> 'active' OR status <> 'ended' OR (ended_at + make_interval(months => reopen_period_months) > $6
               -- An anonymised client's watch stays ended (privacy module): her data is gone.
               AND NOT EXISTS (SELECT 1 FROM clients c WHERE c.id = watches.client_id AND c.anonymised_at IS NOT NULL)))
           RETURNING primary_caseworker_id, interval_days, grace_period_days, pre_notice_working_days`,
          [scope.organisationId, id, t.to, t.from, action === 'end' ? reason : null, now],
        );
      } catch (error) {
        if (isUniqueViolation(error, 'watches_one_open_per_client'))
          throw conflictProblem('The client has another open watch.');
        throw error;
      }
      const row = rows[0];
      if (!row) {
        const [current]: Array<{ status: WatchStatus }> = await tx.query(
          `SELECT status FROM watches WHERE organisation_id = $1 AND id = $2`,
          [scope.organisationId, id],
        );
        if (!current) return null;
        throw conflictProblem(
          action === 'reopen' && current.status === 'ended'
            ? 'The reopen period of this watch has passed; start a new watch.'
            : `A watch that is ${current.status} cannot be ${t.event}.`,
        );
      }
      if (t.cancelsCheckIn) await this.planner.cancelPlanned(tx, id);
      let nextDueDate: string | null = null;
      if (t.plansCheckIn) {
        const calendar = await this.calendars.forOrganisation(scope.organisationId, tx);
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
              organisationId: scope.organisationId,
              watchId: id,
              caseworkerId: row.primary_caseworker_id,
              calendar,
              preNoticeWorkingDays: row.pre_notice_working_days,
              ...next,
            },
          ],
          now,
        );
        await this.digests.ensure(tx, scope.organisationId, [row.primary_caseworker_id], now);
        nextDueDate = next.dueDate;
      }
      await this.events.record(tx, [
        {
          organisationId: scope.organisationId,
          watchId: id,
          type: t.event,
          actorId,
          reason,
          details: {
            ...(dto.note?.trim() ? { note: dto.note.trim() } : {}),
            ...(nextDueDate ? { nextDueDate } : {}),
          },
        },
      ]);
      return this.watches.get({ scope, caseworkerId: null }, id, tx);
    });
  }
}
