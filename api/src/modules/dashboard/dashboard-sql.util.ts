import { REACTIVATION_SOURCES } from '@waakvlam/contracts';
import { checkInTimelinessSql } from '../check-ins/check-in-timeliness.util';
import { WITHOUT_INTAKE_SQL, slaBreachedSql } from '../reactivations/reactivation-list-filter.util';
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

/**
 * The statement: the grouped aggregates over a subquery of the rows, its dimensions as plain columns. With
 * `rowsGroupBy` the subquery already counts its rows per combination of dimensions (`n`), so the grouping sets
 * add up a few thousand counts instead of every row.
 */
function grouped(
  s: Statement,
  g: { select: string; groupBy: string },
  aggregates: string,
  rows: string,
  from: string,
  rowsGroupBy = '',
): DashboardStatement {
  return {
    sql: `SELECT ${g.select}, ${aggregates}
          FROM (SELECT ${rows} FROM ${from} WHERE ${s.where.join(' AND ')} ${rowsGroupBy}) x
          ${g.groupBy}`,
    params: s.params,
  };
}

/** The clients table is joined only when a wijk is filtered on or grouped by. */
const needsClients = (filter: DashboardFilter, dims: readonly DashboardDimension[]): boolean =>
  filter.neighbourhood !== null || dims.includes('neighbourhood');

/** The wijk column of the rows, when needed (see needsClients). */
const hoodColumn = (clients: boolean): string => (clients ? ', c.neighbourhood' : '');

/** The Monday of a date's ISO week: plain date arithmetic, cheaper than date_trunc on a timestamp. */
const mondayOf = (date: string): string => `(${date} - (extract(isodow FROM ${date})::int - 1))`;

/** Rows of the organisation whose instant `column` lies in the period [start, end). */
function inPeriod(
  s: Statement,
  alias: string,
  column: string,
  filter: DashboardFilter,
  period: DashboardPeriod,
): void {
  s.where.push(
    `${alias}.organisation_id = ${s.param(filter.organisationId, 'uuid')}`,
    `${alias}.${column} >= ${s.param(period.start, 'timestamptz')}`,
    `${alias}.${column} < ${s.param(period.end, 'timestamptz')}`,
  );
}

function narrow(
  s: Statement,
  filter: DashboardFilter,
  caseworkerColumn: string,
  neighbourhoodColumn: string,
): void {
  if (filter.caseworkerId !== null)
    s.where.push(`${caseworkerColumn} = ${s.param(filter.caseworkerId, 'uuid')}`);
  if (filter.neighbourhood === '') s.where.push(`${neighbourhoodColumn} IS NULL`);
  else if (filter.neighbourhood !== null)
    s.where.push(`${neighbourhoodColumn} = ${s.param(filter.neighbourhood, 'text')}`);
}

const localWeek = (instant: string, tz: string): string => mondayOf(`(${instant} AT TIME ZONE ${tz})::date`);

/** Watches by status now, per caseworker (primary) and per wijk. One scan of the organisation's watches. */
export function watchStatusStatement(
  filter: DashboardFilter,
  dims: readonly ('caseworker' | 'neighbourhood')[],
): DashboardStatement {
  const s = new Statement();
  s.where.push(`w.organisation_id = ${s.param(filter.organisationId, 'uuid')}`);
  narrow(s, filter, 'w.primary_caseworker_id', 'c.neighbourhood');
  const clients = needsClients(filter, dims);
  return grouped(
    s,
    grouping(dims, ['status']),
    'status, count(*)::int AS n',
    `w.status, w.primary_caseworker_id AS caseworker${hoodColumn(clients)}`,
    clients ? 'watches w JOIN clients c ON c.id = w.client_id' : 'watches w',
  );
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
  const clients = needsClients(filter, dims);
  const count = (t: string): string => `coalesce(sum(n) FILTER (WHERE t = '${t}'), 0)::int AS ${t}`;
  return grouped(
    s,
    grouping(dims),
    ['on_time', 'late', 'missed', 'open'].map(count).join(', '),
    `${checkInTimelinessSql('ci', tz)} AS t, ${mondayOf('ci.due_date')} AS week,
     ci.caseworker_id AS caseworker${hoodColumn(clients)}, count(*) AS n`,
    clients
      ? 'check_ins ci JOIN watches w ON w.id = ci.watch_id JOIN clients c ON c.id = w.client_id'
      : 'check_ins ci',
    `GROUP BY 1, 2, 3${clients ? ', 4' : ''}`,
  );
}

/** Watches that lapsed in the period (their `lapsed` events), per week, caseworker (primary) and wijk. */
export function lapseStatement(
  filter: DashboardFilter,
  period: DashboardPeriod,
  dims: readonly ('week' | 'caseworker' | 'neighbourhood')[],
): DashboardStatement {
  const s = new Statement();
  const tz = s.param(period.timeZone, 'text');
  inPeriod(s, 'e', 'at', filter, period);
  s.where.push(`e.type = 'lapsed'`);
  narrow(s, filter, 'w.primary_caseworker_id', 'c.neighbourhood');
  const clients = needsClients(filter, dims);
  return grouped(
    s,
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
  const s = new Statement();
  const tz = s.param(period.timeZone, 'text');
  const at = s.param(now, 'timestamptz');
  inPeriod(s, 'r', 'created_at', filter, period);
  narrow(s, filter, 'w.primary_caseworker_id', 'c.neighbourhood');
  const clients = needsClients(filter, dims);
  const perSource = REACTIVATION_SOURCES.map(
    (source) => `count(*) FILTER (WHERE '${source}' = ANY(sources))::int AS source_${source}`,
  ).join(',\n            ');
  return grouped(
    s,
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
    `reactivation_requests r JOIN watches w ON w.id = r.watch_id${clients ? ' JOIN clients c ON c.id = r.client_id' : ''}`,
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
  const s = new Statement();
  const tz = s.param(period.timeZone, 'text');
  inPeriod(s, 's', 'received_at', filter, period);
  narrow(s, filter, 'w.primary_caseworker_id', 'c.neighbourhood');
  return grouped(
    s,
    grouping(dims),
    `count(*)::int AS n, percentile_cont(0.5) WITHIN GROUP (ORDER BY to_feedback) AS median_feedback,
            count(*) FILTER (WHERE to_feedback IS NULL)::int AS awaiting`,
    `extract(epoch FROM s.first_feedback_at - s.received_at) AS to_feedback,
                       ${localWeek('s.received_at', tz)} AS week, s.partner_organisation_id AS partner,
                       s.category, c.neighbourhood`,
    'signals s LEFT JOIN watches w ON w.id = s.watch_id LEFT JOIN clients c ON c.id = s.client_id',
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
