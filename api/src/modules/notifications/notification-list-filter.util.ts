import type { NotificationStatus } from '@waakvlam/contracts';
import { SqlWhere } from '../../core/database/sql-where.util';
import type { TenantScope } from '../../core/database/tenant-scope.model';

/** The outbox list's WHERE on `notifications n`, shared by the page, its count and the export. */
export function notificationListWhere(scope: TenantScope, query: { status?: NotificationStatus }): SqlWhere {
  return new SqlWhere()
    .andIf(scope.organisationId, (p) => `n.organisation_id = ${p}`)
    .andIf(query.status, (p) => `n.status = ${p}`);
}

/** Newest first. */
export const NOTIFICATION_ORDER = 'n.created_at DESC, n.id DESC';
