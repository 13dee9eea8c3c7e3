import { SqlWhere, dayRangeConditions, organisationTimeZoneSql } from '../../core/database/sql-where.util';
import type { TenantScope } from '../../core/database/tenant-scope.model';
import type { ListAuditEventsQuery } from './list-audit-events.query';

/** Newest first; seq orders events of the same instant. */
export const AUDIT_EVENT_ORDER = 'e.occurred_at DESC, e.seq DESC';

/** An event as the log lists it (`e` audit_events; users, partner organisations and clients joined for names). */
export const AUDIT_EVENT_COLUMNS = `e.id, e.seq::text AS seq, e.occurred_at, e.action, e.outcome, e.user_id,
  u.display_name AS user_name, e.role, e.on_behalf_of_user_id, b.display_name AS on_behalf_name, e.purpose,
  e.resource, cardinality(e.client_ids) AS client_count,
  (SELECT coalesce(jsonb_agg(jsonb_build_object('id', c.id, 'reference', c.reference) ORDER BY c.reference), '[]')
     FROM clients c WHERE c.organisation_id = e.organisation_id AND c.id = ANY(e.client_ids[1:10])) AS clients,
  p.id AS partner_id, p.name AS partner_name, e.ip, e.user_agent, e.source,
  CASE WHEN e.details->>'status' ~ '^[0-9]{3}$' THEN (e.details->>'status')::int END AS status`;

export const AUDIT_EVENT_FROM = `audit_events e
  LEFT JOIN users u ON u.id = e.user_id
  LEFT JOIN users b ON b.id = e.on_behalf_of_user_id
  LEFT JOIN partner_organisations p
    ON p.organisation_id = e.organisation_id AND p.id::text = e.details->>'partnerOrganisationId'`;

export interface AuditEventRow {
  id: string;
  seq: string;
  occurred_at: Date;
  action: string;
  outcome: string;
  user_id: string | null;
  user_name: string | null;
  role: string | null;
  on_behalf_of_user_id: string | null;
  on_behalf_name: string | null;
  purpose: string | null;
  resource: string;
  client_count: number;
  clients: Array<{ id: string; reference: string }>;
  partner_id: string | null;
  partner_name: string | null;
  ip: string | null;
  user_agent: string | null;
  source: string;
  status: number | null;
}

/** The log's WHERE: the organisation, then each filter given. Used by the page, its count and its export. */
export function auditEventListWhere(scope: TenantScope, query: ListAuditEventsQuery): SqlWhere {
  const where = new SqlWhere();
  const org = where.param(scope.organisationId);
  where.and(`e.organisation_id = ${org}`);
  for (const condition of dayRangeConditions(
    where,
    'e.occurred_at',
    organisationTimeZoneSql(org),
    query.from,
    query.to,
  ))
    where.and(condition);
  where.andIf(query.userId, (p) => `e.user_id = ${p}`);
  where.andIf(query.clientId, (p) => `e.client_ids @> ARRAY[${p}]::uuid[]`);
  where.andIf(query.action, (p) => `e.action = ${p}`);
  where.andIf(query.outcome, (p) => `e.outcome = ${p}`);
  // Validated to letters, '-' and '.': no LIKE wildcards can come in.
  where.andIf(query.resource, (p) => `(e.resource = ${p} OR e.resource LIKE ${p} || '.%')`);
  return where;
}
