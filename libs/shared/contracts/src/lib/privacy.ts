/**
 * Residents' rights under the AVG (GDPR): the export of everything stored about a client (art. 15) and erasure by
 * anonymisation (art. 17), with the rules that refuse it while care or a retention period still runs.
 */

/** `GET /api/clients/{id}/data-export` → ClientDataExport (coordinators, admins; audited as an export). */
export const clientDataExportPath = (id: string): string => `/api/clients/${id}/data-export`;
/** `POST /api/clients/{id}/erasure` with ErasureRequest → ErasureResult (409 `erasure-refused` when not allowed). */
export const clientErasurePath = (id: string): string => `/api/clients/${id}/erasure`;
/** `GET/PUT /api/organisation/privacy-settings` → PrivacySettings (PUT: admins). */
export const PRIVACY_SETTINGS_PATH = '/api/organisation/privacy-settings';

/** One stored row, column by column (camelCase), as PostgreSQL holds it; secrets are left out. */
export type ExportRecord = Record<string, unknown>;

export interface ExportedCheckIn extends ExportRecord {
  /** Self check-in links of this check-in: when issued, until when valid, used and the answer (never the secret). */
  tokens: ExportRecord[];
}

export interface ExportedWatch extends ExportRecord {
  events: ExportRecord[];
  checkIns: ExportedCheckIn[];
}

export interface ExportedReactivation extends ExportRecord {
  /** Every source and reason merged into the request. */
  reasons: ExportRecord[];
}

export interface ExportedSignal {
  /** What the partner reported and can see. */
  partnerFacing: ExportRecord;
  /** The organisation's own handling: triage decision and reason, linked watch, who handled it. */
  internal: ExportRecord;
  /** The feedback texts written for the partner. */
  feedback: ExportRecord[];
}

/** Everything Waakvlam stores about one client (AVG art. 15), in one JSON document. */
export interface ClientDataExport {
  format: 'waakvlam-client-data-export';
  version: 1;
  exportedAt: string;
  organisation: { id: string; name: string };
  client: ExportRecord;
  /** Partners the client agreed to share signal data with. */
  partnerConsents: ExportRecord[];
  /** The references under which partners know the client. */
  partnerReferences: ExportRecord[];
  watches: ExportedWatch[];
  reactivations: ExportedReactivation[];
  signals: ExportedSignal[];
  /** E-mails to the client and staff e-mails about the client (subject, body, status, dates; never link secrets). */
  notifications: ExportRecord[];
  /** Reminders and deadlines still planned for the client's check-ins, requests and signals. */
  plannedTimers: ExportRecord[];
  /** Who read, changed or exported the client's data, when and why (this export included). */
  auditTrail: ExportRecord[];
  /** Stored columns deliberately left out of the export, with why (secrets and staff data). */
  omitted: Array<{ field: string; reason: string }>;
}

/** Why an erasure is asked for; recorded in the audit log. */
export const ERASURE_REASONS = [
  'client_request',
  'consent_withdrawn',
  'no_longer_needed',
  'unlawful_processing',
  'other',
] as const;
export type ErasureReason = (typeof ERASURE_REASONS)[number];

/** No free text: the reason is a code, so the audit log (kept for years) holds no personal data. */
export interface ErasureRequest {
  reason: ErasureReason;
  /** True: only say what would be removed and whether it is allowed; change nothing. */
  dryRun?: boolean;
}

/** Why an erasure is not allowed now. */
export const ERASURE_REFUSALS = [
  /** A watch is active, paused, lapsed or reactivated: end the watch first. */
  'care_ongoing',
  /** A reactivation request is open, accepted or contacted: resolve or cancel it first. */
  'reactivation_open',
  /** A partner signal about the client is not handled yet: handle it first. */
  'signal_open',
  /** The organisation keeps care files for a number of years after the last watch ended (`retainUntil`). */
  'retention_period',
  /** The client was anonymised before. */
  'already_anonymised',
] as const;
export type ErasureRefusalCode = (typeof ERASURE_REFUSALS)[number];

export interface ErasureRefusal {
  code: ErasureRefusalCode;
  /** For `retention_period`: the moment from which erasure is allowed (ISO 8601). */
  retainUntil?: string;
}

/** How many stored items the erasure removes or scrubs, per kind. */
export interface ErasureCounts {
  personalFields: number;
  partnerConsents: number;
  partnerReferences: number;
  watchTexts: number;
  watchEvents: number;
  checkInNotes: number;
  checkInTokens: number;
  reactivationTexts: number;
  signals: number;
  signalFeedback: number;
  notifications: number;
  pendingNotificationsCancelled: number;
}

export interface ErasureResult {
  clientId: string;
  dryRun: boolean;
  allowed: boolean;
  refusals: ErasureRefusal[];
  /** What is (or would be) removed. */
  counts: ErasureCounts;
  /** When the client was anonymised; null for a preview or a refusal. */
  anonymisedAt: string | null;
}

export interface PrivacySettings {
  /** Years after a watch's end that its care file is kept (erasure refused); null: the service's default. */
  careFileRetentionYears: number | null;
  /** What applies now: the organisation's setting, or the service's default. */
  effectiveCareFileRetentionYears: number;
  /** Months after the last watch ended that the retention job anonymises a client (service-wide). */
  clientRetentionMonths: number;
}

export interface UpdatePrivacySettingsRequest {
  careFileRetentionYears: number | null;
}

/** The longest care-file retention an organisation can set. */
export const CARE_FILE_RETENTION_YEARS_MAX = 30;
