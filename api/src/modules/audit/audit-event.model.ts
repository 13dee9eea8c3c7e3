/** What an audited action did. */
export const AUDIT_ACTIONS = ['read', 'search', 'create', 'update', 'delete', 'export'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export type AuditOutcome = 'success' | 'failure';

/** Where the action came from: the console, the public API, a partner system's API key, or the system itself. */
export type AuditSource = 'console' | 'api' | 'partner_system' | 'system';

/**
 * Records whose client the database looks up in the event's own INSERT (one statement, no extra read): for routes
 * that name a watch, check-in, reactivation request or signal but whose answer does not name the client (a refusal,
 * a timeline).
 */
export interface AuditSubjectRefs {
  watchIds?: readonly string[];
  checkInIds?: readonly string[];
  reactivationIds?: readonly string[];
  signalIds?: readonly string[];
}

/** One audit_events row to write. */
export interface AuditEventInput {
  organisationId: string;
  action: AuditAction;
  /** Default: success. */
  outcome?: AuditOutcome;
  /** Null for the system's own actions. */
  userId: string | null;
  role: string | null;
  onBehalfOfUserId?: string | null;
  purpose?: string | null;
  /** Every client whose data the action touched. */
  clientIds?: readonly string[];
  /** What was acted on, e.g. `watches.export`. */
  resource: string;
  ip?: string | null;
  userAgent?: string | null;
  source: AuditSource;
  /** Records whose clients are added to clientIds (in the same INSERT). */
  subjects?: AuditSubjectRefs;
  /** Structured context (an export's filters and row count); never free text with personal data. */
  details?: Record<string, unknown> | null;
}
