import type { SessionUser } from '../../core/auth/session-user.interface';
import { TenantScope } from '../../core/database/tenant-scope.model';
import { csvDateTime } from '../../core/http/csv.util';
import type { CsvExportSpec } from './audited-csv-export.service';
import {
  AUDIT_EVENT_COLUMNS,
  AUDIT_EVENT_FROM,
  AUDIT_EVENT_ORDER,
  type AuditEventRow,
  auditEventListWhere,
} from './audit-list-filter.util';
import type { ListAuditEventsQuery } from './list-audit-events.query';

type AuditExportRow = AuditEventRow & { client_ids: string[] };

/**
 * `GET /api/audit-events/export.csv`: the log with its filters, every matching event. The export is itself an
 * event (`audit-events.export`) naming the clients of the exported events.
 */
export function auditEventExport(
  query: ListAuditEventsQuery,
  session: SessionUser,
): CsvExportSpec<AuditExportRow> {
  const where = auditEventListWhere(TenantScope.fromSession(session), query);
  return {
    list: 'logboek',
    resource: 'audit-events.export',
    filters: query,
    sql: `SELECT ${AUDIT_EVENT_COLUMNS}, e.client_ids::text[] AS client_ids FROM ${AUDIT_EVENT_FROM}
          WHERE ${where.sql} ORDER BY ${AUDIT_EVENT_ORDER}`,
    params: where.params,
    clientIdOf: () => null,
    clientIdsOf: (r) => r.client_ids,
    columns: [
      { header: 'Tijdstip', value: (r) => csvDateTime(r.occurred_at, session.timeZone) },
      { header: 'Volgnummer', value: (r) => r.seq },
      { header: 'Actie', value: (r) => r.action },
      { header: 'Resultaat', value: (r) => (r.outcome === 'success' ? 'gelukt' : 'mislukt of geweigerd') },
      { header: 'Status', value: (r) => r.status },
      { header: 'Medewerker', value: (r) => r.user_name },
      { header: 'Rol', value: (r) => r.role },
      { header: 'Namens', value: (r) => r.on_behalf_name },
      { header: 'Ketenpartner', value: (r) => r.partner_name },
      { header: 'Doel', value: (r) => r.purpose },
      { header: 'Onderdeel', value: (r) => r.resource },
      { header: 'Aantal inwoners', value: (r) => r.client_count },
      { header: 'Inwoners (id)', value: (r) => r.client_ids.join(' ') },
      { header: 'IP-adres', value: (r) => r.ip },
      { header: 'Browser', value: (r) => r.user_agent },
      { header: 'Bron', value: (r) => r.source },
    ],
  };
}
