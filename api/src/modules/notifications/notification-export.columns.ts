import type { NotificationStatus } from '@waakvlam/contracts';
import type { SessionUser } from '../../core/auth/session-user.interface';
import { TenantScope } from '../../core/database/tenant-scope.model';
import { csvDateTime } from '../../core/http/csv.util';
import type { CsvExportSpec } from '../audit/audited-csv-export.service';
import { NOTIFICATION_ORDER, notificationListWhere } from './notification-list-filter.util';
import { NOTIFICATION_SUMMARY_COLUMNS, type NotificationRow } from './notification-row.util';

/**
 * `GET /api/notifications/export.csv?status`: the outbox as the list shows it (no message bodies). Messages name no
 * client, so the audit event lists none.
 */
export function notificationExport(
  query: { status?: NotificationStatus },
  session: SessionUser,
): CsvExportSpec<NotificationRow> {
  const where = notificationListWhere(TenantScope.fromSession(session), query);
  const at = (d: Date | null): string | null => csvDateTime(d, session.timeZone);
  return {
    list: 'e-mails',
    resource: 'notifications.export',
    filters: query,
    sql: `SELECT ${NOTIFICATION_SUMMARY_COLUMNS} FROM notifications n WHERE ${where.sql} ORDER BY ${NOTIFICATION_ORDER}`,
    params: where.params,
    clientIdOf: () => null,
    columns: [
      { header: 'Aangemaakt op', value: (r) => at(r.created_at) },
      { header: 'Ontvanger', value: (r) => r.recipient },
      { header: 'Onderwerp', value: (r) => r.subject },
      { header: 'Status', value: (r) => r.status },
      { header: 'Pogingen', value: (r) => r.attempts },
      { header: 'Laatste fout', value: (r) => r.last_error },
      { header: 'Verzonden op', value: (r) => at(r.sent_at) },
    ],
  };
}
