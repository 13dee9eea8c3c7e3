import type { Page } from './pagination';
import type { IsoDate, UserRef } from './refs';

/** What an audited action did (`sign_in`: the sign-in log of accounts, not about clients). */
export const AUDIT_EVENT_ACTIONS = [
  'read',
  'search',
  'create',
  'update',
  'delete',
  'export',
  'sign_in',
] as const;
export type AuditEventAction = (typeof AUDIT_EVENT_ACTIONS)[number];

export const AUDIT_OUTCOMES = ['success', 'failure'] as const;
export type AuditEventOutcome = (typeof AUDIT_OUTCOMES)[number];

/** The console, the API (the resident's check-in link), a partner system's API key, or the system itself. */
export const AUDIT_SOURCES = ['console', 'api', 'partner_system', 'system'] as const;
export type AuditEventSource = (typeof AUDIT_SOURCES)[number];

/** Why client data was used: stored as the code, shown as AUDIT_PURPOSE_TEXT. */
export const AUDIT_PURPOSES = [
  'care',
  'coordination',
  'accountability',
  'partner_signal',
  'self_check_in',
] as const;
export type AuditPurpose = (typeof AUDIT_PURPOSES)[number];

/** The purposes in plain Dutch (B1), as the access report shows them. */
export const AUDIT_PURPOSE_TEXT: Record<AuditPurpose, string> = {
  care: 'Voor uw begeleiding',
  coordination: 'Om het werk te plannen en te verdelen',
  accountability: 'Voor controle en verantwoording',
  partner_signal: 'Voor een melding van een ketenpartner',
  self_check_in: 'U reageerde zelf via de link in uw e-mail',
};

/** `GET /api/audit-events` (coordinators, admins): the organisation's audit log, newest first. */
export const AUDIT_EVENTS_PATH = '/api/audit-events';
/** `GET /api/audit-events/export.csv` with the list's filters (audited itself). */
export const AUDIT_EVENTS_EXPORT_PATH = '/api/audit-events/export.csv';
/** `GET /api/clients/{id}/access-report` → AccessReport: "wie heeft mijn gegevens bekeken". */
export const clientAccessReportPath = (clientId: string): string => `/api/clients/${clientId}/access-report`;

/** The filters of the audit log; days are organisation calendar days, both included. */
export interface AuditEventListQuery {
  from?: IsoDate;
  to?: IsoDate;
  userId?: string;
  clientId?: string;
  action?: AuditEventAction;
  outcome?: AuditEventOutcome;
  /** A resource (`clients.read`) or its domain (`clients`: every `clients.*`). */
  resource?: string;
  page?: number;
  pageSize?: number;
}

/** One line of the audit log. */
export interface AuditEvent {
  id: string;
  /** The place in the organisation's hash chain. */
  seq: number;
  occurredAt: string;
  action: AuditEventAction;
  outcome: AuditEventOutcome;
  /** Null for the system, a partner system or the resident's link. */
  user: UserRef | null;
  role: string | null;
  onBehalfOf: UserRef | null;
  purpose: string | null;
  resource: string;
  /** How many clients the event concerns, and the first of them (an export can concern thousands). */
  clientCount: number;
  clients: Array<{ id: string; reference: string }>;
  partnerOrganisation: { id: string; name: string } | null;
  ip: string | null;
  userAgent: string | null;
  source: AuditEventSource;
  /** The HTTP status of a failed action. */
  status: number | null;
}

export type AuditEventPage = Page<AuditEvent>;

/** One line of "wie heeft mijn gegevens bekeken", in plain Dutch. */
export interface AccessReportEntry {
  at: string;
  /** A name, a partner organisation, "U zelf" or "Het systeem". */
  who: string;
  /** The role in Dutch (begeleider…), or null. */
  role: string | null;
  what: string;
  why: string;
  /** False when the access was refused or failed. */
  allowed: boolean;
}

/** `GET /api/clients/{id}/access-report`: who used the client's data, newest first. */
export interface AccessReport {
  client: { id: string; reference: string; name: string };
  organisationName: string;
  generatedAt: string;
  /** How long the log keeps events, in years. */
  retentionYears: number;
  entries: AccessReportEntry[];
  /** True when there were more events than the report shows (the newest are shown). */
  truncated: boolean;
}
