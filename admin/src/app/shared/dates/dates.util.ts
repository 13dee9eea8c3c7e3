import type { IsoDate } from '@waakvlam/contracts';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Today's calendar date (`YYYY-MM-DD`) in `timeZone`. */
export function todayIn(timeZone: string, now: Date = new Date()): IsoDate {
  try {
    return new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).format(now);
  } catch {
    return now.toISOString().slice(0, 10);
  }
}

/** A calendar date as a UTC midnight instant, or null when it is not `YYYY-MM-DD`. */
export function parseIsoDate(value: IsoDate): Date | null {
  const match = ISO_DATE.exec(value);
  if (!match) {
    return null;
  }
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return Number.isNaN(date.getTime()) ? null : date;
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  const a = parseIsoDate(from);
  const b = parseIsoDate(to);
  if (!a || !b) {
    return 0;
  }
  return Math.round((b.getTime() - a.getTime()) / 86_400_000);
}

/** `date` plus `months` calendar months, clamped to the end of the month. */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const start = parseIsoDate(date);
  if (!start) {
    return date;
  }
  const year = start.getUTCFullYear();
  const month = start.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const result = new Date(Date.UTC(year, month, Math.min(start.getUTCDate(), lastDay)));
  return result.toISOString().slice(0, 10);
}
