import { Injectable } from '@nestjs/common';
import type { Page, Watch } from '@waakvlam/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import type { TenantScope } from '../../core/database/tenant-scope.model';
import { DigestSchedulerService } from '../reminders/digest-scheduler.service';
import { CheckInPlanner } from '../check-ins/check-in-planner.service';
import { conflictProblem, fieldProblem, isUniqueViolation } from '../clients/field-problem.util';
import { defaultCadenceBounds } from './cadence-defaults.util';
import type { CreateWatchDto } from './create-watch.dto';
import { OrganisationCalendars } from '../organisations/organisation-calendars.service';
import { WatchEventsService } from './watch-events.service';
import { type WatchListFilter, watchListWhere } from './watch-list-filter.util';
import { WATCH_SELECT, caseworkerWatchFilter, toWatch, type WatchRow } from './watch-row.util';

/** Who reads: the organisation, and for a caseworker their own id (they see only the watches they are on). */
export interface WatchReader {
  scope: TenantScope;
  caseworkerId: string | null;
}

const EMPTY_PLAN = {
  green: { signs: '', actions: '' },
  orange: { signs: '', actions: '' },
  red: { signs: '', actions: '' },
};

@Injectable()
export class WatchesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly calendars: OrganisationCalendars,
    private readonly planner: CheckInPlanner,
    private readonly events: WatchEventsService,
    private readonly digests: DigestSchedulerService,
  ) {}

  async list(
    reader: WatchReader,
    query: WatchListFilter & { page: number; pageSize: number },
    userId: string,
  ): Promise<Page<Watch>> {
    // One filter for the page, the count and the export (watch-list-filter.util).
    const where = watchListWhere(reader, query, userId);
    const filters = where.params;
    const limit = where.param(query.pageSize);
    const offset = where.param((query.page - 1) * query.pageSize);
    // The page is chosen (and counted) on watches alone; only its rows are joined.
    const rows: Array<WatchRow & { total: string }> = await this.dataSource.query(
      `WITH page AS (
         SELECT w.id, count(*) OVER () AS total FROM watches w
         WHERE ${where.sql}
         ORDER BY w.created_at DESC, w.id DESC
         LIMIT ${limit} OFFSET ${offset})
       ${WATCH_SELECT.replace('SELECT ', 'SELECT page.total, ')}
       JOIN page ON page.id = w.id
       ORDER BY w.created_at DESC, w.id DESC`,
      where.params,
    );
    let total = rows.length > 0 ? Number(rows[0].total) : 0;
    if (rows.length === 0 && query.page > 1) {
      const [row]: Array<{ n: string }> = await this.dataSource.query(
        `SELECT count(*) AS n FROM watches w WHERE ${where.sql}`,
        filters,
      );
      total = Number(row.n);
    }
    return { items: rows.map(toWatch), page: query.page, pageSize: query.pageSize, total };
  }

  /** Null when missing, in another organisation, or not a caseworker's own: callers answer 404. */
  async get(
    reader: WatchReader,
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Watch | null> {
    const rows: WatchRow[] = await manager.query(
      `${WATCH_SELECT} WHERE w.organisation_id = $1 AND w.id = $2 AND ${caseworkerWatchFilter('$3')}`,
      [reader.scope.organisationId, id, reader.caseworkerId],
    );
    return rows[0] ? toWatch(rows[0]) : null;
  }

  async create(scope: TenantScope, actorId: string, dto: CreateWatchDto): Promise<Watch> {
    const bounds = defaultCadenceBounds(dto.intervalDays);
    const min = dto.minIntervalDays ?? Math.min(bounds.min, dto.intervalDays);
    const max = dto.maxIntervalDays ?? Math.max(bounds.max, dto.intervalDays);
    checkCadence(dto.intervalDays, min, max);
    return this.dataSource.transaction(async (tx) => {
      // FOR SHARE: an erasure of the client (which locks it FOR UPDATE) either waits for this watch or wins.
      const client: Array<{ anonymised: boolean }> = await tx.query(
        `SELECT anonymised_at IS NOT NULL AS anonymised FROM clients WHERE organisation_id = $1 AND id = $2
         FOR SHARE`,
        [scope.organisationId, dto.clientId],
      );
      if (client.length === 0) throw fieldProblem('clientId', 'must be a client of your organisation');
      if (client[0].anonymised)
        throw conflictProblem('This client was anonymised: register the client again to start a watch.');
      await checkCaseworkers(tx, scope, dto.primaryCaseworkerId, dto.backupCaseworkerId ?? null);
      const calendar = await this.calendars.forOrganisation(scope.organisationId, tx);
      const reviewDate = dto.reviewDate ?? calendar.addMonths(dto.startDate, 12);
      if (reviewDate < dto.startDate) throw fieldProblem('reviewDate', 'must not be before the start date');
      let row: { id: string; grace_period_days: number; pre_notice_working_days: number };
      try {
        [row] = await tx.query(
          `INSERT INTO watches (organisation_id, client_id, primary_caseworker_id, backup_caseworker_id, interval_days,
             min_interval_days, max_interval_days, contact_mode, agreements, signaleringsplan, start_date, review_date,
             lapse_threshold, grace_period_days, reopen_period_months, pre_notice_working_days)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
           RETURNING id, grace_period_days, pre_notice_working_days`,
          [
            scope.organisationId,
            dto.clientId,
            dto.primaryCaseworkerId,
            dto.backupCaseworkerId ?? null,
            dto.intervalDays,
            min,
            max,
            dto.contactMode,
            dto.agreements ?? '',
            JSON.stringify(dto.signaleringsplan ?? EMPTY_PLAN),
            dto.startDate,
            reviewDate,
            dto.lapseThreshold ?? 2,
            dto.gracePeriodDays ?? 3,
            dto.reopenPeriodMonths ?? 12,
            dto.preNoticeWorkingDays ?? 2,
          ],
        );
      } catch (error) {
        if (isUniqueViolation(error, 'watches_one_open_per_client'))
          throw conflictProblem('This client already has an open watch.');
        throw error;
      }
      const next = this.planner.schedule(calendar, dto.startDate, dto.intervalDays, row.grace_period_days);
      await this.planner.plan(tx, [
        {
          organisationId: scope.organisationId,
          watchId: row.id,
          caseworkerId: dto.primaryCaseworkerId,
          calendar,
          preNoticeWorkingDays: row.pre_notice_working_days,
          ...next,
        },
      ]);
      await this.digests.ensure(
        tx,
        scope.organisationId,
        [dto.primaryCaseworkerId, ...(dto.backupCaseworkerId ? [dto.backupCaseworkerId] : [])],
        new Date(),
      );
      await this.events.record(tx, [
        {
          organisationId: scope.organisationId,
          watchId: row.id,
          type: 'created',
          actorId: actorId,
          details: { intervalDays: dto.intervalDays, firstDueDate: next.dueDate },
        },
      ]);
      return (await this.get({ scope, caseworkerId: null }, row.id, tx)) as Watch;
    });
  }
}

/** min ≤ interval ≤ max, naming the field that breaks it. */
export function checkCadence(interval: number, min: number, max: number): void {
  if (min > interval) throw fieldProblem('minIntervalDays', 'must not be more than intervalDays');
  if (max < interval) throw fieldProblem('maxIntervalDays', 'must not be less than intervalDays');
}

/** Both caseworkers must be active caseworkers of the organisation, and different people. */
export async function checkCaseworkers(
  tx: EntityManager,
  scope: TenantScope,
  primaryId: string,
  backupId: string | null,
): Promise<void> {
  const ids = backupId ? [primaryId, backupId] : [primaryId];
  const rows: Array<{ id: string }> = await tx.query(
    `SELECT id FROM users WHERE organisation_id = $1 AND id = ANY($2::uuid[]) AND role = 'caseworker' AND active`,
    [scope.organisationId, ids],
  );
  const ok = new Set(rows.map((r) => r.id));
  if (!ok.has(primaryId))
    throw fieldProblem('primaryCaseworkerId', 'must be an active caseworker of your organisation');
  if (backupId && backupId === primaryId)
    throw fieldProblem('backupCaseworkerId', 'must differ from the primary caseworker');
  if (backupId && !ok.has(backupId))
    throw fieldProblem('backupCaseworkerId', 'must be an active caseworker of your organisation');
}
