import { createHash } from 'node:crypto';

/** The hash before an organisation's first event, and the anchor before any purge. */
export const AUDIT_GENESIS_HASH = '0'.repeat(64);

/**
 * One audit event's fields as text, exactly as `AUDIT_CHAIN_COLUMNS` selects them (and as the database's
 * `audit_event_canonical` reads them): null stays null.
 */
export interface AuditChainRow {
  organisation_id: string;
  seq: string;
  id: string;
  /** UTC with microseconds: `YYYY-MM-DDTHH:MM:SS.ffffffZ`. */
  occurred_at: string;
  action: string;
  outcome: string;
  user_id: string | null;
  role: string | null;
  on_behalf_of_user_id: string | null;
  purpose: string | null;
  /** The client ids in stored order, comma-separated ('' for none). */
  client_ids: string;
  resource: string;
  ip: string | null;
  user_agent: string | null;
  source: string;
  /** PostgreSQL's canonical text of the jsonb (`details::text`). */
  details: string | null;
  prev_hash: string;
}

/** The order in which the fields enter the serialisation. */
const FIELDS: ReadonlyArray<keyof AuditChainRow> = [
  'organisation_id',
  'seq',
  'id',
  'occurred_at',
  'action',
  'outcome',
  'user_id',
  'role',
  'on_behalf_of_user_id',
  'purpose',
  'client_ids',
  'resource',
  'ip',
  'user_agent',
  'source',
  'details',
  'prev_hash',
];

/** The SELECT list that reads an event as an AuditChainRow (plus its stored `hash`). */
export const AUDIT_CHAIN_COLUMNS = `e.organisation_id::text AS organisation_id, e.seq::text AS seq, e.id::text AS id,
  to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS occurred_at, e.action, e.outcome,
  e.user_id::text AS user_id, e.role, e.on_behalf_of_user_id::text AS on_behalf_of_user_id, e.purpose,
  array_to_string(e.client_ids, ',') AS client_ids, e.resource, e.ip, e.user_agent, e.source,
  e.details::text AS details, e.prev_hash, e.hash`;

/** A field as `<UTF-8 bytes>:<text>`, or `-` for null: unambiguous without escaping. */
const field = (value: string | null): string =>
  value === null ? '-' : `${Buffer.byteLength(value, 'utf8')}:${value}`;

/**
 * The canonical serialisation of an event (version `waakvlam-audit-v1`): the version tag and every field in a
 * fixed order, `|`-joined. The same as the database's `audit_event_canonical`.
 */
export function canonicalAuditEvent(row: AuditChainRow): string {
  return ['waakvlam-audit-v1', ...FIELDS.map((name) => field(row[name]))].join('|');
}

/** sha256 (hex) of the canonical serialisation, which includes the previous event's hash. */
export function auditEventHash(row: AuditChainRow): string {
  return createHash('sha256').update(canonicalAuditEvent(row), 'utf8').digest('hex');
}
