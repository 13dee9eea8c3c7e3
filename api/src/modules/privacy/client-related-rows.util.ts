import type { EntityManager } from 'typeorm';

/** The ids of everything that belongs to a set of clients: their watches, check-ins, requests and signals. */
export interface RelatedIds {
  watchIds: string[];
  checkInIds: string[];
  requestIds: string[];
  signalIds: string[];
}

/**
 * The ids of the rows about the clients, in one statement: watches by client, check-ins and reactivation requests by
 * watch, signals by client (linked by the partner's reference or at triage).
 */
export async function relatedIds(manager: EntityManager, clientIds: readonly string[]): Promise<RelatedIds> {
  const [row]: Array<{
    watch_ids: string[];
    check_in_ids: string[];
    request_ids: string[];
    signal_ids: string[];
  }> = await manager.query(
    `WITH w AS (SELECT id FROM watches WHERE client_id = ANY($1::uuid[]))
     SELECT ARRAY(SELECT id::text FROM w ORDER BY id) AS watch_ids,
            ARRAY(SELECT x.id::text FROM check_ins x WHERE x.watch_id IN (SELECT id FROM w) ORDER BY x.id)
              AS check_in_ids,
            ARRAY(SELECT r.id::text FROM reactivation_requests r WHERE r.watch_id IN (SELECT id FROM w) ORDER BY r.id)
              AS request_ids,
            ARRAY(SELECT s.id::text FROM signals s WHERE s.client_id = ANY($1::uuid[]) ORDER BY s.id) AS signal_ids`,
    [clientIds],
  );
  return {
    watchIds: row.watch_ids,
    checkInIds: row.check_in_ids,
    requestIds: row.request_ids,
    signalIds: row.signal_ids,
  };
}

/**
 * The outbox keys of the e-mails about these rows. Every writer names its e-mail `<kind>-<subject id>[-…]`
 * (check-ins: pre-notice to the client, overdue, grace ended, the client's answer, missed per coordinator; watches:
 * lapsed; requests: every mail; signals: each status and the feedback nudge), so the keys find them all.
 */
export function notificationKeys(ids: RelatedIds): { exact: string[]; prefixes: string[] } {
  const exact: string[] = [];
  const prefixes: string[] = [];
  for (const id of ids.checkInIds) {
    for (const kind of ['pre-notice', 'overdue', 'grace-ended', 'response'])
      exact.push(`check-in-${kind}-${id}`);
    prefixes.push(`check-in-missed-${id}-`);
  }
  for (const id of ids.watchIds) prefixes.push(`watch-lapsed-${id}-`);
  for (const id of ids.requestIds) prefixes.push(`reactivation-${id}-`);
  for (const id of ids.signalIds) {
    for (const status of ['received', 'triaged', 'handled']) exact.push(`signal-${status}-${id}`);
    prefixes.push(`signal-feedback-due-${id}-`);
  }
  return { exact, prefixes };
}

/** The key prefix of the e-mails that went to the client herself (the pre-notice or self check-in link). */
export const CLIENT_MAIL_KEY_PREFIX = 'check-in-pre-notice-';

/**
 * The ids of the outbox messages with these keys: exact keys by the unique index, prefixes as byte-wise ranges on
 * `notifications_key_bytes_idx` (keys are ASCII letters, digits and `-`, all below `~`).
 */
export async function notificationIdsFor(manager: EntityManager, ids: RelatedIds): Promise<string[]> {
  const keys = notificationKeys(ids);
  if (keys.exact.length === 0 && keys.prefixes.length === 0) return [];
  const rows: Array<{ id: string }> = await manager.query(
    `SELECT n.id FROM notifications n WHERE n.idempotency_key = ANY($1::text[])
     UNION
     SELECT n.id FROM unnest($2::text[]) AS p (prefix)
     JOIN notifications n
       ON (n.idempotency_key COLLATE "C") >= (p.prefix COLLATE "C")
      AND (n.idempotency_key COLLATE "C") < ((p.prefix || '~') COLLATE "C")`,
    [keys.exact, keys.prefixes],
  );
  return rows.map((r) => r.id);
}

/** Every id a timer of these rows can have as its subject (check-ins, requests, signals). */
export const timerSubjects = (ids: RelatedIds): string[] => [
  ...ids.checkInIds,
  ...ids.requestIds,
  ...ids.signalIds,
];
