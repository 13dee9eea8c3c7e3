import Holidays from 'date-holidays';
import { DateTime, Duration, IANAZone } from 'luxon';

import { DEFAULT_TIME_ZONE, isValidTimeZone } from './time-zone';

/** A calendar date without time, `YYYY-MM-DD`, in the calendar's time zone. */
export type CalendarDate = string;

export interface WorkingCalendarOptions {
  /** IANA time zone of the organisation; default Europe/Amsterdam. */
  timeZone?: string;
  /** Extra days off besides weekends and public holidays (e.g. Bevrijdingsdag), `YYYY-MM-DD`. */
  extraDaysOff?: readonly CalendarDate[];
  /** Country whose public holidays are days off; default NL. */
  country?: string;
}

/** The country whose public holidays apply when an organisation configures none. */
export const DEFAULT_COUNTRY = 'NL';

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** One calendar day (not 24 hours): Luxon adds `days` to the date fields. Built once; the loops below are hot. */
const ONE_DAY_FORWARD = Duration.fromObject({ days: 1 });
const ONE_DAY_BACK = Duration.fromObject({ days: -1 });

/**
 * Upper bound on consecutive days off that any calendar may produce before we call its data broken. Real runs are
 * a handful of days; organisations add a few extra days. Guards the working-day loops against endless scanning.
 */
const MAX_DAYS_OFF_IN_A_ROW = 366;

/** instantAt results kept per calendar (a few years of dates times a handful of times of day). */
const MAX_CACHED_INSTANTS = 10_000;

/**
 * `date-holidays` objects are slow to construct (they compile the country's rules), so there is one per country
 * for the whole process, created lazily. They are only read (`getHolidays(year)`), never re-initialised.
 */
const holidaysByCountry = new Map<string, Holidays>();
let supportedCountries: ReadonlySet<string> | undefined;

function holidaysFor(country: string): Holidays {
  let holidays = holidaysByCountry.get(country);
  if (!holidays) {
    // Asking for public holidays only skips computing the rest; the type is still checked where they are read.
    holidays = new Holidays(country, { types: ['public'] });
    holidaysByCountry.set(country, holidays);
  }
  return holidays;
}

function isSupportedCountry(country: string): boolean {
  supportedCountries ??= new Set(Object.keys(new Holidays().getCountries()));
  return supportedCountries.has(country);
}

/**
 * Parses a `YYYY-MM-DD` string to a Luxon date at midnight **UTC**. A calendar date has no time zone: the
 * organisation's zone only matters when an instant is mapped to a date (`today`) or a date and a wall-clock time to
 * an instant (`instantAt`). Doing date arithmetic in UTC means `plus({ days })` can never meet a DST transition.
 */
function parseDate(date: CalendarDate, what = 'date'): DateTime {
  const match = typeof date === 'string' ? DATE_PATTERN.exec(date) : null;
  const parsed = match ? DateTime.utc(Number(match[1]), Number(match[2]), Number(match[3])) : undefined;
  if (!parsed?.isValid) {
    throw new RangeError(
      `Invalid ${what} ${JSON.stringify(date)}: expected an existing calendar date YYYY-MM-DD`,
    );
  }
  return parsed;
}

function format(date: DateTime): CalendarDate {
  return date.toISODate() as CalendarDate;
}

function requireInteger(value: number, what: string, minimum = Number.NEGATIVE_INFINITY): void {
  if (!Number.isSafeInteger(value) || value < minimum) {
    const bound = minimum === Number.NEGATIVE_INFINITY ? 'an integer' : `an integer >= ${minimum}`;
    throw new RangeError(`Invalid ${what} ${String(value)}: expected ${bound}`);
  }
}

/**
 * An organisation's working days: Monday to Friday, minus the country's public holidays and the organisation's
 * own extra days off, in its time zone. Pure: the current time is always passed in.
 *
 * Only holidays that `date-holidays` types `public` count (for NL: Nieuwjaar, Pasen, Tweede paasdag, Koningsdag,
 * Hemelvaartsdag, Pinksteren, Tweede pinksterdag, Kerstmis, Tweede kerstdag). Goede Vrijdag and Bevrijdingsdag are
 * not public holidays there; an organisation that closes on them lists them in `extraDaysOff`.
 *
 * All methods taking a `CalendarDate` throw a `RangeError` for anything but a real `YYYY-MM-DD` date.
 */
export class WorkingCalendar {
  readonly timeZone: string;
  /** ISO 3166-1 alpha-2 code (upper case) of the country whose public holidays apply. */
  readonly country: string;

  private readonly zone: IANAZone;
  private readonly extraDaysOff: ReadonlySet<CalendarDate>;
  /** Public holiday dates of every year in `loadedYears`; a year is loaded on first use (cache per instance). */
  private readonly publicHolidayDates = new Set<CalendarDate>();
  private readonly loadedYears = new Set<number>();
  /**
   * instantAt results by date and time. The zone's offset comes from Intl (tens of microseconds a call); a batch of
   * reminders asks for the same few dates and times hundreds of times.
   */
  private readonly instants = new Map<string, number>();

  /** @throws RangeError for an unknown time zone or country, or a malformed extra day off. */
  constructor(options: WorkingCalendarOptions = {}) {
    const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
    if (!isValidTimeZone(timeZone) || !IANAZone.isValidZone(timeZone)) {
      throw new RangeError(`Invalid time zone ${JSON.stringify(timeZone)}: expected an IANA name`);
    }
    const country = (options.country ?? DEFAULT_COUNTRY).toUpperCase();
    if (!isSupportedCountry(country)) {
      throw new RangeError(
        `Unknown country ${JSON.stringify(options.country)}: expected an ISO 3166-1 alpha-2 code`,
      );
    }
    this.timeZone = timeZone;
    this.zone = IANAZone.create(timeZone);
    this.country = country;
    this.extraDaysOff = new Set(
      (options.extraDaysOff ?? []).map((day) => format(parseDate(day, 'extra day off'))),
    );
  }

  /** The calendar date of an instant in this calendar's time zone. */
  today(now: Date): CalendarDate {
    if (!(now instanceof Date) || Number.isNaN(now.getTime())) {
      throw new RangeError(`Invalid instant ${String(now)}: expected a valid Date`);
    }
    return DateTime.fromJSDate(now, { zone: this.zone }).toFormat('yyyy-MM-dd');
  }

  /** False on Saturdays, Sundays, the country's public holidays and the organisation's extra days off. */
  isWorkingDay(date: CalendarDate): boolean {
    return this.isWorking(parseDate(date));
  }

  /** The date itself when it is a working day, else the first working day after it. */
  nextWorkingDay(date: CalendarDate): CalendarDate {
    return format(this.firstWorkingDayFrom(parseDate(date)));
  }

  /**
   * `days` working days after `date` (0 gives nextWorkingDay(date)).
   *
   * For `days` ≥ 1 the result is the working day R after `date` such that exactly `days` working days lie in
   * (`date`, R]; whether `date` itself is a working day does not matter (from Saturday, 1 working day is Monday).
   * For `days` < 0 it counts backwards: the working day R before `date` with exactly `-days` working days in
   * [R, `date`). `days` must be an integer.
   */
  addWorkingDays(date: CalendarDate, days: number): CalendarDate {
    requireInteger(days, 'number of working days');
    let current = parseDate(date);
    if (days === 0) return format(this.firstWorkingDayFrom(current));
    const step = days > 0 ? 1 : -1;
    for (let remaining = Math.abs(days); remaining > 0; remaining--) {
      current = this.stepToWorkingDay(current, step);
    }
    return format(current);
  }

  /**
   * The due date of the next check-in: `from` + `intervalDays` calendar days, moved to the next working day.
   * `intervalDays` must be an integer ≥ 0. Whole calendar days: a DST change in between shifts nothing.
   */
  nextDueDate(from: CalendarDate, intervalDays: number): CalendarDate {
    requireInteger(intervalDays, 'interval in days', 0);
    return format(this.firstWorkingDayFrom(parseDate(from).plus({ days: intervalDays })));
  }

  /**
   * Calendar arithmetic without working-day rules (e.g. review date = start + 12 months). `months` must be an
   * integer (negative goes back). A day that the target month lacks is clamped to its last day:
   * 2025-01-31 + 1 month = 2025-02-28, 2024-02-29 + 12 months = 2025-02-28.
   */
  addMonths(date: CalendarDate, months: number): CalendarDate {
    requireInteger(months, 'number of months');
    return format(parseDate(date).plus({ months }));
  }

  /**
   * The instant at which a local time (`HH:mm`) on a date happens in this time zone (DST-safe).
   *
   * Europe/Amsterdam: ('2025-03-29', '07:30') is 06:30Z (CET), ('2025-03-30', '07:30') is 05:30Z (CEST).
   * Wall-clock times that do not exist (skipped by a spring-forward gap, e.g. 02:30 on 2025-03-30 in Amsterdam)
   * move forward by the length of the gap (03:30 CEST = 01:30Z). Times that happen twice (autumn fall-back, e.g.
   * 02:30 on 2025-10-26) resolve to the first occurrence (02:30 CEST = 00:30Z). This is the `compatible` rule of
   * Temporal and RFC 5545.
   */
  instantAt(date: CalendarDate, time: string): Date {
    const key = `${date}T${time}`;
    const known = this.instants.get(key);
    if (known !== undefined) return new Date(known);
    const instant = this.computeInstant(date, time);
    if (this.instants.size >= MAX_CACHED_INSTANTS) this.instants.clear();
    this.instants.set(key, instant);
    return new Date(instant);
  }

  private computeInstant(date: CalendarDate, time: string): number {
    const day = parseDate(date);
    const match = typeof time === 'string' ? TIME_PATTERN.exec(time) : null;
    if (!match) {
      throw new RangeError(`Invalid time ${JSON.stringify(time)}: expected a 24-hour local time HH:mm`);
    }
    // The wall-clock time read as if it were UTC; subtracting the zone's offset at that moment gives the instant.
    const wallClock = day.set({ hour: Number(match[1]), minute: Number(match[2]) }).toMillis();
    const offsetBefore = this.zone.offset(wallClock - 86_400_000);
    const offsetAfter = this.zone.offset(wallClock + 86_400_000);
    const candidates = [...new Set([offsetBefore, offsetAfter])]
      .map((offsetMinutes) => wallClock - offsetMinutes * 60_000)
      .filter((instant) => wallClock - this.zone.offset(instant) * 60_000 === instant);
    // Two candidates: the time happens twice, take the first. None: it falls in a gap, so use the offset in force
    // before the gap, which lands as far after the gap as the wall-clock time was inside it.
    return candidates.length > 0 ? Math.min(...candidates) : wallClock - offsetBefore * 60_000;
  }

  private isWorking(day: DateTime): boolean {
    if (day.weekday > 5) return false;
    const iso = format(day);
    return !this.extraDaysOff.has(iso) && !this.isPublicHoliday(day, iso);
  }

  private firstWorkingDayFrom(day: DateTime): DateTime {
    return this.isWorking(day) ? day : this.stepToWorkingDay(day, 1);
  }

  /** The first working day strictly after (`step` 1) or before (`step` -1) `day`. */
  private stepToWorkingDay(day: DateTime, step: 1 | -1): DateTime {
    let current = day;
    for (let scanned = 0; scanned <= MAX_DAYS_OFF_IN_A_ROW; scanned++) {
      current = current.plus(step === 1 ? ONE_DAY_FORWARD : ONE_DAY_BACK);
      if (this.isWorking(current)) return current;
    }
    throw new RangeError(`No working day within ${MAX_DAYS_OFF_IN_A_ROW} days of ${format(day)}`);
  }

  private isPublicHoliday(day: DateTime, iso: CalendarDate): boolean {
    // A holiday starting late in the previous year may run into this one, so that year is loaded too.
    this.loadPublicHolidays(day.year - 1);
    this.loadPublicHolidays(day.year);
    return this.publicHolidayDates.has(iso);
  }

  private loadPublicHolidays(year: number): void {
    if (this.loadedYears.has(year)) return;
    for (const holiday of holidaysFor(this.country).getHolidays(year)) {
      if (holiday.type !== 'public') continue;
      // `date` is the local start, 'YYYY-MM-DD HH:mm:ss'. A few holidays span several days (or half a day, which
      // still closes that date); every date they touch is a day off.
      const first = parseDate(holiday.date.slice(0, 10), 'holiday date');
      const spanDays = Math.max(
        1,
        Math.round((holiday.end.getTime() - holiday.start.getTime()) / 86_400_000),
      );
      for (let offset = 0; offset < spanDays; offset++)
        this.publicHolidayDates.add(format(first.plus({ days: offset })));
    }
    this.loadedYears.add(year);
  }
}
