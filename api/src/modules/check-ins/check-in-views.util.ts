import type { CaseworkerView } from '@waakvlam/contracts';

/** `YYYY-MM-DD` plus `days` calendar days. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * The due dates a caseworker view covers, both ends inclusive (null: unbounded), for `today` in the
 * organisation's time zone. Every view lists planned check-ins in urgency order (oldest due date first), so
 * `today` and `week` start with what is overdue:
 * - today: overdue and due today — the day's work;
 * - overdue: due before today;
 * - week: overdue, today and the six days after it;
 * - caseload: every planned check-in.
 */
export function viewDueRange(
  view: CaseworkerView,
  today: string,
): { from: string | null; to: string | null } {
  switch (view) {
    case 'today':
      return { from: null, to: today };
    case 'overdue':
      return { from: null, to: addDays(today, -1) };
    case 'week':
      return { from: null, to: addDays(today, 6) };
    case 'caseload':
      return { from: null, to: null };
  }
}
