import { Injectable } from '@nestjs/common';
import type {
  AuditEvent,
  AuditEventAction,
  AuditEventOutcome,
  AuditEventSource,
  Page,
} from '@waakvlam/contracts';
import { DataSource } from 'typeorm';
import type { TenantScope } from '../../core/database/tenant-scope.model';
import {
  AUDIT_EVENT_COLUMNS,
  AUDIT_EVENT_FROM,
  AUDIT_EVENT_ORDER,
  type AuditEventRow,
  auditEventListWhere,
} from './audit-list-filter.util';
import type { ListAuditEventsQuery } from './list-audit-events.query';

/** The read side of the audit log: the organisation's events, filtered and paged. */
@Injectable()
export class AuditEventsService {
  constructor(private readonly dataSource: DataSource) {}

  async list(scope: TenantScope, query: ListAuditEventsQuery): Promise<Page<AuditEvent>> {
    const where = auditEventListWhere(scope, query);
    const filters = where.params;
    const limit = where.param(query.pageSize);
    const offset = where.param((query.page - 1) * query.pageSize);
    const rows: AuditEventRow[] = await this.dataSource.query(
      `SELECT ${AUDIT_EVENT_COLUMNS} FROM ${AUDIT_EVENT_FROM} WHERE ${where.sql}
       ORDER BY ${AUDIT_EVENT_ORDER} LIMIT ${limit} OFFSET ${offset}`,
      where.params,
    );
    const [{ total }]: Array<{ total: number }> = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM audit_events e WHERE ${where.sql}`,
      filters,
    );
    return { items: rows.map(toAuditEvent), page: query.page, pageSize: query.pageSize, total };
  }
}

export function toAuditEvent(r: AuditEventRow): AuditEvent {
  return {
    id: r.id,
    seq: Number(r.seq),
    occurredAt: r.occurred_at.toISOString(),
    action: r.action as AuditEventAction,
    outcome: r.outcome as AuditEventOutcome,
    user: r.user_id ? { id: r.user_id, displayName: r.user_name ?? '—' } : null,
    role: r.role,
    onBehalfOf: r.on_behalf_of_user_id
      ? { id: r.on_behalf_of_user_id, displayName: r.on_behalf_name ?? '—' }
      : null,
    purpose: r.purpose,
    resource: r.resource,
    clientCount: r.client_count,
    clients: r.clients,
    partnerOrganisation: r.partner_id ? { id: r.partner_id, name: r.partner_name ?? '' } : null,
    ip: r.ip,
    userAgent: r.user_agent,
    source: r.source as AuditEventSource,
    status: r.status,
  };
}
