import { WorkingCalendar } from '@waakvlam/schedule';
import { nextDigestAt } from './digest-time.util';

describe('nextDigestAt', () => {
  const amsterdam = new WorkingCalendar({ timeZone: 'Europe/Amsterdam' });
  const next = (now: string, calendar = amsterdam): string =>
    nextDigestAt(calendar, new Date(now)).toISOString();

  it.each([
    ['before 07:30 on a working day: today', '2025-03-12T06:00:00.000Z', '2025-03-12T06:30:00.000Z'],
    ['at 07:30 exactly: the next working day', '2025-03-12T06:30:00.000Z', '2025-03-13T06:30:00.000Z'],
    ['after 07:30: the next working day', '2025-03-12T09:15:00.000Z', '2025-03-13T06:30:00.000Z'],
    [
      'just after local midnight (still the day before in UTC)',
      '2025-03-11T23:30:00.000Z',
      '2025-03-12T06:30:00.000Z',
    ],
    ['Friday afternoon: Monday', '2025-03-14T15:00:00.000Z', '2025-03-17T06:30:00.000Z'],
    ['Saturday morning: Monday', '2025-03-15T05:00:00.000Z', '2025-03-17T06:30:00.000Z'],
    ['Sunday late evening: Monday', '2025-03-16T22:59:00.000Z', '2025-03-17T06:30:00.000Z'],
  ])('%s', (_case, now, expected) => {
    expect(next(now)).toBe(expected);
  });

  it('keeps 07:30 local across the spring DST change (CET → CEST)', () => {
    // Friday 28 March 2025, 07:30 CET has passed; Sunday 30 March the clocks go forward.
    expect(next('2025-03-28T08:00:00.000Z')).toBe('2025-03-31T05:30:00.000Z');
  });

  it('keeps 07:30 local across the autumn DST change (CEST → CET)', () => {
    // Friday 24 October 2025; Sunday 26 October the clocks go back.
    expect(next('2025-10-24T12:00:00.000Z')).toBe('2025-10-27T06:30:00.000Z');
  });

  it('skips public holidays: Christmas, and Easter Monday after a Good Friday that is a working day', () => {
    // Wednesday 24 December 2025: 25 and 26 December are holidays, then the weekend.
    expect(next('2025-12-24T10:00:00.000Z')).toBe('2025-12-29T06:30:00.000Z');
    // Good Friday 18 April 2025 is a working day in NL; Monday 21 April (Tweede paasdag) is not.
    expect(next('2025-04-17T12:00:00.000Z')).toBe('2025-04-18T05:30:00.000Z');
    expect(next('2025-04-18T12:00:00.000Z')).toBe('2025-04-22T05:30:00.000Z');
  });

  it("skips the organisation's extra days off", () => {
    const calendar = new WorkingCalendar({ timeZone: 'Europe/Amsterdam', extraDaysOff: ['2025-03-13'] });
    expect(next('2025-03-12T09:00:00.000Z', calendar)).toBe('2025-03-14T06:30:00.000Z');
    // On the day off itself, before 07:30: the next working day.
    expect(next('2025-03-13T05:00:00.000Z', calendar)).toBe('2025-03-14T06:30:00.000Z');
  });

  it("uses the organisation's own time zone", () => {
    const newYork = new WorkingCalendar({ timeZone: 'America/New_York' });
    // 08:00 EDT on Wednesday 12 March 2025: Thursday 07:30 EDT.
    expect(next('2025-03-12T12:00:00.000Z', newYork)).toBe('2025-03-13T11:30:00.000Z');
    // 07:00 EDT: today.
    expect(next('2025-03-12T11:00:00.000Z', newYork)).toBe('2025-03-12T11:30:00.000Z');
  });

  it('is always after now and at 07:30 local on a working day', () => {
    for (let hour = 0; hour < 24 * 14; hour += 5) {
      const now = new Date(Date.UTC(2025, 9, 20, hour, 17));
      const at = nextDigestAt(amsterdam, now);
      expect(at.getTime()).toBeGreaterThan(now.getTime());
      const day = amsterdam.today(at);
      expect(amsterdam.isWorkingDay(day)).toBe(true);
      expect(amsterdam.instantAt(day, '07:30')).toEqual(at);
      // The working day before it had its 07:30 at or before now: no digest moment is skipped.
      const before = amsterdam.instantAt(amsterdam.addWorkingDays(day, -1), '07:30');
      expect(before.getTime()).toBeLessThanOrEqual(now.getTime());
    }
  });
});
