import { WorkingCalendar } from '@waakvlam/schedule';
import { feedbackDueAt } from './signal-timing.util';

describe('feedbackDueAt', () => {
  const amsterdam = new WorkingCalendar({ timeZone: 'Europe/Amsterdam' });

  it('is 09:00 organisation time, 2 working days after the day the signal came in', () => {
    // Monday 12 May 2031, 14:00 in Amsterdam (CEST) → Wednesday 14 May, 09:00 CEST.
    expect(feedbackDueAt(amsterdam, new Date('2031-05-12T12:00:00Z')).toISOString()).toBe(
      '2031-05-14T07:00:00.000Z',
    );
  });

  it('skips the weekend and public holidays, and counts the day in the organisation time zone', () => {
    // Friday 9 May 2031, 23:30 in Amsterdam → Tuesday 13 May.
    expect(feedbackDueAt(amsterdam, new Date('2031-05-09T21:30:00Z')).toISOString()).toBe(
      '2031-05-13T07:00:00.000Z',
    );
    // Saturday 10 May 2031, 00:30 in Amsterdam (still Friday in UTC) → Tuesday 13 May as well.
    expect(feedbackDueAt(amsterdam, new Date('2031-05-09T22:30:00Z')).toISOString()).toBe(
      '2031-05-13T07:00:00.000Z',
    );
    // Wednesday 24 December 2031 → Tuesday 30 December (Christmas and Boxing Day are holidays), in winter time.
    expect(feedbackDueAt(amsterdam, new Date('2031-12-24T10:00:00Z')).toISOString()).toBe(
      '2031-12-30T08:00:00.000Z',
    );
  });

  it('respects the organisation extra days off', () => {
    const calendar = new WorkingCalendar({ timeZone: 'Europe/Amsterdam', extraDaysOff: ['2031-05-13'] });
    expect(feedbackDueAt(calendar, new Date('2031-05-12T12:00:00Z')).toISOString()).toBe(
      '2031-05-15T07:00:00.000Z',
    );
  });
});
