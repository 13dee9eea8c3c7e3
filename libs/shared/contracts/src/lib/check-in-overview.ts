import type { CheckIn } from './check-ins';
import type { CheckInTimeliness } from './dashboard';

/** A row of the check-in overview (`GET /api/check-ins/overview`): the check-in and how it turned out. */
export interface CheckInOverviewItem extends CheckIn {
  timeliness: CheckInTimeliness;
}

/** `GET ?…CheckInListDrillDown` → text/csv: the check-in overview with its filters (audited). */
export const CHECK_IN_OVERVIEW_EXPORT_PATH = '/api/check-ins/overview/export.csv';
