import type { Locale } from '@waakvlam/contracts';
import type { EntityManager } from 'typeorm';

/** What an e-mail needs to know of its organisation. */
export interface OrganisationMailRow {
  organisation_id: string;
  organisation_name: string;
  discreet_sender_name: string | null;
  client_names_in_email: boolean;
}

/** What an e-mail needs to know of a client. The name may only be used when the organisation allows it. */
export interface ClientMailRow {
  client_id: string;
  client_reference: string;
  client_name: string;
}

/** A check-in with its watch, client, organisation and staff. */
export interface CheckInMailRow extends OrganisationMailRow, ClientMailRow {
  check_in_id: string;
  status: 'planned' | 'done' | 'missed' | 'cancelled';
  due_date: string;
  grace_ends_on: string;
  caseworker_id: string;
  /** The check-in's caseworker's display name, whatever the account's state. */
  caseworker_name: string;
  /** The check-in's caseworker when the account may receive e-mail (active staff), else null. */
  caseworker: StaffRow | null;
  backup_caseworker_id: string | null;
  /** The watch's backup caseworker when set and the account may receive e-mail, else null. */
  backup: StaffRow | null;
  client_email: string | null;
  consent_email_reminders: boolean;
}

/** A watch with its client and organisation, and how often it lapsed (names the lapse's e-mails). */
export interface WatchMailRow extends OrganisationMailRow, ClientMailRow {
  watch_id: string;
  primary_caseworker_id: string;
  lapses: number;
}

/** A staff member who may receive e-mail. */
export interface StaffRow {
  id: string;
  email: string;
  display_name: string;
  locale: Locale;
}

const ORGANISATION_COLUMNS = `o.id AS organisation_id, o.name AS organisation_name, o.discreet_sender_name,
  o.client_names_in_email`;
const CLIENT_COLUMNS = `cl.id AS client_id, cl.reference AS client_reference, cl.name AS client_name`;

const STAFF_OBJECT = (alias: string): string =>
  `CASE WHEN ${alias}.active AND ${alias}.role <> 'partner' THEN json_build_object('id', ${alias}.id,
     'email', ${alias}.email, 'display_name', ${alias}.display_name, 'locale', ${alias}.locale) END`;

/** Check-ins with everything their e-mails need, in one query (a batch of timers reads them together). */
export async function loadCheckIns(
  tx: EntityManager,
  checkInIds: readonly string[],
): Promise<CheckInMailRow[]> {
  if (checkInIds.length === 0) return [];
  return tx.query(
    `SELECT c.id AS check_in_id, c.status, c.due_date::text AS due_date, c.grace_ends_on::text AS grace_ends_on,
       c.caseworker_id, coalesce(cw.display_name, '') AS caseworker_name, ${STAFF_OBJECT('cw')} AS caseworker,
       w.backup_caseworker_id, ${STAFF_OBJECT('bk')} AS backup,
       cl.email AS client_email, cl.consent_email_reminders, ${CLIENT_COLUMNS}, ${ORGANISATION_COLUMNS}
     FROM check_ins c
     JOIN watches w ON w.id = c.watch_id AND w.organisation_id = c.organisation_id
     JOIN clients cl ON cl.id = w.client_id AND cl.organisation_id = c.organisation_id
     JOIN organisations o ON o.id = c.organisation_id
     LEFT JOIN users cw ON cw.id = c.caseworker_id AND cw.organisation_id = c.organisation_id
     LEFT JOIN users bk ON bk.id = w.backup_caseworker_id AND bk.organisation_id = c.organisation_id
     WHERE c.id = ANY($1::uuid[])
     ORDER BY c.id`,
    [checkInIds],
  );
}

export async function loadWatches(tx: EntityManager, watchIds: readonly string[]): Promise<WatchMailRow[]> {
  if (watchIds.length === 0) return [];
  return tx.query(
    `SELECT w.id AS watch_id, w.primary_caseworker_id, ${CLIENT_COLUMNS}, ${ORGANISATION_COLUMNS},
       (SELECT count(*)::int FROM watch_events e WHERE e.watch_id = w.id AND e.type = 'lapsed') AS lapses
     FROM watches w
     JOIN clients cl ON cl.id = w.client_id AND cl.organisation_id = w.organisation_id
     JOIN organisations o ON o.id = w.organisation_id
     WHERE w.id = ANY($1::uuid[])
     ORDER BY w.id`,
    [watchIds],
  );
}

/** The active users among `ids` in the organisation (an inactive account gets no mail). */
export async function loadActiveUsers(
  tx: EntityManager,
  organisationId: string,
  ids: ReadonlyArray<string | null>,
): Promise<StaffRow[]> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return [];
  return tx.query(
    `SELECT id, email, display_name, locale FROM users
     WHERE organisation_id = $1 AND id = ANY($2::uuid[]) AND active AND role <> 'partner'
     ORDER BY id`,
    [organisationId, wanted],
  );
}

/** Every active coordinator of the organisation. */
export async function loadCoordinators(tx: EntityManager, organisationId: string): Promise<StaffRow[]> {
  return tx.query(
    `SELECT id, email, display_name, locale FROM users
     WHERE organisation_id = $1 AND role = 'coordinator' AND active
     ORDER BY id`,
    [organisationId],
  );
}

/** Users' display names by id, whatever the accounts' state (the caseworker named in a colleague's e-mail). */
export async function loadDisplayNames(
  tx: EntityManager,
  organisationId: string,
  userIds: readonly string[],
): Promise<Map<string, string>> {
  if (userIds.length === 0) return new Map();
  const rows: Array<{ id: string; display_name: string }> = await tx.query(
    `SELECT id, display_name FROM users WHERE organisation_id = $1 AND id = ANY($2::uuid[])`,
    [organisationId, [...new Set(userIds)]],
  );
  return new Map(rows.map((r) => [r.id, r.display_name]));
}
