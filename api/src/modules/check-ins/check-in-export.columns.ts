import type { CheckInListDrillDown } from '@waakvlam/contracts';
import type { SessionUser } from '../../core/auth/session-user.interface';
import { TenantScope } from '../../core/database/tenant-scope.model';
import { csvDateTime } from '../../core/http/csv.util';
import type { CsvExportSpec } from '../audit/audited-csv-export.service';
import { checkInOverviewWhere } from './check-in-overview-filter.util';
import {
  CHECK_IN_OVERVIEW_ORDER,
  CHECK_IN_OVERVIEW_SELECT,
  type CheckInOverviewRow,
} from './check-in-overview.service';

/** `GET /api/check-ins/overview/export.csv`: the overview with its filters, newest due first; no notes. */
export function checkInExport(
  query: CheckInListDrillDown,
  session: SessionUser,
): CsvExportSpec<CheckInOverviewRow> {
  const where = checkInOverviewWhere(TenantScope.fromSession(session), query);
  return {
    list: 'contactmomenten',
    resource: 'check-ins.export',
    filters: query,
    sql: `${CHECK_IN_OVERVIEW_SELECT} WHERE ${where.sql} ORDER BY ${CHECK_IN_OVERVIEW_ORDER}`,
    params: where.params,
    clientIdOf: (r) => r.client_id,
    columns: [
      { header: 'Datum gepland', value: (r) => r.due_date },
      { header: 'Referentie', value: (r) => r.client_reference },
      { header: 'Inwoner', value: (r) => r.client_name },
      { header: 'Begeleider', value: (r) => r.caseworker_name },
      { header: 'Status', value: (r) => r.status },
      { header: 'Tijdigheid', value: (r) => r.timeliness },
      { header: 'Uitkomst', value: (r) => r.outcome },
      { header: 'Kanaal', value: (r) => r.channel },
      { header: 'Vastgelegd op', value: (r) => csvDateTime(r.completed_at, session.timeZone) },
      { header: 'Vastgelegd door', value: (r) => r.completed_by_name },
    ],
  };
}
