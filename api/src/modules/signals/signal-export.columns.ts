import type { SessionUser } from '../../core/auth/session-user.interface';
import { csvDateTime } from '../../core/http/csv.util';
import type { CsvExportSpec } from '../audit/audited-csv-export.service';
import { SIGNAL_CATEGORY_LABELS } from './signal-labels.util';
import { type SignalListFilter, signalListWhere } from './signal-list-filter.util';
import { SIGNAL_COLUMNS, SIGNAL_FROM, SIGNAL_ORDER, type SignalRow } from './signal-views.service';

/**
 * `GET /api/signals/export.csv`: the staff list with its filters, newest first. No description or triage reason
 * (free text); the partner's subject only as the matched client.
 */
export function signalExport(query: SignalListFilter, session: SessionUser): CsvExportSpec<SignalRow> {
  const where = signalListWhere(session.organisationId, null, query);
  const at = (d: Date | null): string | null => csvDateTime(d, session.timeZone);
  return {
    list: 'signalen',
    resource: 'signals.export',
    filters: query,
    sql: `SELECT ${SIGNAL_COLUMNS} FROM ${SIGNAL_FROM} WHERE ${where.sql} ORDER BY ${SIGNAL_ORDER}`,
    params: where.params,
    clientIdOf: (r) => r.client_id,
    columns: [
      { header: 'Ontvangen op', value: (r) => at(r.received_at) },
      { header: 'Partner', value: (r) => r.partner_name },
      { header: 'Categorie', value: (r) => SIGNAL_CATEGORY_LABELS.nl[r.category] },
      { header: 'Waargenomen op', value: (r) => r.observed_on },
      { header: 'Status', value: (r) => r.status },
      { header: 'Referentie', value: (r) => r.client_ref },
      { header: 'Inwoner', value: (r) => r.client_name },
      { header: 'Triagebesluit', value: (r) => r.triage_decision },
      { header: 'Getrieerd op', value: (r) => at(r.triaged_at) },
      { header: 'Eerste terugkoppeling op', value: (r) => at(r.first_feedback_at) },
      { header: 'Afgehandeld op', value: (r) => at(r.handled_at) },
    ],
  };
}
