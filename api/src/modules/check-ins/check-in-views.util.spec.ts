import { WorkingCalendar } from '@waakvlam/schedule';
import { addDays, viewDueRange } from './check-in-views.util';

describe('caseworker view date ranges', () => {
  it('adds calendar days across months, years and leap days', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('covers overdue and today, the overdue days, and the coming week', () => {
    expect(viewDueRange('today', '2026-03-10')).toEqual({ from: null, to: '2026-03-10' });
    expect(viewDueRange('overdue', '2026-03-10')).toEqual({ from: null, to: '2026-03-09' });
    expect(viewDueRange('week', '2026-03-10')).toEqual({ from: null, to: '2026-03-16' });
    expect(viewDueRange('caseload', '2026-03-10')).toEqual({ from: null, to: null });
  });

  it("takes today from the organisation's time zone, with a fixed clock", () => {
    // 23:30 UTC on 9 March is already 10 March in Amsterdam (UTC+1), still 9 March in Curaçao.
    const now = new Date('2026-03-09T23:30:00Z');
    const amsterdam = new WorkingCalendar({ timeZone: 'Europe/Amsterdam' }).today(now);
    const curacao = new WorkingCalendar({ timeZone: 'America/Curacao' }).today(now);
    expect(viewDueRange('today', amsterdam).to).toBe('2026-03-10');
    expect(viewDueRange('today', curacao).to).toBe('2026-03-09');
    expect(viewDueRange('overdue', amsterdam).to).toBe('2026-03-09');
  });
});
