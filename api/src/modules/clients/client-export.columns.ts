import type { SessionUser } from '../../core/auth/session-user.interface';
import { TenantScope } from '../../core/database/tenant-scope.model';
import type { CsvExportSpec } from '../audit/audited-csv-export.service';
import { clientListWhere } from './client-list-filter.util';
import { CLIENT_SUMMARY_COLUMNS, type ClientSummaryRow } from './client-row.util';

/** `GET /api/clients/export.csv?q`: the client list with its search, by name; no contact details or birth dates. */
export function clientExport(query: { q?: string }, session: SessionUser): CsvExportSpec<ClientSummaryRow> {
  const where = clientListWhere({ scope: TenantScope.fromSession(session), caseworkerId: null }, query);
  return {
    list: 'inwoners',
    resource: 'clients.export',
    filters: query,
    sql: `SELECT ${CLIENT_SUMMARY_COLUMNS} FROM clients c
          LEFT JOIN watches ow ON ow.client_id = c.id AND ow.status <> 'ended'
          WHERE ${where.sql} ORDER BY c.name, c.id`,
    params: where.params,
    clientIdOf: (r) => r.id,
    columns: [
      { header: 'Referentie', value: (r) => r.reference },
      { header: 'Naam', value: (r) => r.name },
      { header: 'Postcode', value: (r) => r.postcode },
      { header: 'Huisnummer', value: (r) => r.house_number },
      { header: 'Wijk', value: (r) => r.neighbourhood },
      { header: 'Waakvlam', value: (r) => r.open_watch_status ?? 'geen' },
    ],
  };
}
