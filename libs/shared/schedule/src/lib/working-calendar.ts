/** A calendar date without time, `YYYY-MM-DD`, in the calendar's time zone. */
export type CalendarDate = string;

export interface WorkingCalendarOptions {
  /** IANA time zone of the organisation; default Europe/Amsterdam. */
  timeZone?: string;
  /** Extra days off besides weekends and public holidays (e.g. Bevrijdingsdag), `YYYY-MM-DD`. */
  extraDaysOff?: readonly CalendarDate[];
  /** Country whose public holidays are days off; default NL. */
  country?: string;
}

/**
 * An organisation's working days: Monday to Friday, minus the country's public holidays and the organisation's
 * own extra days off, in its time zone. Pure: the current time is always passed in.
 */
export class WorkingCalendar {
  readonly timeZone: string;

  constructor(options: WorkingCalendarOptions = {}) {
    this.timeZone = options.timeZone ?? 'Europe/Amsterdam';
    throw new Error('not implemented yet');
  }

  /** The calendar date of an instant in this calendar's time zone. */
  today(_now: Date): CalendarDate {
    throw new Error('not implemented yet');
  }

  isWorkingDay(_date: CalendarDate): boolean {
    throw new Error('not implemented yet');
  }

  /** The date itself when it is a working day, else the first working day after it. */
  nextWorkingDay(_date: CalendarDate): CalendarDate {
    throw new Error('not implemented yet');
  }

  /** `days` working days after `date` (0 gives nextWorkingDay(date)). */
  addWorkingDays(_date: CalendarDate, _days: number): CalendarDate {
    throw new Error('not implemented yet');
  }

  /** The due date of the next check-in: `from` + `intervalDays` calendar days, moved to the next working day. */
  nextDueDate(_from: CalendarDate, _intervalDays: number): CalendarDate {
    throw new Error('not implemented yet');
  }

  /** Calendar arithmetic without working-day rules (e.g. review date = start + 12 months). */
  addMonths(_date: CalendarDate, _months: number): CalendarDate {
    throw new Error('not implemented yet');
  }

  /** The instant at which a local time (`HH:mm`) on a date happens in this time zone (DST-safe). */
  instantAt(_date: CalendarDate, _time: string): Date {
    throw new Error('not implemented yet');
  }
}
