import type { CalendarDate, WorkingCalendar } from '@waakvlam/schedule';
import type { TimerKind } from '../../core/queue/queue.constants';

export type LadderKind = Extract<
  TimerKind,
  'check_in_pre_notice' | 'check_in_overdue' | 'check_in_grace_ended' | 'check_in_missed'
>;

export interface LadderCheckIn {
  dueDate: CalendarDate;
  graceEndsOn: CalendarDate;
  /** Working days before the due date that the client hears from us; 0: no pre-notice. */
  preNoticeWorkingDays: number;
}

export interface LadderStep {
  kind: LadderKind;
  fireAt: Date;
}

/** Reminders and escalations go out at the start of the working day. */
export const LADDER_TIME = '09:00';

/** The calendar day after a date (not a working day: missed is counted from midnight, as it always was). */
function dayAfter(date: CalendarDate): CalendarDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/**
 * The moments a planned check-in's timers fire, in order:
 * - pre-notice to the client, N working days before the due date (when N > 0);
 * - overdue, to the caseworker: the first working day after the due date;
 * - grace ended, to the backup caseworker: the last day of the grace period;
 * - missed: midnight after the grace period, when the check-in becomes `missed` and the coordinators hear of it.
 * Sorted by time (a short grace period can put "grace ended" before "overdue"); ties keep this order.
 */
export function checkInLadder(calendar: WorkingCalendar, checkIn: LadderCheckIn): LadderStep[] {
  const steps: LadderStep[] = [];
  if (checkIn.preNoticeWorkingDays > 0)
    steps.push({
      kind: 'check_in_pre_notice',
      fireAt: calendar.instantAt(
        calendar.addWorkingDays(checkIn.dueDate, -checkIn.preNoticeWorkingDays),
        LADDER_TIME,
      ),
    });
  steps.push(
    {
      kind: 'check_in_overdue',
      fireAt: calendar.instantAt(calendar.addWorkingDays(checkIn.dueDate, 1), LADDER_TIME),
    },
    { kind: 'check_in_grace_ended', fireAt: calendar.instantAt(checkIn.graceEndsOn, LADDER_TIME) },
    { kind: 'check_in_missed', fireAt: calendar.instantAt(dayAfter(checkIn.graceEndsOn), '00:00') },
  );
  // Nothing fires after the check-in is missed.
  const missedAt = steps[steps.length - 1].fireAt.getTime();
  return steps
    .filter((s) => s.kind === 'check_in_missed' || s.fireAt.getTime() < missedAt)
    .map((s, order) => ({ s, order }))
    .sort((a, b) => a.s.fireAt.getTime() - b.s.fireAt.getTime() || a.order - b.order)
    .map(({ s }) => s);
}

/**
 * The first timer of a newly planned check-in: the first step, except a pre-notice whose moment has passed (the
 * client would hear of a contact that is already due). Later steps fire even when late: they are still true.
 */
export function firstLadderStep(calendar: WorkingCalendar, checkIn: LadderCheckIn, now: Date): LadderStep {
  const steps = checkInLadder(calendar, checkIn);
  return steps.find((s) => s.kind !== 'check_in_pre_notice' || s.fireAt > now) as LadderStep;
}

/** The step after `kind`, or null after the last one. */
export function nextLadderStep(
  calendar: WorkingCalendar,
  checkIn: LadderCheckIn,
  kind: LadderKind,
): LadderStep | null {
  const steps = checkInLadder(calendar, checkIn);
  const index = steps.findIndex((s) => s.kind === kind);
  return index >= 0 ? (steps[index + 1] ?? null) : null;
}
