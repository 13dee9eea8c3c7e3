/**
 * Builds a WHERE clause with numbered parameters (`$1`, `$2`, …), so a list's filters are written once and used by
 * its page, its count and its export alike. Conditions are joined with AND.
 */
export class SqlWhere {
  private readonly conditions: string[] = [];
  private readonly values: unknown[] = [];

  /** Adds a parameter; returns its placeholder. */
  param(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }

  /** Adds a condition. */
  and(condition: string): this {
    this.conditions.push(`(${condition})`);
    return this;
  }

  /** Adds the condition `build($n)` for `value` when it is given (not undefined or null). */
  andIf<T>(value: T | undefined | null, build: (placeholder: string) => string): this {
    if (value !== undefined && value !== null) this.and(build(this.param(value)));
    return this;
  }

  get sql(): string {
    return this.conditions.length > 0 ? this.conditions.join(' AND ') : 'TRUE';
  }

  /** The parameters so far (the clause's and any added with `param` after it, e.g. LIMIT and OFFSET). */
  get params(): unknown[] {
    return [...this.values];
  }
}

/** The organisation's IANA time zone, for an organisation id placeholder. */
export const organisationTimeZoneSql = (organisationIdParam: string): string =>
  `(SELECT tz_org.time_zone FROM organisations tz_org WHERE tz_org.id = ${organisationIdParam})`;

/**
 * The conditions "`column` (a timestamptz) falls on a calendar day from `from` up to `to`, both included, in the time
 * zone `timeZoneSql`" (none for an absent end). A half-open range on the column, so an index on it serves.
 */
export function dayRangeConditions(
  where: SqlWhere,
  column: string,
  timeZoneSql: string,
  from: string | undefined,
  to: string | undefined,
): string[] {
  const conditions: string[] = [];
  if (from)
    conditions.push(`${column} >= (${where.param(from)}::date::timestamp AT TIME ZONE ${timeZoneSql})`);
  if (to)
    conditions.push(`${column} < ((${where.param(to)}::date + 1)::timestamp AT TIME ZONE ${timeZoneSql})`);
  return conditions;
}

/** A neighbourhood filter's condition on `column`: equal to the value, or none recorded for the empty string. */
export function neighbourhoodCondition(where: SqlWhere, column: string, value: string): string {
  return value === '' ? `${column} IS NULL` : `${column} = ${where.param(value)}`;
}
