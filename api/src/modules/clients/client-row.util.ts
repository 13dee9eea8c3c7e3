import type {
  Client,
  ClientSummary,
  LegalBasis,
  PreferredChannel,
  WatchStatusRef,
} from '@waakvlam/contracts';

export interface ClientSummaryRow {
  id: string;
  reference: string;
  name: string;
  postcode: string;
  house_number: string;
  neighbourhood: string | null;
  open_watch_id: string | null;
  open_watch_status: WatchStatusRef | null;
}

export interface ClientRow extends ClientSummaryRow {
  email: string | null;
  phone: string | null;
  preferred_channel: PreferredChannel;
  date_of_birth: string | null;
  legal_basis: LegalBasis;
  consent_email_reminders: boolean;
  consent_recorded_at: Date;
  consent_recorded_by: string;
  recorded_by_name: string;
  sharing_partner_ids: string[];
  created_at: Date;
  updated_at: Date;
}

/** Columns of ClientSummaryRow; needs `clients c` and `LEFT JOIN watches ow` (the open watch). */
export const CLIENT_SUMMARY_COLUMNS = `c.id, c.reference, c.name, c.postcode, c.house_number, c.neighbourhood,
  ow.id AS open_watch_id, ow.status AS open_watch_status`;

/**
 * The caseworker's scope on a client: only clients with a watch of which they are primary or backup caseworker.
 * `$n` is the caseworker's user id, or null for roles that see every client of the organisation.
 */
export const caseworkerClientFilter = (param: string): string =>
  `(${param}::uuid IS NULL OR EXISTS (SELECT 1 FROM watches cw WHERE cw.client_id = c.id
     AND (cw.primary_caseworker_id = ${param}::uuid OR cw.backup_caseworker_id = ${param}::uuid)))`;

export const toClientSummary = (r: ClientSummaryRow): ClientSummary => ({
  id: r.id,
  reference: r.reference,
  name: r.name,
  postcode: r.postcode,
  houseNumber: r.house_number,
  neighbourhood: r.neighbourhood,
  openWatch: r.open_watch_id ? { id: r.open_watch_id, status: r.open_watch_status as WatchStatusRef } : null,
});

export const toClient = (r: ClientRow): Client => ({
  ...toClientSummary(r),
  email: r.email,
  phone: r.phone,
  preferredChannel: r.preferred_channel,
  dateOfBirth: r.date_of_birth,
  consent: {
    legalBasis: r.legal_basis,
    emailReminders: r.consent_email_reminders,
    sharingPartnerIds: r.sharing_partner_ids,
    recordedAt: new Date(r.consent_recorded_at).toISOString(),
    recordedBy: { id: r.consent_recorded_by, displayName: r.recorded_by_name },
  },
  createdAt: new Date(r.created_at).toISOString(),
  updatedAt: new Date(r.updated_at).toISOString(),
});
