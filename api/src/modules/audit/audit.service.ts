import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuditEventInput } from './audit-event.model';

/** Longest user agent kept: enough to recognise a browser, bounded against abuse. */
const MAX_USER_AGENT = 500;

/** Writes the audit log (audit_events). Append-only; the read side comes with the hash chain. */
@Injectable()
export class AuditService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Writes one audit event; returns its id. Pass `manager` to write it in the caller's transaction (the event then
   * exists exactly when the change does).
   */
  async record(input: AuditEventInput, manager?: EntityManager): Promise<string> {
    const rows: Array<{ id: string }> = await (manager ?? this.dataSource.manager).query(
      `INSERT INTO audit_events (organisation_id, action, outcome, user_id, role, on_behalf_of_user_id, purpose,
         client_ids, resource, ip, user_agent, source, details)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::uuid[], $9, $10, $11, $12, $13::jsonb)
       RETURNING id`,
      [
        input.organisationId,
        input.action,
        input.outcome ?? 'success',
        input.userId,
        input.role,
        input.onBehalfOfUserId ?? null,
        input.purpose ?? null,
        [...new Set(input.clientIds ?? [])],
        input.resource,
        input.ip ?? null,
        input.userAgent?.slice(0, MAX_USER_AGENT) ?? null,
        input.source,
        input.details == null ? null : JSON.stringify(input.details),
      ],
    );
    return rows[0].id;
  }
}
