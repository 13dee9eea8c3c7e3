import type { IsoDate } from './refs';

/** `GET /api/organisation/settings` (staff) and `PUT` (admins): how the organisation plans and e-mails. */
export interface OrganisationSettings {
  /** IANA time zone in which check-ins are planned. */
  timeZone: string;
  /** Days off besides weekends and Dutch public holidays (e.g. Bevrijdingsdag), sorted. */
  extraDaysOff: IsoDate[];
  /**
   * Discreet mode: the neutral name that e-mails show as their sender (and that signs client e-mails), e.g.
   * "Team Noord". Null: the service's own sender name.
   */
  discreetSenderName: string | null;
  /** Whether e-mails may name clients; when false they use the organisation's client reference only. */
  clientNamesInEmail: boolean;
  /** First contact of an urgent reactivation request within this many working hours (1–80; default 4). */
  slaUrgentWorkingHours: number;
  /** First contact of a normal reactivation request within this many working hours (1–80; default 16). */
  slaNormalWorkingHours: number;
  /** Start of the working day in which SLA clocks run, local time `HH:mm` (default `09:00`). */
  workingHoursStart: string;
  /** End of that working day, `HH:mm`, at least an hour after the start (default `17:00`). */
  workingHoursEnd: string;
}

/** Only the fields sent change. */
export interface UpdateOrganisationSettingsRequest {
  /** Replaces the list (deduplicated and sorted). */
  extraDaysOff?: IsoDate[];
  /** 1–100 characters after trimming; empty or null turns discreet mode off. */
  discreetSenderName?: string | null;
  clientNamesInEmail?: boolean;
  /** 1–80. */
  slaUrgentWorkingHours?: number;
  /** 1–80. */
  slaNormalWorkingHours?: number;
  /** `HH:mm`; the working day (with the end, sent or stored) must last at least an hour. */
  workingHoursStart?: string;
  /** `HH:mm`, at least an hour after the start (sent or stored). */
  workingHoursEnd?: string;
}

export const MAX_EXTRA_DAYS_OFF = 200;
export const MAX_DISCREET_SENDER_NAME_LENGTH = 100;
/** The range of an SLA in working hours (`slaUrgentWorkingHours`, `slaNormalWorkingHours`). */
export const MIN_SLA_WORKING_HOURS = 1;
export const MAX_SLA_WORKING_HOURS = 80;
/** A wall-clock time `HH:mm`, 00:00–23:59. */
export const WORKING_HOURS_TIME_PATTERN = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;
/** The shortest working day, in minutes: SLA clocks need time to run. */
export const MIN_WORKING_DAY_MINUTES = 60;
