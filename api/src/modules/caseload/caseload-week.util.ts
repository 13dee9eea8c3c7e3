import { addDays } from '../check-ins/check-in-views.util';

/** Monday and Sunday of the calendar week containing `today` (`YYYY-MM-DD`, the organisation's calendar day). */
export function calendarWeek(today: string): { startsOn: string; endsOn: string } {
  // getUTCDay: 0 is Sunday; an ISO week starts on Monday.
  const weekday = (new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7;
  const startsOn = addDays(today, -weekday);
  return { startsOn, endsOn: addDays(startsOn, 6) };
}
