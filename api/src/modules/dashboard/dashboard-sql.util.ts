import { REACTIVATION_SOURCES } from '@waakvlam/contracts';
import { checkInTimelinessSql } from '../check-ins/check-in-timeliness.util';
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

/** Collects positional parameters and the WHERE conditions of one statement. */
class Statement {
  readonly params: unknown[] = [];
  readonly where: string[] = [];

  param(value: unknown, cast: string): string {
    this.params.push(value);
    return `$${this.params.length}::${cast}`;
  }
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

function narrow(
  s: Statement,
  filter: DashboardFilter,
  caseworkerColumn: string,
  neighbourhoodColumn: string,
): void {
  if (filter.caseworkerId !== null) s.where.push(`${caseworkerColumn} = ${s.param(filter.caseworkerId, 'uuid')}`);
  if (filter.neighbourhood === '') s.where.push(`${neighbourhoodColumn} IS NULL`);
  else if (filter.neighbourhood !== null)
    s.where.push(`${neighbourhoodColumn} = ${s.param(filter.neighbourhood, 'text')}`);
}

const localWeek = (instant: string, tz: string): string =>
  `date_trunc('week', (${instant} AT TIME ZONE ${tz}))::date`;

/** Watches by status now, per caseworker (primary) and per wijk. One scan of the organisation's watches. */
export function watchStatusStatement(
  filter: DashboardFilter,
  dims: readonly ('caseworker' | 'neighbourhood')[],
): DashboardStatement {
  const s = new Statement();
  s.where.push(`w.organisation_id = ${s.param(filter.organisationId, 'uuid')}`);
  narrow(s, filter, 'w.primary_caseworker_id', 'c.neighbourhood');
  const g = grouping(dims, ['status']);
  return {
    sql: `SELECT ${g.select}, status, count(*)::int AS n
          FROM (SELECT w.status, w.primary_caseworker_id AS caseworker, c.neighbourhood
                FROM watches w JOIN clients c ON c.id = w.client_id
                WHERE ${s.where.join(' AND ')}) x
          ${g.groupBy}`,
    params: s.params,
  };
}

/**
 * Check-ins due in the period by how they turned out (`checkInTimelinessSql`, the definition the check-in
 * overview filters on), per week of the due date, per caseworker (of the check-in) and per wijk.
 * Served by check_ins_org_due_idx.
 */
export function checkInStatement(
  filter: DashboardFilter,
  period: DashboardPeriod,
  dims: readonly ('week' | 'caseworker' | 'neighbourhood')[],
): DashboardStatement {
  const s = new Statement();
  const tz = s.param(period.timeZone, 'text');
  s.where.push(
    `ci.organisation_id = ${s.param(filter.organisationId, 'uuid')}`,
    `ci.due_date BETWEEN ${s.param(period.from, 'date')} AND ${s.param(period.to, 'date')}`,
    `ci.status <> 'cancelled'`,
  );
  narrow(s, filter, 'ci.caseworker_id', 'c.neighbourhood');
  const g = grouping(dims);
  return {
    sql: `SELECT ${g.select},
            count(*) FILTER (WHERE t = 'on_time')::int AS on_time,
            count(*) FILTER (WHERE t = 'late')::int AS late,
            count(*) FILTER (WHERE t = 'missed')::int AS missed,
            count(*) FILTER (WHERE t = 'open')::int AS open
          FROM (SELECT ${checkInTimelinessSql('ci', tz)} AS t, date_trunc('week', ci.due_date)::date AS week,
                       ci.caseworker_id AS caseworker, c.neighbourhood
                FROM check_ins ci JOIN watches w ON w.id = ci.watch_id JOIN clients c ON c.id = w.client_id
                WHERE ${s.where.join(' AND ')}) x
          ${g.groupBy}`,
    params: s.params,
  };
}

/** Watches that lapsed in the period (their `lapsed` events), per week, caseworker (primary) and wijk. */
export function lapseStatement(
  filter: DashboardFilter,
  period: DashboardPeriod,
  dims: readonly ('week' | 'caseworker' | 'neighbourhood')[],
): DashboardStatement {
  const s = new Statement();
  const tz = s.param(period.timeZone, 'text');
  s.where.push(
    `e.organisation_id = ${s.param(filter.organisationId, 'uuid')}`,
    `e.type = 'lapsed'`,
    `e.at >= ${s.param(period.start, 'timestamptz')}`,
    `e.at < ${s.param(period.end, 'timestamptz')}`,
  );
  narrow(s, filter, 'w.primary_caseworker_id', 'c.neighbourhood');
  const g = grouping(dims);
  return {
    sql: `SELECT ${g.select}, count(*)::int AS n
          FROM (SELECT ${localWeek('e.at', tz)} AS week, w.primary_caseworker_id AS caseworker, c.neighbourhood
                FROM watch_events e JOIN watches w ON w.id = e.watch_id JOIN clients c ON c.id = w.client_id
                WHERE ${s.where.join(' AND ')}) x
          ${g.groupBy}`,
    params: s.params,
  };
}

/**
 * Reactivation requests opened in the period: per source, the median time to acceptance and to first contact,
 * SLA breaches (the definition of `ReactivationMetricsService`) and those resolved without a new intake; per week,
 * caseworker (the watch's primary) and wijk. Served by reactivation_requests_org_created_idx.
 */
export function reactivationStatement(
  filter: DashboardFilter,
  period: DashboardPeriod,
  now: Date,
  dims: readonly ('week' | 'caseworker' | 'neighbourhood')[],
): DashboardStatement {
  const s = new Statement();
  const tz = s.param(period.timeZone, 'text');
  const at = s.param(now, 'timestamptz');
  s.where.push(
    `r.organisation_id = ${s.param(filter.organisationId, 'uuid')}`,
    `r.created_at >= ${s.param(period.start, 'timestamptz')}`,
    `r.created_at < ${s.param(period.end, 'timestamptz')}`,
  );
  narrow(s, filter, 'w.primary_caseworker_id', 'c.neighbourhood');
  const g = grouping(dims);
  const perSource = REACTIVATION_SOURCES.map(
    (source) => `count(*) FILTER (WHERE '${source}' = ANY(sources))::int AS source_${source}`,
  ).join(',\n            ');
  return {
    sql: `SELECT ${g.select}, count(*)::int AS n,
            ${perSource},
            percentile_cont(0.5) WITHIN GROUP (ORDER BY to_accepted) AS median_accepted,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY to_contacted) AS median_contacted,
            count(*) FILTER (WHERE breached)::int AS sla_breached,
            count(*) FILTER (WHERE resolution IN ('back_to_watch', 'support_resumed'))::int AS without_intake
          FROM (SELECT r.sources, r.resolution,
                       extract(epoch FROM r.accepted_at - r.created_at) AS to_accepted,
                       extract(epoch FROM r.contacted_at - r.created_at) AS to_contacted,
                       (r.contacted_at > r.sla_due_at OR (r.contacted_at IS NULL
                         AND r.status IN ('open', 'accepted') AND r.sla_due_at < ${at})) AS breached,
                       ${localWeek('r.created_at', tz)} AS week, w.primary_caseworker_id AS caseworker,
                       c.neighbourhood
                FROM reactivation_requests r JOIN watches w ON w.id = r.watch_id JOIN clients c ON c.id = r.client_id
                WHERE ${s.where.join(' AND ')}) x
          ${g.groupBy}`,
    params: s.params,
  };
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
  const s = new Statement();
  const tz = s.param(period.timeZone, 'text');
  s.where.push(
    `s.organisation_id = ${s.param(filter.organisationId, 'uuid')}`,
    `s.received_at >= ${s.param(period.start, 'timestamptz')}`,
    `s.received_at < ${s.param(period.end, 'timestamptz')}`,
  );
  narrow(s, filter, 'w.primary_caseworker_id', 'c.neighbourhood');
  const g = grouping(dims);
  return {
    sql: `SELECT ${g.select}, count(*)::int AS n,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY to_feedback) AS median_feedback,
            count(*) FILTER (WHERE to_feedback IS NULL)::int AS awaiting
          FROM (SELECT extract(epoch FROM s.first_feedback_at - s.received_at) AS to_feedback,
                       ${localWeek('s.received_at', tz)} AS week, s.partner_organisation_id AS partner,
                       s.category, c.neighbourhood
                FROM signals s LEFT JOIN watches w ON w.id = s.watch_id LEFT JOIN clients c ON c.id = s.client_id
                WHERE ${s.where.join(' AND ')}) x
          ${g.groupBy}`,
    params: s.params,
  };
}

/** The names behind the ids: the organisation's caseworkers (active, or named in a figure) and partners. */
export function namesStatement(organisationId: string, caseworkerIds: readonly string[]): DashboardStatement {
  return {
    sql: `SELECT 'caseworker' AS kind, id::text, display_name AS name FROM users
          WHERE organisation_id = $1 AND role = 'caseworker' AND (active OR id = ANY($2::uuid[]))
          UNION ALL
          SELECT 'partner', id::text, name FROM partner_organisations WHERE organisation_id = $1`,
    params: [organisationId, caseworkerIds],
  };
}
