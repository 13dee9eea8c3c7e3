import type { SessionUser } from '../../core/auth/session-user.interface';
import { csvDateTime } from '../../core/http/csv.util';
import type { CsvExportSpec } from '../audit/audited-csv-export.service';
import { type WatchListFilter, watchListWhere } from './watch-list-filter.util';
import { WATCH_SELECT, type WatchRow } from './watch-row.util';
import type { WatchReader } from './watches.service';

/**
 * `GET /api/watches/export.csv`: the watch list with its filters, newest first, one line per watch. No agreements
 * or signaleringsplan: the export carries what the list shows.
 */
export function watchExport(
  reader: WatchReader,
  query: WatchListFilter,
  session: SessionUser,
): CsvExportSpec<WatchRow> {
  const where = watchListWhere(reader, query, session.userId);
  return {
    list: 'waakvlammen',
    resource: 'watches.export',
    filters: query,
    sql: `${WATCH_SELECT} WHERE ${where.sql} ORDER BY w.created_at DESC, w.id DESC`,
    params: where.params,
    clientIdOf: (r) => r.client_id,
    columns: [
      { header: 'Referentie', value: (r) => r.client_reference },
      { header: 'Inwoner', value: (r) => r.client_name },
      { header: 'Status', value: (r) => r.status },
      { header: 'Begeleider', value: (r) => r.primary_name },
      { header: 'Back-up', value: (r) => r.backup_name },
      { header: 'Volgend contactmoment', value: (r) => r.next_due },
      { header: 'Interval (dagen)', value: (r) => r.interval_days },
      { header: 'Contactvorm', value: (r) => r.contact_mode },
      { header: 'Startdatum', value: (r) => r.start_date },
      { header: 'Evaluatiedatum', value: (r) => r.review_date },
      { header: 'Beëindigd op', value: (r) => csvDateTime(r.ended_at, session.timeZone) },
      { header: 'Aangemaakt op', value: (r) => csvDateTime(r.created_at, session.timeZone) },
    ],
  };
}
