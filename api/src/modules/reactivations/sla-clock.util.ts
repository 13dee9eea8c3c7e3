import type { WorkingCalendar } from '@waakvlam/schedule';
import type { ReactivationUrgency } from '@waakvlam/contracts';

/** The organisation's working day, local wall-clock times `HH:mm` (start before end). */
export interface WorkingHours {
  start: string;
  end: string;
}

/** An organisation's SLA settings: first contact within so many working hours, per urgency. */
export interface SlaSettings {
  calendar: WorkingCalendar;
  workingHours: WorkingHours;
  urgentHours: number;
  normalHours: number;
}

/** The moments at which the SLA timers fire. */
export interface SlaDeadlines {
  /** Half of the working hours have passed: the assignee is reminded. */
  halfAt: Date;
  /** The first contact is due: after it the coordinators hear of the breach. */
  dueAt: Date;
}

const HOUR_MS = 3_600_000;
/** A calendar always has working days within a year; this bounds the loop against broken data. */
const MAX_DAYS = 800;

/**
 * The instant `hours` working hours after `from`: time only runs on the calendar's working days (weekends, public
 * holidays and the organisation's days off do not count), between the working day's start and end, in the
 * calendar's time zone. From outside working hours the clock starts at the next opening. Pure: no clock is read.
 */
export function addWorkingHours(
  calendar: WorkingCalendar,
  from: Date,
  hours: number,
  workingHours: WorkingHours,
): Date {
  if (!Number.isFinite(hours) || hours < 0) throw new RangeError(`Invalid number of working hours ${hours}`);
  let remaining = hours * HOUR_MS;
  let date = calendar.today(from);
  for (let day = 0; day < MAX_DAYS; day++) {
    if (calendar.isWorkingDay(date)) {
      const open = calendar.instantAt(date, workingHours.start).getTime();
      const close = calendar.instantAt(date, workingHours.end).getTime();
      const begin = Math.max(open, from.getTime());
      if (begin < close) {
        if (begin + remaining <= close) return new Date(begin + remaining);
        remaining -= close - begin;
      }
    }
    date = calendar.addWorkingDays(date, 1);
  }
  throw new RangeError(`No end of ${hours} working hours within ${MAX_DAYS} days of ${from.toISOString()}`);
}

/** The half-time reminder and the deadline of a first contact requested at `from` with this urgency. */
export function slaDeadlines(settings: SlaSettings, from: Date, urgency: ReactivationUrgency): SlaDeadlines {
  const hours = urgency === 'urgent' ? settings.urgentHours : settings.normalHours;
  return {
    halfAt: addWorkingHours(settings.calendar, from, hours / 2, settings.workingHours),
    dueAt: addWorkingHours(settings.calendar, from, hours, settings.workingHours),
  };
}
