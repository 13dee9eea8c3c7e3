import type { ReactivationListDrillDown, ReactivationStatus, ReactivationUrgency } from '@waakvlam/contracts';
import {
  SqlWhere,
  dayRangeConditions,
  neighbourhoodCondition,
  organisationTimeZoneSql,
} from '../../core/database/sql-where.util';
import type { ReactivationReader } from './reactivation-queries.service';

export interface ReactivationListFilter extends ReactivationListDrillDown {
  status?: ReactivationStatus;
  urgency?: ReactivationUrgency;
  assigneeId?: string;
  pool?: boolean;
  mine?: boolean;
  watchId?: string;
}

/**
 * First contact after the deadline, or none yet while open or accepted past it: the definition of
 * reactivation-metrics.service (`now` a timestamptz placeholder); never NULL, so `NOT` gives the others.
 */
export const slaBreachedSql = (now: string): string =>
  `(coalesce(r.contacted_at > r.sla_due_at, false)
    OR (r.contacted_at IS NULL AND r.status IN ('open', 'accepted') AND r.sla_due_at < ${now}::timestamptz))`;

/** Support restarted without a new intake. */
export const WITHOUT_INTAKE_SQL = `r.resolution IN ('back_to_watch', 'support_resumed')`;

/**
 * The reactivation list's WHERE on `reactivation_requests r` joined with `watches w` and `clients c`
 * (REACTIVATION_SELECT), shared by the page, its count and the export.
 */
export function reactivationListWhere(
  reader: ReactivationReader,
  query: ReactivationListFilter,
  now: Date,
): SqlWhere {
  const where = new SqlWhere();
  const organisation = where.param(reader.scope.organisationId);
  where.and(`r.organisation_id = ${organisation}`);
  where.andIf(
    reader.caseworkerId,
    (p) => `r.assignee_id = ${p} OR w.primary_caseworker_id = ${p} OR w.backup_caseworker_id = ${p}`,
  );
  where.andIf(query.status, (p) => `r.status = ${p}`);
  where.andIf(query.mine ? reader.userId : query.assigneeId, (p) => `r.assignee_id = ${p}`);
  if (query.pool) where.and(`r.assignee_id IS NULL AND r.status IN ('open', 'accepted', 'contacted')`);
  where.andIf(query.watchId, (p) => `r.watch_id = ${p}`);
  where.andIf(query.urgency, (p) => `r.urgency = ${p}`);
  for (const condition of dayRangeConditions(
    where,
    'r.created_at',
    organisationTimeZoneSql(organisation),
    query.createdFrom,
    query.createdTo,
  )) {
    where.and(condition);
  }
  where.andIf(query.source, (p) => `${p}::text = ANY(r.sources)`);
  if (query.slaBreached !== undefined) {
    const breached = slaBreachedSql(where.param(now));
    where.and(query.slaBreached ? breached : `NOT ${breached}`);
  }
  if (query.withoutIntake !== undefined) {
    where.and(query.withoutIntake ? WITHOUT_INTAKE_SQL : `r.resolution IS NULL OR NOT ${WITHOUT_INTAKE_SQL}`);
  }
  where.andIf(query.caseworkerId, (p) => `w.primary_caseworker_id = ${p}`);
  if (query.neighbourhood !== undefined) {
    where.and(neighbourhoodCondition(where, 'c.neighbourhood', query.neighbourhood));
  }
  return where;
}
