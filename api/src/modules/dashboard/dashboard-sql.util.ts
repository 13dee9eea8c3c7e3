import { CHECK_IN_TIMELINESS, REACTIVATION_SOURCES } from '@waakvlam/contracts';
import { WITHOUT_INTAKE_SQL, slaBreachedSql } from '../reactivations/reactivation-list-filter.util';
import { SqlWhere, dayRangeConditions, neighbourhoodCondition } from '../../core/database/sql-where.util';
import type { DashboardPeriod } from './dashboard-period.util';

/** What the figures are narrowed to: the organisation always, a caseworker and a wijk when asked. */
export interface DashboardFilter {
  organisationId: string;
  caseworkerId: string | null;
  /** A wijk; '' asks for clients without one; null: no filter. */
  neighbourhood: string | null;
}

/**
 * The groupings a statement returns in one scan (GROUPING SETS): `total` always; the dashboard asks for weeks and
 * caseworkers (and partners and categories of signals), the neighbourhood view for wijken.
 */
export type DashboardDimension = 'week' | 'caseworker' | 'neighbourhood' | 'partner' | 'category';

export interface DashboardStatement {
  sql: string;
  params: unknown[];
}

/** One grouped row: `dim` names the grouping, `key` its value (null: no wijk, or the total). */
export interface GroupedRow {
  dim: 'total' | DashboardDimension;
  key: string | null;
}

/**
 * The SELECT list for the requested groupings (`dim` and `key`, from `grouping()`) and the GROUP BY clause: the
 * total and one set per dimension, each also grouped by the `always` columns. The dimensions are plain columns of
 * the statement's subquery.
 */
function grouping(
  dims: readonly DashboardDimension[],
  always: readonly string[] = [],
): { select: string; groupBy: string } {
  const cases = dims.map((d) => `WHEN grouping(${d}) = 0 THEN '${d}'`).join(' ');
  const key = dims.length ? `coalesce(${dims.map((d) => `${d}::text`).join(', ')})` : 'NULL::text';
  const sets = [[], ...dims.map((d) => [d])].map((set) => `(${[...set, ...always].join(', ')})`).join(', ');
  return {
    select: `CASE ${cases} ELSE 'total' END AS dim, ${key} AS key`,
    groupBy: `GROUP BY GROUPING SETS (${sets})`,
  };
}

/** The grouped aggregates over a subquery of the rows (`from`, narrowed by `where`), its dimensions as plain columns. */
function grouped(
  where: SqlWhere,
  g: { select: string; groupBy: string },
  aggregates: string,
  rows: string,
  from: string,
): DashboardStatement {
  return {
    sql: `SELECT ${g.select}, ${aggregates}
          FROM (SELECT ${rows} FROM ${from} WHERE ${where.sql}) x
          ${g.groupBy}`,
    params: where.params,
  };
}

/** The clients table is joined only when a wijk is filtered on or grouped by. */
const needsClients = (filter: DashboardFilter, dims: readonly DashboardDimension[]): boolean =>
  filter.neighbourhood !== null || dims.includes('neighbourhood');

/** The wijk column of the rows, when needed (see needsClients). */
const hoodColumn = (clients: boolean): string => (clients ? ', c.neighbourhood' : '');

/** The Monday of a date's ISO week: plain date arithmetic, cheaper than date_trunc on a timestamp. */
const mondayOf = (date: string): string => `(${date} - (extract(isodow FROM ${date})::int - 1))`;

/** The Monday of the local week of an instant. */
const localWeek = (instant: string, tz: string): string => mondayOf(`(${instant} AT TIME ZONE ${tz})::date`);

/**
 * A statement's conditions: the organisation (`${alias}.organisation_id`), the instant `${alias}.${column}` on a day
 * of the period (the lists' own day range, `dayRangeConditions`) and the caseworker and wijk filters.
 */
function periodWhere(
  alias: string,
  column: string,
  filter: DashboardFilter,
  period: DashboardPeriod,
  columns: { caseworker: string; neighbourhood: string },
): { where: SqlWhere; tz: string } {
  const where = new SqlWhere();
  const tz = `${where.param(period.timeZone)}::text`;
  where.and(`${alias}.organisation_id = ${where.param(filter.organisationId)}::uuid`);
  for (const condition of dayRangeConditions(where, `${alias}.${column}`, tz, period.from, period.to))
    where.and(condition);
  narrow(where, filter, columns);
  return { where, tz };
}

function narrow(
  where: SqlWhere,
  filter: DashboardFilter,
  columns: { caseworker: string; neighbourhood: string },
): void {
  where.andIf(filter.caseworkerId, (p) => `${columns.caseworker} = ${p}::uuid`);
  if (filter.neighbourhood !== null)
    where.and(neighbourhoodCondition(where, columns.neighbourhood, filter.neighbourhood));
}

/** The caseworker of a watch-based figure (the watch's primary) and the wijk of its client. */
const WATCH_COLUMNS = { caseworker: 'w.primary_caseworker_id', neighbourhood: 'c.neighbourhood' };

/** Watches by status now, per caseworker (primary) and per wijk. One scan of the organisation's watches. */
export function watchStatusStatement(
  filter: DashboardFilter,
  dims: readonly ('caseworker' | 'neighbourhood')[],
): DashboardStatement {
  const where = new SqlWhere();
  where.and(`w.organisation_id = ${where.param(filter.organisationId)}::uuid`);
  narrow(where, filter, WATCH_COLUMNS);
  const clients = needsClients(filter, dims);
  return grouped(
    where,
    grouping(dims, ['status']),
    'status, count(*)::int AS n',
    `w.status, w.primary_caseworker_id AS caseworker${hoodColumn(clients)}`,
    clients ? 'watches w JOIN clients c ON c.id = w.client_id' : 'watches w',
  );
}

/**
 * Check-ins due in the period by how they turned out (`checkInTimelinessSql`, the definition the check-in
 * overview filters on), per week of the due date, per caseworker (of the check-in) and per wijk. Reads the
 * check-in tallies (kept by triggers on check_ins, see CreateCheckInTallies): their folded counts plus the changes
 * not folded yet, a few thousand rows instead of every check-in.
 */
export function checkInStatement(
  filter: DashboardFilter,
  period: DashboardPeriod,
  dims: readonly ('week' | 'caseworker' | 'neighbourhood')[],
): DashboardStatement {
  const where = new SqlWhere();
  where.and(`t.organisation_id = ${where.param(filter.organisationId)}::uuid`);
  where.and(`t.due_date BETWEEN ${where.param(period.from)}::date AND ${where.param(period.to)}::date`);
  narrow(where, filter, { caseworker: 't.caseworker_id', neighbourhood: 't.neighbourhood' });
  const count = (t: string): string => `coalesce(sum(n) FILTER (WHERE timeliness = '${t}'), 0)::int AS ${t}`;
  return grouped(
    where,
    grouping(dims),
    CHECK_IN_TIMELINESS.map(count).join(', '),
    `t.timeliness, ${mondayOf('t.due_date')} AS week, t.caseworker_id AS caseworker, t.neighbourhood, t.n`,
    `(SELECT organisation_id, due_date, caseworker_id, neighbourhood, timeliness, n FROM check_in_tallies
      UNION ALL
      SELECT organisation_id, due_date, caseworker_id, neighbourhood, timeliness, n FROM check_in_tally_changes) t`,
  );
}

/** Watches that lapsed in the period (their `lapsed` events), per week, caseworker (primary) and wijk. */
export function lapseStatement(
  filter: DashboardFilter,
  period: DashboardPeriod,
  dims: readonly ('week' | 'caseworker' | 'neighbourhood')[],
): DashboardStatement {
  const { where, tz } = periodWhere('e', 'at', filter, period, WATCH_COLUMNS);
  where.and(`e.type = 'lapsed'`);
  const clients = needsClients(filter, dims);
  return grouped(
    where,
    grouping(dims),
    'count(*)::int AS n',
    `${localWeek('e.at', tz)} AS week, w.primary_caseworker_id AS caseworker${hoodColumn(clients)}`,
    `watch_events e JOIN watches w ON w.id = e.watch_id${clients ? ' JOIN clients c ON c.id = w.client_id' : ''}`,
  );
}

/**
 * Reactivation requests opened in the period: per source, the median time to acceptance and to first contact,
 * SLA breaches and those resolved without a new intake (the reactivation list's own definitions, so the drill-down
 * agrees); per week, caseworker (the watch's primary) and wijk. Served by reactivation_requests_org_created_idx.
 */
export function reactivationStatement(
  filter: DashboardFilter,
  period: DashboardPeriod,
  now: Date,
  dims: readonly ('week' | 'caseworker' | 'neighbourhood')[],
): DashboardStatement {
  const { where, tz } = periodWhere('r', 'created_at', filter, period, WATCH_COLUMNS);
  const at = `${where.param(now)}::timestamptz`;
  const clients = needsClients(filter, dims);
  const perSource = REACTIVATION_SOURCES.map(
    (source) => `count(*) FILTER (WHERE '${source}' = ANY(sources))::int AS source_${source}`,
  ).join(',\n            ');
  return grouped(
    where,
    grouping(dims),
    `count(*)::int AS n, ${perSource},
            percentile_cont(0.5) WITHIN GROUP (ORDER BY to_accepted) AS median_accepted,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY to_contacted) AS median_contacted,
            count(*) FILTER (WHERE breached)::int AS sla_breached,
            count(*) FILTER (WHERE without_intake)::int AS without_intake`,
    `r.sources, extract(epoch FROM r.accepted_at - r.created_at) AS to_accepted,
     extract(epoch FROM r.contacted_at - r.created_at) AS to_contacted,
     ${slaBreachedSql(at)} AS breached, ${WITHOUT_INTAKE_SQL} AS without_intake,
     ${localWeek('r.created_at', tz)} AS week, w.primary_caseworker_id AS caseworker${hoodColumn(clients)}`,
    `reactivation_requests r JOIN watches w ON w.id = r.watch_id${clients ? ' JOIN clients c ON c.id = w.client_id' : ''}`,
  );
}

/**
 * Signals received in the period: the median time to the partner's first feedback and those still without;
 * per week, partner, category and wijk (of the matched client). The caseworker filter keeps signals linked to a
 * watch of hers. Served by signals_org_received_idx.
 */
export function signalStatement(
  filter: DashboardFilter,
  period: DashboardPeriod,
  dims: readonly ('week' | 'partner' | 'category' | 'neighbourhood')[],
): DashboardStatement {
  const { where, tz } = periodWhere('s', 'received_at', filter, period, WATCH_COLUMNS);
  const clients = needsClients(filter, dims);
  const watches = filter.caseworkerId !== null;
  return grouped(
    where,
    grouping(dims),
    `count(*)::int AS n, percentile_cont(0.5) WITHIN GROUP (ORDER BY to_feedback) AS median_feedback,
            count(*) FILTER (WHERE to_feedback IS NULL)::int AS awaiting`,
    `extract(epoch FROM s.first_feedback_at - s.received_at) AS to_feedback,
     ${localWeek('s.received_at', tz)} AS week, s.partner_organisation_id AS partner, s.category${hoodColumn(clients)}`,
    `signals s${watches ? ' LEFT JOIN watches w ON w.id = s.watch_id' : ''}${clients ? ' LEFT JOIN clients c ON c.id = s.client_id' : ''}`,
  );
}

/**
 * The names behind the ids: the organisation's caseworkers (active, or named in a figure) and partners; and every
 * wijk of its clients (the filter's choices).
 */
export function namesStatement(organisationId: string, caseworkerIds: readonly string[]): DashboardStatement {
  return {
    sql: `SELECT 'caseworker' AS kind, id::text, display_name AS name FROM users
          WHERE organisation_id = $1 AND role = 'caseworker' AND (active OR id = ANY($2::uuid[]))
          UNION ALL
          SELECT 'partner', id::text, name FROM partner_organisations WHERE organisation_id = $1
          UNION ALL
          SELECT DISTINCT 'neighbourhood', neighbourhood, neighbourhood FROM clients
          WHERE organisation_id = $1 AND neighbourhood IS NOT NULL`,
    params: [organisationId, caseworkerIds],
  };
}
