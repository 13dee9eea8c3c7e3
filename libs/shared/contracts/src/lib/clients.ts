import type { IsoDate, UserRef } from './refs';

/** Legal basis for keeping a resident in view. */
export const LEGAL_BASES = ['consent', 'wmo_task', 'wgs_signal'] as const;
export type LegalBasis = (typeof LEGAL_BASES)[number];

/** How the resident prefers to be contacted. */
export const PREFERRED_CHANNELS = ['phone', 'email', 'sms', 'letter', 'visit'] as const;
export type PreferredChannel = (typeof PREFERRED_CHANNELS)[number];

/** Dutch postcode: four digits (not starting with 0) and two letters; stored as `1234AB`. */
export const POSTCODE_PATTERN = /^[1-9][0-9]{3} ?[A-Za-z]{2}$/;

export interface ClientConsent {
  legalBasis: LegalBasis;
  /** The resident agreed to e-mail reminders and self check-in links. */
  emailReminders: boolean;
  /** Partner organisations the resident agreed to share (signal) data with. */
  sharingPartnerIds: string[];
  recordedAt: string;
  recordedBy: UserRef;
}

export interface ClientSummary {
  id: string;
  /** The organisation's own reference, unique within the organisation. */
  reference: string;
  name: string;
  postcode: string;
  houseNumber: string;
  neighbourhood: string | null;
  /** The open (not ended) watch, if any. A client has at most one. */
  openWatch: { id: string; status: WatchStatusRef } | null;
}

/** Avoids an import cycle with watches.ts; the same values as WatchStatus. */
export type WatchStatusRef = 'active' | 'paused' | 'lapsed' | 'reactivated' | 'ended';

export interface Client extends ClientSummary {
  email: string | null;
  phone: string | null;
  preferredChannel: PreferredChannel;
  dateOfBirth: IsoDate | null;
  consent: ClientConsent;
  createdAt: string;
  updatedAt: string;
}

export interface ConsentInput {
  legalBasis: LegalBasis;
  emailReminders: boolean;
  sharingPartnerIds?: string[];
}

export interface CreateClientRequest {
  reference: string;
  name: string;
  email?: string | null;
  phone?: string | null;
  preferredChannel: PreferredChannel;
  postcode: string;
  houseNumber: string;
  neighbourhood?: string | null;
  dateOfBirth?: IsoDate | null;
  consent: ConsentInput;
}

export type UpdateClientRequest = Partial<CreateClientRequest>;

/** `GET /api/clients?q=&page=&pageSize=`: q matches name, reference or postcode. */
export interface ClientSearchQuery {
  q?: string;
  page?: number;
  pageSize?: number;
}
