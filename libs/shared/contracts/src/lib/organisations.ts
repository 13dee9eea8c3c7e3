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
}

/** Only the fields sent change. */
export interface UpdateOrganisationSettingsRequest {
  /** Replaces the list (deduplicated and sorted). */
  extraDaysOff?: IsoDate[];
  /** 1–100 characters after trimming; empty or null turns discreet mode off. */
  discreetSenderName?: string | null;
  clientNamesInEmail?: boolean;
}

export const MAX_EXTRA_DAYS_OFF = 200;
export const MAX_DISCREET_SENDER_NAME_LENGTH = 100;
