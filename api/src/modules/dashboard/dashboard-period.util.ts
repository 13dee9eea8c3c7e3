import type { WorkingCalendar } from '@waakvlam/schedule';
import { fieldProblem } from '../clients/field-problem.util';

/** The default period: the last 12 weeks, today included. */
export const DEFAULT_PERIOD_DAYS = 84;
/** A longer period is refused (400): two years is the most a coordinator compares. */
export const MAX_PERIOD_DAYS = 731;

const DAY_MS = 86_400_000;

/** `date` plus `days` calendar days (dates are plain YYYY-MM-DD, arithmetic in UTC: no DST). */
export const addDays = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** The Monday of the ISO week that holds `date`. */
export const weekStart = (date: string): string => {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return addDays(date, -((day + 6) % 7));
};

/** A dashboard period: calendar days [from, to] of the organisation and the instants [start, end) they span. */
export interface DashboardPeriod {
  from: string;
  to: string;
  start: Date;
  end: Date;
  timeZone: string;
  /** The Monday of every week that overlaps the period, oldest first. */
  weeks: string[];
}

/** Resolves the requested period against the organisation's calendar; 400 when it is backwards or too long. */
export function resolvePeriod(
  calendar: WorkingCalendar,
  query: { from?: string; to?: string },
  now: Date,
): DashboardPeriod {
  const to = query.to ?? calendar.today(now);
  const from = query.from ?? addDays(to, -(DEFAULT_PERIOD_DAYS - 1));
  if (from > to) throw fieldProblem('from', 'must not be after to');
  if ((Date.parse(to) - Date.parse(from)) / DAY_MS + 1 > MAX_PERIOD_DAYS)
    throw fieldProblem('from', `the period spans at most ${MAX_PERIOD_DAYS} days`);
  const weeks: string[] = [];
  for (let week = weekStart(from); week <= to; week = addDays(week, 7)) weeks.push(week);
  return {
    from,
    to,
    start: calendar.instantAt(from, '00:00'),
    end: calendar.instantAt(addDays(to, 1), '00:00'),
    timeZone: calendar.timeZone,
    weeks,
  };
}
