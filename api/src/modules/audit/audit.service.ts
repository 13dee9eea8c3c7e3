import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuditEventInput, AuditSubjectRefs } from './audit-event.model';
import { AuditScope } from './audit-scope.store';

/** Longest user agent kept: enough to recognise a browser, bounded against abuse. */
const MAX_USER_AGENT = 500;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Each kind of record, and the query of its clients (`$1` is the organisation, `$n` the ids). */
const SUBJECT_CLIENTS: Record<keyof AuditSubjectRefs, (ids: string) => string> = {
  watchIds: (ids) => `SELECT w.client_id FROM watches w WHERE w.organisation_id = $1 AND w.id = ANY(${ids})`,
  checkInIds: (ids) =>
    `SELECT w.client_id FROM check_ins ci JOIN watches w ON w.id = ci.watch_id
     WHERE ci.organisation_id = $1 AND ci.id = ANY(${ids})`,
  reactivationIds: (ids) =>
    `SELECT r.client_id FROM reactivation_requests r WHERE r.organisation_id = $1 AND r.id = ANY(${ids})`,
  signalIds: (ids) => `SELECT s.client_id FROM signals s WHERE s.organisation_id = $1 AND s.id = ANY(${ids})`,
};

/**
 * Writes the audit log (audit_events): one INSERT per event. The database chains it (seq, prev_hash, hash; see the
 * ChainAuditEvents migration) and refuses updates and deletes.
 */
@Injectable()
export class AuditService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Writes one audit event; returns its id. Pass `manager` to write it in the caller's transaction (the event then
   * exists exactly when the change does). Marks the current request recorded (AuditScope).
   */
  async record(input: AuditEventInput, manager?: EntityManager): Promise<string> {
    const params: unknown[] = [
      input.organisationId,
      input.action,
      input.outcome ?? 'success',
      input.userId,
      input.role,
      input.onBehalfOfUserId ?? null,
      input.purpose ?? null,
      [...new Set((input.clientIds ?? []).filter((id) => UUID.test(id)))],
      input.resource,
      input.ip ?? null,
      input.userAgent?.slice(0, MAX_USER_AGENT) ?? null,
      input.source,
      input.details == null ? null : JSON.stringify(input.details),
    ];
    const lookups: string[] = [];
    for (const [kind, query] of Object.entries(SUBJECT_CLIENTS) as Array<
      [keyof AuditSubjectRefs, (ids: string) => string]
    >) {
      const ids = [...new Set((input.subjects?.[kind] ?? []).filter((id) => UUID.test(id)))];
      if (ids.length === 0) continue;
      params.push(ids);
      lookups.push(`ARRAY(${query(`$${params.length}::uuid[]`)})`);
    }
    // With records to resolve, their clients join the given ones in the same statement (first mention first).
    const clientIds =
      lookups.length === 0
        ? '$8::uuid[]'
        : `ARRAY(SELECT u.c FROM unnest($8::uuid[] || ${lookups.join(' || ')}) WITH ORDINALITY AS u(c, n)
                 WHERE u.c IS NOT NULL GROUP BY u.c ORDER BY min(u.n))`;
    const rows: Array<{ id: string }> = await (manager ?? this.dataSource.manager).query(
      `INSERT INTO audit_events (organisation_id, action, outcome, user_id, role, on_behalf_of_user_id, purpose,
         client_ids, resource, ip, user_agent, source, details)
       VALUES ($1, $2, $3, $4, $5, $6, $7, ${clientIds}, $9, $10, $11, $12, $13::jsonb)
       RETURNING id`,
      params,
    );
    AuditScope.markRecorded();
    return rows[0].id;
  }
}
