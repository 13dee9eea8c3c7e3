import { Injectable } from '@nestjs/common';
import type { Watch } from '@waakvlam/contracts';
import { DataSource } from 'typeorm';
import type { TenantScope } from '../../core/database/tenant-scope.model';
import { DigestSchedulerService } from '../reminders/digest-scheduler.service';
import { handOverAfterCaseworkerChange } from '../check-ins/check-in-handover.util';
import { CheckInPlanner } from '../check-ins/check-in-planner.service';
import { conflictProblem, fieldProblem } from '../clients/field-problem.util';
import type { UpdateWatchDto } from './update-watch.dto';
import { WatchEventsService, type NewWatchEvent } from './watch-events.service';
import { checkCadence, checkCaseworkers, WatchesService } from './watches.service';

interface LockedWatch {
  status: string;
  start_date: string;
  primary_caseworker_id: string;
  backup_caseworker_id: string | null;
  interval_days: number;
  min_interval_days: number;
  max_interval_days: number;
}

const OTHER_COLUMNS: ReadonlyArray<[keyof UpdateWatchDto, string]> = [
  ['contactMode', 'contact_mode'],
  ['agreements', 'agreements'],
  ['reviewDate', 'review_date'],
  ['lapseThreshold', 'lapse_threshold'],
  ['preNoticeWorkingDays', 'pre_notice_working_days'],
  ['gracePeriodDays', 'grace_period_days'],
  ['reopenPeriodMonths', 'reopen_period_months'],
];

/** PATCH of a watch: caseworkers, cadence, agreements, signaleringsplan, review date, thresholds. */
@Injectable()
export class WatchUpdateService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly watches: WatchesService,
    private readonly planner: CheckInPlanner,
    private readonly events: WatchEventsService,
    private readonly digests: DigestSchedulerService,
  ) {}

  /** Null when there is no such watch in the organisation; 409 when it has ended. */
  async update(scope: TenantScope, actorId: string, id: string, dto: UpdateWatchDto): Promise<Watch | null> {
    for (const [field, value] of Object.entries(dto))
      if (value === null && field !== 'backupCaseworkerId')
        throw fieldProblem(field, `${field} must not be empty`);
    return this.dataSource.transaction(async (tx) => {
      const [w]: LockedWatch[] = await tx.query(
        `SELECT status, start_date::text AS start_date, primary_caseworker_id, backup_caseworker_id,
                interval_days, min_interval_days, max_interval_days
         FROM watches WHERE organisation_id = $1 AND id = $2 FOR UPDATE`,
        [scope.organisationId, id],
      );
      if (!w) return null;
      if (w.status === 'ended') throw conflictProblem('An ended watch cannot be changed; reopen it first.');

      const sets: string[] = [];
      const params: unknown[] = [scope.organisationId, id];
      const set = (column: string, value: unknown): void => {
        params.push(value);
        sets.push(`${column} = $${params.length}`);
      };
      const events: NewWatchEvent[] = [];
      const event = (type: NewWatchEvent['type'], details: Record<string, unknown>): void => {
        events.push({ organisationId: scope.organisationId, watchId: id, type, actorId, details });
      };

      const primary = dto.primaryCaseworkerId ?? w.primary_caseworker_id;
      const backup = dto.backupCaseworkerId !== undefined ? dto.backupCaseworkerId : w.backup_caseworker_id;
      if (primary !== w.primary_caseworker_id || backup !== w.backup_caseworker_id) {
        await checkCaseworkers(tx, scope, primary, backup);
        set('primary_caseworker_id', primary);
        set('backup_caseworker_id', backup);
        if (primary !== w.primary_caseworker_id) await this.planner.reassignPlanned(tx, id, primary);
        await this.digests.ensure(
          tx,
          scope.organisationId,
          backup ? [primary, backup] : [primary],
          new Date(),
        );
        event('caseworkers_changed', {
          from: { primaryCaseworkerId: w.primary_caseworker_id, backupCaseworkerId: w.backup_caseworker_id },
          to: { primaryCaseworkerId: primary, backupCaseworkerId: backup },
        });
      }

      const interval = dto.intervalDays ?? w.interval_days;
      const min = dto.minIntervalDays ?? w.min_interval_days;
      const max = dto.maxIntervalDays ?? w.max_interval_days;
      if (interval !== w.interval_days || min !== w.min_interval_days || max !== w.max_interval_days) {
        checkCadence(interval, min, max);
        set('interval_days', interval);
        set('min_interval_days', min);
        set('max_interval_days', max);
        sets.push('cadence_changed_at = now()');
        event('cadence_changed', {
          from: {
            intervalDays: w.interval_days,
            minIntervalDays: w.min_interval_days,
            maxIntervalDays: w.max_interval_days,
          },
          to: { intervalDays: interval, minIntervalDays: min, maxIntervalDays: max },
          reason: 'manual',
        });
      }

      if (dto.reviewDate !== undefined && dto.reviewDate < w.start_date)
        throw fieldProblem('reviewDate', 'must not be before the start date');
      const changed: string[] = [];
      for (const [field, column] of OTHER_COLUMNS) {
        if (dto[field] === undefined) continue;
        set(column, dto[field]);
        changed.push(field);
      }
      if (dto.signaleringsplan !== undefined) {
        set('signaleringsplan', JSON.stringify(dto.signaleringsplan));
        changed.push('signaleringsplan');
      }
      if (changed.length > 0) event('updated', { fields: changed });

      if (sets.length > 0) {
        await tx.query(
          `UPDATE watches SET ${sets.join(', ')}, updated_at = now() WHERE organisation_id = $1 AND id = $2`,
          params,
        );
      }
      // Absence handover follows the new caseworkers.
      if (primary !== w.primary_caseworker_id || backup !== w.backup_caseworker_id)
        await handOverAfterCaseworkerChange(tx, scope.organisationId, [id]);
      await this.events.record(tx, events);
      return this.watches.get({ scope, caseworkerId: null }, id, tx);
    });
  }
}
