import type { SessionUser } from '../../core/auth/session-user.interface';
import { csvDateTime } from '../../core/http/csv.util';
import type { CsvExportSpec } from '../audit/audited-csv-export.service';
import { type ReactivationListFilter, reactivationListWhere } from './reactivation-list-filter.util';
import { REACTIVATION_ORDER_BY, type ReactivationReader } from './reactivation-queries.service';
import { REACTIVATION_SELECT, type ReactivationRow } from './reactivation-row.util';

/**
 * `GET /api/reactivations/export.csv`: the list with its filters and order, one line per request. No reasons,
 * resolution notes or cancel reasons (free text).
 */
export function reactivationExport(
  reader: ReactivationReader,
  query: ReactivationListFilter & { sort?: keyof typeof REACTIVATION_ORDER_BY },
  session: SessionUser,
  now = new Date(),
): CsvExportSpec<ReactivationRow> {
  const where = reactivationListWhere(reader, query, now);
  const at = (d: Date | null): string | null => csvDateTime(d, session.timeZone);
  return {
    list: 'heractiveringen',
    resource: 'reactivations.export',
    filters: query,
    sql: `${REACTIVATION_SELECT} WHERE ${where.sql} ORDER BY ${REACTIVATION_ORDER_BY[query.sort ?? 'created']}`,
    params: where.params,
    clientIdOf: (r) => r.client_id,
    columns: [
      { header: 'Aangevraagd op', value: (r) => at(r.created_at) },
      { header: 'Referentie', value: (r) => r.client_reference },
      { header: 'Inwoner', value: (r) => r.client_name },
      { header: 'Status', value: (r) => r.status },
      { header: 'Urgentie', value: (r) => r.urgency },
      { header: 'Bronnen', value: (r) => r.sources.join(', ') },
      { header: 'Toegewezen aan', value: (r) => r.assignee_name },
      { header: 'SLA-deadline', value: (r) => at(r.sla_due_at) },
      { header: 'Geaccepteerd op', value: (r) => at(r.accepted_at) },
      { header: 'Eerste contact op', value: (r) => at(r.contacted_at) },
      {
        header: 'SLA overschreden',
        value: (r) =>
          r.contacted_at
            ? r.contacted_at > r.sla_due_at
            : ['open', 'accepted'].includes(r.status) && r.sla_due_at < now,
      },
      { header: 'Afgerond op', value: (r) => at(r.resolved_at) },
      { header: 'Afronding', value: (r) => r.resolution },
    ],
  };
}
