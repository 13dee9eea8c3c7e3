import Holidays from 'date-holidays';
import fc from 'fast-check';
import { DateTime } from 'luxon';

import { CalendarDate, WorkingCalendar } from './working-calendar';

/**
 * Property tests. Dates range over 2020–2059: the years this system plans in, with every Christmas weekday, the
 * Easter/Koningsdag collision of 2038 and 40 DST changes. Every calendar is created once so its holiday cache is
 * shared by all runs (loading a year of holidays costs milliseconds). The file runs in a few seconds.
 */
const RUNS = 300;
/** For the properties that scan up to 30 working days per run. */
const SCANNING_RUNS = 150;
const FIRST: CalendarDate = '2020-01-01';
const LAST: CalendarDate = '2059-12-31';
const SPAN_DAYS = 14609; // FIRST to LAST; checked below

const nl = new WorkingCalendar();
const liberationDays = Array.from({ length: 40 }, (_, i) => `${2020 + i}-05-05`);
const nlWithLiberationDay = new WorkingCalendar({ extraDaysOff: liberationDays });
const curacao = new WorkingCalendar({ timeZone: 'America/Curacao', country: 'CW' });

/**
 * The longest run of consecutive days off in these calendars, so the farthest `nextDueDate` can push a date.
 * NL public holidays only reach 4: Christmas on a Thursday (Thu 25, Fri 26, Sat, Sun) or on a Monday (Sat, Sun,
 * Mon 25, Tue 26), and Easter on 25 April (Sat 24, Easter Sunday, Easter Monday 26, Koningsdag Tue 27, e.g. 2038).
 * No public holiday can join one of those runs (New Year is a week after Christmas, Ascension is a lone Thursday,
 * Pentecost at least ten days after Koningsdag), and Bevrijdingsdag as an extra day off can only make a run of 4
 * too (Ascension Thu 4 May + Fri 5 May + weekend). Not 5: that would need three adjacent weekday holidays.
 * The first test below checks this constant against the calendars themselves.
 */
const LONGEST_RUN_OF_DAYS_OFF = 4;

/**
 * Test-side date arithmetic, independent of the implementation (which uses Luxon) and cheap enough to scan decades:
 * `Date.UTC` normalises an overflowing day-of-month field, i.e. it does calendar arithmetic in UTC, where there is
 * no DST. Only used for years 2020–2059, so its two-digit-year quirk cannot apply.
 */
function plusDays(date: CalendarDate, days: number): CalendarDate {
  const [year, month, dayOfMonth] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, dayOfMonth + days)).toISOString().slice(0, 10);
}

/** Any date from 2020-01-01 to 2059-12-31. */
const calendarDate = fc.integer({ min: 0, max: SPAN_DAYS }).map((offset) => plusDays(FIRST, offset));
/** Typical check-in intervals (days), plus 0 and the odd long one. */
const interval = fc.integer({ min: 0, max: 120 });
const calendars = fc.constantFrom(nl, nlWithLiberationDay, curacao);
const nlCalendars = fc.constantFrom(nl, nlWithLiberationDay);

/** Number of working days in the half-open range (after, upTo]. */
function workingDaysBetween(calendar: WorkingCalendar, after: CalendarDate, upTo: CalendarDate): number {
  let count = 0;
  for (let d = plusDays(after, 1); d <= upTo; d = plusDays(d, 1)) if (calendar.isWorkingDay(d)) count++;
  return count;
}

function longestRunOfDaysOff(calendar: WorkingCalendar): { length: number; endsOn: CalendarDate[] } {
  let run = 0;
  let longest = { length: 0, endsOn: [] as CalendarDate[] };
  for (let d = FIRST; d <= LAST; d = plusDays(d, 1)) {
    run = calendar.isWorkingDay(d) ? 0 : run + 1;
    if (run > longest.length) longest = { length: run, endsOn: [d] };
    else if (run > 0 && run === longest.length) longest.endsOn.push(d);
  }
  return longest;
}

describe('WorkingCalendar properties', () => {
  it('generates dates from 2020-01-01 to 2059-12-31', () => {
    expect(plusDays(FIRST, SPAN_DAYS)).toBe(LAST);
    expect(plusDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(plusDays('2025-03-30', 1)).toBe('2025-03-31');
  });

  it(`the longest run of days off in NL 2020–2059 is ${LONGEST_RUN_OF_DAYS_OFF}, with or without Bevrijdingsdag`, () => {
    const plain = longestRunOfDaysOff(nl);
    expect(plain.length).toBe(LONGEST_RUN_OF_DAYS_OFF);
    expect(plain.endsOn).toEqual(expect.arrayContaining(['2025-12-28', '2038-04-27', '2023-12-26']));
    expect(longestRunOfDaysOff(nlWithLiberationDay).length).toBe(LONGEST_RUN_OF_DAYS_OFF);
  });

  it('isWorkingDay agrees with an independent oracle (weekday, date-holidays type public, extra days)', () => {
    const dutch = new Holidays('NL');
    const publicDays = new Set<string>();
    for (let year = 2020; year <= 2059; year++) {
      for (const h of dutch.getHolidays(year)) if (h.type === 'public') publicDays.add(h.date.slice(0, 10));
    }
    const extra = new Set(liberationDays);
    fc.assert(
      fc.property(calendarDate, (date) => {
        const weekday = new Date(`${date}T00:00:00Z`).getUTCDay(); // 0 = Sunday, 6 = Saturday
        const expected = weekday !== 0 && weekday !== 6 && !publicDays.has(date);
        expect(nl.isWorkingDay(date)).toBe(expected);
        expect(nlWithLiberationDay.isWorkingDay(date)).toBe(expected && !extra.has(date));
      }),
      { numRuns: 1000 },
    );
  });

  describe('nextDueDate', () => {
    it('never returns a day off', () => {
      fc.assert(
        fc.property(calendars, calendarDate, interval, (calendar, from, days) => {
          expect(calendar.isWorkingDay(calendar.nextDueDate(from, days))).toBe(true);
        }),
        { numRuns: RUNS },
      );
    });

    it('is monotonic in from: a later from never gives an earlier due date', () => {
      fc.assert(
        fc.property(
          calendars,
          calendarDate,
          fc.integer({ min: 0, max: 30 }),
          interval,
          (calendar, from, later, days) => {
            const laterFrom = plusDays(from, later);
            expect(calendar.nextDueDate(laterFrom, days) >= calendar.nextDueDate(from, days)).toBe(true);
          },
        ),
        { numRuns: RUNS },
      );
    });

    it('is monotonic in the interval', () => {
      fc.assert(
        fc.property(
          calendars,
          calendarDate,
          interval,
          fc.integer({ min: 0, max: 30 }),
          (calendar, from, days, more) => {
            expect(calendar.nextDueDate(from, days + more) >= calendar.nextDueDate(from, days)).toBe(true);
          },
        ),
        { numRuns: RUNS },
      );
    });

    it(`lies within [from + interval, from + interval + ${LONGEST_RUN_OF_DAYS_OFF}] with only days off before it`, () => {
      fc.assert(
        fc.property(nlCalendars, calendarDate, interval, (calendar, from, days) => {
          const target = plusDays(from, days);
          const due = calendar.nextDueDate(from, days);
          expect(due >= target).toBe(true);
          expect(due <= plusDays(target, LONGEST_RUN_OF_DAYS_OFF)).toBe(true);
          // The first working day on or after the target: nothing in between is a working day.
          expect(workingDaysBetween(calendar, plusDays(target, -1), plusDays(due, -1))).toBe(0);
        }),
        { numRuns: RUNS },
      );
    });

    it('equals nextWorkingDay(from + interval) in whole calendar days', () => {
      fc.assert(
        fc.property(calendars, calendarDate, interval, (calendar, from, days) => {
          expect(calendar.nextDueDate(from, days)).toBe(calendar.nextWorkingDay(plusDays(from, days)));
        }),
        { numRuns: RUNS },
      );
    });
  });

  describe('addWorkingDays', () => {
    const count = fc.integer({ min: 0, max: 30 });

    it('returns a working day', () => {
      fc.assert(
        fc.property(calendars, calendarDate, fc.integer({ min: -30, max: 30 }), (calendar, date, n) => {
          expect(calendar.isWorkingDay(calendar.addWorkingDays(date, n))).toBe(true);
        }),
        { numRuns: RUNS },
      );
    });

    it('is strictly increasing in n for n >= 1, and n = 0 gives nextWorkingDay', () => {
      fc.assert(
        fc.property(calendars, calendarDate, fc.integer({ min: 1, max: 30 }), (calendar, date, n) => {
          expect(calendar.addWorkingDays(date, n + 1) > calendar.addWorkingDays(date, n)).toBe(true);
          expect(calendar.addWorkingDays(date, 1) > date).toBe(true);
          expect(calendar.addWorkingDays(date, 0)).toBe(calendar.nextWorkingDay(date));
        }),
        { numRuns: SCANNING_RUNS },
      );
    });

    it('counts exactly n working days in (date, result]', () => {
      fc.assert(
        fc.property(calendars, calendarDate, count, (calendar, date, n) => {
          const result = calendar.addWorkingDays(date, n);
          const expected = n === 0 && calendar.isWorkingDay(date) ? 0 : Math.max(n, 1);
          expect(workingDaysBetween(calendar, date, result)).toBe(expected);
        }),
        { numRuns: SCANNING_RUNS },
      );
    });

    it('counts exactly -n working days in [result, date) going backwards', () => {
      fc.assert(
        fc.property(calendars, calendarDate, fc.integer({ min: 1, max: 30 }), (calendar, date, n) => {
          const result = calendar.addWorkingDays(date, -n);
          expect(result < date).toBe(true);
          expect(workingDaysBetween(calendar, plusDays(result, -1), plusDays(date, -1))).toBe(n);
        }),
        { numRuns: SCANNING_RUNS },
      );
    });
  });

  describe('nextWorkingDay', () => {
    it('is idempotent, never earlier than its input and the input itself on a working day', () => {
      fc.assert(
        fc.property(calendars, calendarDate, (calendar, date) => {
          const next = calendar.nextWorkingDay(date);
          expect(calendar.nextWorkingDay(next)).toBe(next);
          expect(next >= date).toBe(true);
          if (calendar.isWorkingDay(date)) expect(next).toBe(date);
        }),
        { numRuns: RUNS },
      );
    });
  });

  describe('today and instantAt', () => {
    const zones = fc.constantFrom(
      'Europe/Amsterdam',
      'America/Curacao',
      'America/New_York',
      'Australia/Sydney',
    );
    const wallClock = fc
      .record({ hour: fc.integer({ min: 0, max: 23 }), minute: fc.integer({ min: 0, max: 59 }) })
      .map(({ hour, minute }) => `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`);
    const byZone = new Map<string, WorkingCalendar>();
    const calendarIn = (timeZone: string): WorkingCalendar => {
      let calendar = byZone.get(timeZone);
      if (!calendar) byZone.set(timeZone, (calendar = new WorkingCalendar({ timeZone })));
      return calendar;
    };

    it('today(instantAt(date, time)) is the date again', () => {
      fc.assert(
        fc.property(zones, calendarDate, wallClock, (timeZone, date, time) => {
          const calendar = calendarIn(timeZone);
          expect(calendar.today(calendar.instantAt(date, time))).toBe(date);
        }),
        { numRuns: RUNS },
      );
    });

    it('instantAt shows the requested wall-clock time in the zone, except inside a DST gap', () => {
      fc.assert(
        fc.property(zones, calendarDate, wallClock, (timeZone, date, time) => {
          const instant = calendarIn(timeZone).instantAt(date, time);
          const local = DateTime.fromJSDate(instant, { zone: timeZone });
          const requested = DateTime.fromISO(`${date}T${time}`, { zone: 'utc' });
          const shown = DateTime.fromISO(local.toFormat("yyyy-MM-dd'T'HH:mm"), { zone: 'utc' });
          // Equal, or moved forward by the gap (one hour in these zones) when the time does not exist that day.
          expect([0, 60]).toContain(shown.diff(requested, 'minutes').minutes);
        }),
        { numRuns: RUNS },
      );
    });
  });
});
