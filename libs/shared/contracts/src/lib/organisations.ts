import type { IsoDate } from './refs';

/** `GET /api/organisation/settings` (staff) and `PUT` (admins): how the organisation plans. */
export interface OrganisationSettings {
  /** IANA time zone in which check-ins are planned. */
  timeZone: string;
  /** Days off besides weekends and Dutch public holidays (e.g. Bevrijdingsdag), sorted. */
  extraDaysOff: IsoDate[];
}

export interface UpdateOrganisationSettingsRequest {
  extraDaysOff: IsoDate[];
}

export const MAX_EXTRA_DAYS_OFF = 200;
