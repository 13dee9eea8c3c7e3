import type { Locale } from '@waakvlam/contracts';
import type { ClientMailRow, OrganisationMailRow } from './reminder-queries.util';

const DATE_FORMATS: Record<Locale, Intl.DateTimeFormat> = {
  nl: new Intl.DateTimeFormat('nl-NL', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }),
  en: new Intl.DateTimeFormat('en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }),
};

/** A calendar date (`YYYY-MM-DD`) as words: "maandag 12 mei 2031", "Monday 12 May 2031". */
export function formatDate(locale: Locale, date: string): string {
  return DATE_FORMATS[locale].format(new Date(`${date}T00:00:00Z`)).replace(/,/g, '');
}

/**
 * How an e-mail names a client: the organisation's own reference, and the name only when the organisation chose
 * to put client names in e-mail.
 */
export function clientLabel(org: OrganisationMailRow, client: ClientMailRow): string {
  return org.client_names_in_email
    ? `${client.client_name} (${client.client_reference})`
    : client.client_reference;
}

/** The first word of a display name: how a client e-mail names the caseworker. */
export function firstName(displayName: string): string {
  return displayName.trim().split(/\s+/)[0] ?? '';
}

/** The sender's display name: the organisation's neutral name in discreet mode, else the configured default. */
export function senderName(org: OrganisationMailRow): string | null {
  return org.discreet_sender_name;
}

/** Who signs a client e-mail: the neutral name in discreet mode, else the organisation's name. */
export function signature(org: OrganisationMailRow): string {
  return org.discreet_sender_name ?? org.organisation_name;
}
