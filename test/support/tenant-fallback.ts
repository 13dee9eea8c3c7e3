import { TenantContext } from '../../api/src/core/database/tenant-context.store';

// Specs call services and factories directly, outside any request or job: there they act across organisations.
// Requests to the app under test still carry exactly their session's organisation (row-level security holds).
TenantContext.setFallback({ kind: 'system', reason: 'test harness' });
