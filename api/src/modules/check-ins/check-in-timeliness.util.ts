import { CHECK_IN_TIMELINESS, type CheckInTimeliness } from '@waakvlam/contracts';

/** A SQL identifier usable as a table alias (no quoting, no injection). */
const ALIAS = /^[a-z_][a-z0-9_]*$/i;

/**
 * The SQL expression that classifies a check-in row by how it turned out, the one definition shared by the dashboard
 * and the check-in overview (`GET /api/check-ins/overview?timeliness=`):
 * - `on_time`: done, recorded on or before its due date (the day of `completed_at` in the organisation's time zone);
 * - `late`: done, recorded after the due date;
 * - `missed`: status missed (its grace period passed without a record);
 * - `open`: still planned;
 * - NULL: cancelled (a cancelled check-in is not counted anywhere).
 *
 * @param alias the check_ins table alias in the query (e.g. `c`)
 * @param timeZoneSql a SQL expression yielding the organisation's IANA time zone (e.g. `o.time_zone` or `$2`)
 */
export function checkInTimelinessSql(alias: string, timeZoneSql: string): string {
  if (!ALIAS.test(alias)) throw new Error(`Not a table alias: ${alias}`);
  return `(CASE ${alias}.status
    WHEN 'done' THEN CASE WHEN (${alias}.completed_at AT TIME ZONE ${timeZoneSql})::date <= ${alias}.due_date
      THEN 'on_time' ELSE 'late' END
    WHEN 'missed' THEN 'missed'
    WHEN 'planned' THEN 'open'
    ELSE NULL END)`;
}

/**
 * A SQL condition: the check-in's timeliness is `timeliness`. Written per value (not `expression = value`) so a
 * status filter can use the check-ins' indexes.
 */
export function checkInTimelinessConditionSql(
  alias: string,
  timeZoneSql: string,
  timeliness: CheckInTimeliness,
): string {
  if (!ALIAS.test(alias)) throw new Error(`Not a table alias: ${alias}`);
  if (!CHECK_IN_TIMELINESS.includes(timeliness)) throw new Error(`Not a timeliness: ${String(timeliness)}`);
  const completedDay = `(${alias}.completed_at AT TIME ZONE ${timeZoneSql})::date`;
  switch (timeliness) {
    case 'on_time':
      return `(${alias}.status = 'done' AND ${completedDay} <= ${alias}.due_date)`;
    case 'late':
      return `(${alias}.status = 'done' AND ${completedDay} > ${alias}.due_date)`;
    case 'missed':
      return `${alias}.status = 'missed'`;
    case 'open':
      return `${alias}.status = 'planned'`;
  }
}
