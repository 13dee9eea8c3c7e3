import { WorkingCalendar } from '@waakvlam/schedule';
import { resolvePeriod } from '../../api/src/modules/dashboard/dashboard-period.util';
import {
  type DashboardFilter,
  type DashboardStatement,
  checkInStatement,
  lapseStatement,
  reactivationStatement,
  signalStatement,
  watchStatusStatement,
} from '../../api/src/modules/dashboard/dashboard-sql.util';
import type { BenchDatabase } from '../scheduler/bench-database';

export interface StatementPlan {
  statement: string;
  executionMs: number;
  planningMs: number;
  /** EXPLAIN (ANALYZE, BUFFERS) in text form. */
  plan: string[];
}

/**
 * The plans of the dashboard's statements (default period, the filter given), built by the product's own SQL
 * builders (dashboard-sql.util) and run with EXPLAIN (ANALYZE, BUFFERS): where the time of a slow dashboard goes.
 */
export async function explainDashboard(
  db: BenchDatabase,
  filter: DashboardFilter,
  timeZone: string,
): Promise<StatementPlan[]> {
  const now = new Date();
  const period = resolvePeriod(new WorkingCalendar({ timeZone }), {}, now);
  const statements: Record<string, DashboardStatement> = {
    'watches by status': watchStatusStatement(filter, ['caseworker']),
    'check-ins': checkInStatement(filter, period, ['week', 'caseworker']),
    lapses: lapseStatement(filter, period, ['week']),
    reactivations: reactivationStatement(filter, period, now, ['week', 'caseworker']),
    signals: signalStatement(filter, period, ['week', 'partner', 'category']),
    'check-ins per wijk': checkInStatement(filter, period, ['neighbourhood']),
  };
  const plans: StatementPlan[] = [];
  for (const [name, s] of Object.entries(statements)) {
    const rows = await db.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${s.sql}`, s.params);
    const plan = rows.map((r) => r['QUERY PLAN']);
    const ms = (label: string) =>
      Number(plan.find((line) => line.startsWith(label))?.match(/([\d.]+) ms/)?.[1] ?? NaN);
    plans.push({ statement: name, executionMs: ms('Execution Time'), planningMs: ms('Planning Time'), plan });
  }
  return plans;
}
