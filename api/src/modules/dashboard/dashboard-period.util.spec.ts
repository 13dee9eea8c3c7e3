import { WorkingCalendar } from '@waakvlam/schedule';
import { addDays, resolvePeriod, weekStart } from './dashboard-period.util';

const calendar = new WorkingCalendar({ timeZone: 'Europe/Amsterdam' });
// Sunday 29 March 2026, 23:30 in Amsterdam (summer time began that night): still the 29th there.
const NOW = new Date('2026-03-29T21:30:00Z');

describe('resolvePeriod', () => {
  it('defaults to the 84 days up to today in the organisation’s time zone', () => {
    const p = resolvePeriod(calendar, {}, NOW);
    expect(p.to).toBe('2026-03-29');
    expect(p.from).toBe('2026-01-05');
    expect(p.weeks).toHaveLength(12);
    expect(p.weeks[0]).toBe('2026-01-05');
    expect(p.weeks[11]).toBe('2026-03-23');
  });

  it('spans whole local days: from local midnight to the next local midnight after `to`', () => {
    const p = resolvePeriod(calendar, { from: '2026-03-28', to: '2026-03-29' }, NOW);
    expect(p.start.toISOString()).toBe('2026-03-27T23:00:00.000Z');
    // after the switch to summer time the offset is +2
    expect(p.end.toISOString()).toBe('2026-03-29T22:00:00.000Z');
    expect(p.weeks).toEqual(['2026-03-23']);
  });

  it('lists every week that overlaps the period, from its Monday', () => {
    expect(resolvePeriod(calendar, { from: '2026-03-04', to: '2026-03-16' }, NOW).weeks).toEqual([
      '2026-03-02',
      '2026-03-09',
      '2026-03-16',
    ]);
  });

  it('refuses a period that runs backwards or is longer than 731 days', () => {
    expect(() => resolvePeriod(calendar, { from: '2026-03-10', to: '2026-03-09' }, NOW)).toThrow();
    expect(() => resolvePeriod(calendar, { from: '2024-03-28', to: '2026-03-29' }, NOW)).toThrow();
    expect(resolvePeriod(calendar, { from: '2024-03-29', to: '2026-03-29' }, NOW).from).toBe('2024-03-29');
  });
});

describe('date helpers', () => {
  it('adds days across month ends and finds the Monday of a week', () => {
    expect(addDays('2026-02-27', 3)).toBe('2026-03-02');
    expect(weekStart('2026-03-29')).toBe('2026-03-23');
    expect(weekStart('2026-03-23')).toBe('2026-03-23');
  });
});
