import type { WorkingCalendar } from '@waakvlam/schedule';

/** The caseworker's morning digest goes out at this local time, on working days. */
export const DIGEST_TIME = '07:30';

/**
 * The next digest moment strictly after `now`: 07:30 organisation time on the first working day whose 07:30 has
 * not passed yet. Weekends, public holidays and the organisation's days off are skipped; the wall-clock time holds
 * across DST changes.
 */
export function nextDigestAt(calendar: WorkingCalendar, now: Date): Date {
  const first = calendar.nextWorkingDay(calendar.today(now));
  const at = calendar.instantAt(first, DIGEST_TIME);
  return at > now ? at : calendar.instantAt(calendar.addWorkingDays(first, 1), DIGEST_TIME);
}
