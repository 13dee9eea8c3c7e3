import type { WorkingCalendar } from '@waakvlam/schedule';

/** A signal without feedback nudges the coordinators this many working days after it came in… */
export const FEEDBACK_DUE_WORKING_DAYS = 2;
/** …at the start of that working day, organisation time. */
export const FEEDBACK_DUE_TIME = '09:00';

/** When the `signal_feedback_due` timer of a signal received at `receivedAt` fires. */
export function feedbackDueAt(calendar: WorkingCalendar, receivedAt: Date): Date {
  return calendar.instantAt(
    calendar.addWorkingDays(calendar.today(receivedAt), FEEDBACK_DUE_WORKING_DAYS),
    FEEDBACK_DUE_TIME,
  );
}
