import { WorkingCalendar } from '@waakvlam/schedule';
import { calendarWeek } from './caseload-week.util';

describe('calendarWeek', () => {
  it('runs Monday to Sunday around any day of the week', () => {
    // Wednesday 2 December 2026.
    expect(calendarWeek('2026-12-02')).toEqual({ startsOn: '2026-11-30', endsOn: '2026-12-06' });
    expect(calendarWeek('2026-11-30')).toEqual({ startsOn: '2026-11-30', endsOn: '2026-12-06' });
    expect(calendarWeek('2026-12-06')).toEqual({ startsOn: '2026-11-30', endsOn: '2026-12-06' });
  });

  it('crosses months and years', () => {
    // Friday 1 January 2027.
    expect(calendarWeek('2027-01-01')).toEqual({ startsOn: '2026-12-28', endsOn: '2027-01-03' });
  });

  it("takes the organisation's day: late Sunday evening in UTC is already Monday in Amsterdam", () => {
    const calendar = new WorkingCalendar({ timeZone: 'Europe/Amsterdam' });
    const today = calendar.today(new Date('2026-12-06T23:30:00Z'));
    expect(today).toBe('2026-12-07');
    expect(calendarWeek(today)).toEqual({ startsOn: '2026-12-07', endsOn: '2026-12-13' });
  });
});
