import { WorkingCalendar } from '@waakvlam/schedule';
import { checkInLadder, firstLadderStep, nextLadderStep } from './check-in-ladder.util';

describe('the reminder ladder of a check-in', () => {
  const calendar = new WorkingCalendar({ timeZone: 'Europe/Amsterdam' });
  // Due Thursday 12 March 2026, grace of 3 working days: ends Tuesday 17 March.
  const checkIn = { dueDate: '2026-03-12', graceEndsOn: '2026-03-17', preNoticeWorkingDays: 2 };

  it('pre-notice 2 working days before, overdue the next working day, grace ended, missed at midnight after', () => {
    expect(checkInLadder(calendar, checkIn).map((s) => [s.kind, s.fireAt.toISOString()])).toEqual([
      ['check_in_pre_notice', '2026-03-10T08:00:00.000Z'],
      ['check_in_overdue', '2026-03-13T08:00:00.000Z'],
      ['check_in_grace_ended', '2026-03-17T08:00:00.000Z'],
      ['check_in_missed', '2026-03-17T23:00:00.000Z'],
    ]);
  });

  it('skips weekends and holidays: due the Tuesday after Easter, the pre-notice goes the Thursday before', () => {
    // Good Friday 3 April 2026 is a working day in the Dutch calendar; Easter Monday 6 April is a holiday.
    const steps = checkInLadder(calendar, {
      dueDate: '2026-04-07',
      graceEndsOn: '2026-04-10',
      preNoticeWorkingDays: 2,
    });
    expect(steps[0]).toEqual({ kind: 'check_in_pre_notice', fireAt: new Date('2026-04-02T07:00:00.000Z') });
  });

  it('keeps 09:00 local across the change to summer time', () => {
    const steps = checkInLadder(calendar, {
      dueDate: '2026-03-27',
      graceEndsOn: '2026-04-01',
      preNoticeWorkingDays: 0,
    });
    expect(steps.map((s) => s.fireAt.toISOString())).toEqual([
      '2026-03-30T07:00:00.000Z', // Monday, CEST
      '2026-04-01T07:00:00.000Z',
      '2026-04-01T22:00:00.000Z',
    ]);
  });

  it('with no grace period, warns the backup on the due date and drops the overdue step after missed', () => {
    const steps = checkInLadder(calendar, {
      dueDate: '2026-03-12',
      graceEndsOn: '2026-03-12',
      preNoticeWorkingDays: 0,
    });
    expect(steps.map((s) => s.kind)).toEqual(['check_in_grace_ended', 'check_in_missed']);
  });

  it('starts a new check-in at its pre-notice, or at the next step when the pre-notice has passed', () => {
    expect(firstLadderStep(calendar, checkIn, new Date('2026-03-01T12:00:00Z')).kind).toBe(
      'check_in_pre_notice',
    );
    expect(firstLadderStep(calendar, checkIn, new Date('2026-03-11T12:00:00Z')).kind).toBe(
      'check_in_overdue',
    );
    // Late steps still fire: a check-in planned in the past is overdue now.
    expect(firstLadderStep(calendar, checkIn, new Date('2026-03-20T12:00:00Z')).kind).toBe(
      'check_in_overdue',
    );
  });

  it('follows each step by the next, and nothing after missed', () => {
    expect(nextLadderStep(calendar, checkIn, 'check_in_pre_notice')?.kind).toBe('check_in_overdue');
    expect(nextLadderStep(calendar, checkIn, 'check_in_grace_ended')?.kind).toBe('check_in_missed');
    expect(nextLadderStep(calendar, checkIn, 'check_in_missed')).toBeNull();
  });
});
