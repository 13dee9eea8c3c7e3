import type { ReactivationSource } from './reactivations';
import type { IsoDate } from './refs';
import type { SignalCategory } from './signals';
import type { WatchStatus } from './watches';

/**
 * How a check-in due in a period turned out: `on_time` (recorded on or before its due date), `late` (recorded after
 * the due date), `missed` (its grace period passed without a record) or `open` (still planned).
 */
export const CHECK_IN_TIMELINESS = ['on_time', 'late', 'missed', 'open'] as const;
export type CheckInTimeliness = (typeof CHECK_IN_TIMELINESS)[number];

/**
 * The dashboard's filters (`GET /api/dashboard?from&to&caseworkerId&neighbourhood`). The period is a range of the
 * organisation's calendar days, both included (default: the last 12 weeks up to today). The "team" is the
 * organisation; `caseworkerId` narrows to one caseworker's watches (primary), `neighbourhood` to one wijk.
 */
export interface DashboardQuery {
  from?: IsoDate;
  to?: IsoDate;
  caseworkerId?: string;
  /** A wijk as recorded on the clients; the empty string asks for clients without one. */
  neighbourhood?: string;
}

/** A count with its share (0–100, one decimal) of the group it belongs to; share is null when the group is empty. */
export interface DashboardShare {
  count: number;
  percent: number | null;
}

/** Check-ins whose due date lies in the period, by how they turned out; shares are of the closed ones. */
export interface DashboardCheckIns {
  due: number;
  onTime: DashboardShare;
  late: DashboardShare;
  missed: DashboardShare;
  open: number;
}

export interface DashboardReactivations {
  /** Requests opened in the period. */
  requests: number;
  /** Per source; a merged request counts for each of its sources. */
  bySource: Record<ReactivationSource, number>;
  /** Seconds, wall-clock; null when no request of the period got that far. */
  medianSecondsToAccepted: number | null;
  medianSecondsToContacted: number | null;
  /** First contact after the SLA deadline, or still none past it. */
  slaBreached: number;
  /** Resolved `back_to_watch` or `support_resumed`: support restarted without a new intake. */
  withoutIntake: number;
}

export interface DashboardPartnerSignals {
  partnerOrganisationId: string;
  partnerName: string;
  received: number;
  /** Seconds from receipt to the first feedback the partner got; null when none got feedback yet. */
  medianSecondsToFeedback: number | null;
  awaitingFeedback: number;
}

/** Signals received in the period ("meldingsmoeheid": do partners hear back, and how fast). */
export interface DashboardSignals {
  received: number;
  byCategory: Record<SignalCategory, number>;
  byPartner: DashboardPartnerSignals[];
  medianSecondsToFeedback: number | null;
  awaitingFeedback: number;
}

/** One week (Monday to Sunday, organisation time) of the trend. */
export interface DashboardWeek {
  weekStart: IsoDate;
  checkInsOnTime: number;
  checkInsLate: number;
  checkInsMissed: number;
  lapses: number;
  reactivations: number;
  signals: number;
}

/** One caseworker's share of the figures (watches where she is primary caseworker). */
export interface DashboardCaseworker {
  caseworkerId: string;
  name: string;
  /** Open watches now (active, paused, lapsed, reactivated). */
  watches: number;
  checkInsOnTime: number;
  checkInsLate: number;
  checkInsMissed: number;
  reactivations: number;
}

/** `GET /api/dashboard` (coordinators, admins). */
export interface Dashboard {
  from: IsoDate;
  to: IsoDate;
  caseworkerId: string | null;
  neighbourhood: string | null;
  /** Watches by status now (the period does not apply: a status is a state, not an event). */
  watches: Record<WatchStatus, number>;
  checkIns: DashboardCheckIns;
  /** Watches that lapsed in the period. */
  lapses: number;
  reactivations: DashboardReactivations;
  signals: DashboardSignals;
  weeks: DashboardWeek[];
  caseworkers: DashboardCaseworker[];
  /** Every wijk recorded on the organisation's clients, by name (the choices of the wijk filter). */
  neighbourhoodOptions: string[];
}

/** One wijk's figures (`GET /api/dashboard/neighbourhoods`); `neighbourhood` null: clients without a wijk. */
export interface DashboardNeighbourhood {
  neighbourhood: string | null;
  watches: Record<WatchStatus, number>;
  checkIns: DashboardCheckIns;
  lapses: number;
  reactivations: number;
  withoutIntake: number;
  signals: number;
}

export interface DashboardNeighbourhoods {
  from: IsoDate;
  to: IsoDate;
  items: DashboardNeighbourhood[];
}

/** `GET ?from&to&caseworkerId&neighbourhood` → Dashboard. */
export const DASHBOARD_PATH = '/api/dashboard';
/** `GET ?from&to` → DashboardNeighbourhoods. */
export const DASHBOARD_NEIGHBOURHOODS_PATH = '/api/dashboard/neighbourhoods';
/** `GET ?from&to&caseworkerId&neighbourhood` → text/csv: every figure of the dashboard, one row each (audited). */
export const DASHBOARD_EXPORT_PATH = '/api/dashboard/export.csv';

/**
 * The drill-down filters: every dashboard figure links to the console list behind it with these query parameters,
 * and the list API accepts the same names. Dates are organisation calendar days, both included.
 */
export interface WatchListDrillDown {
  status?: WatchStatus;
  /** Watches where she is primary or backup caseworker (with caseworkerRole: only that role). */
  caseworkerId?: string;
  caseworkerRole?: 'primary' | 'backup';
  /** True: only watches that have not ended (active, paused, lapsed, reactivated). */
  open?: boolean;
  neighbourhood?: string;
  /** Watches that lapsed (had a `lapsed` event) between lapsedFrom and lapsedTo. */
  lapsedFrom?: IsoDate;
  lapsedTo?: IsoDate;
}

/** `GET /api/check-ins/overview?…` → Page<CheckIn> (coordinators): check-ins due in a period. */
export interface CheckInListDrillDown {
  dueFrom?: IsoDate;
  dueTo?: IsoDate;
  timeliness?: CheckInTimeliness;
  caseworkerId?: string;
  neighbourhood?: string;
}

export interface ReactivationListDrillDown {
  /** Opened in this range. */
  createdFrom?: IsoDate;
  createdTo?: IsoDate;
  source?: ReactivationSource;
  slaBreached?: boolean;
  /** Resolved back_to_watch or support_resumed. */
  withoutIntake?: boolean;
  caseworkerId?: string;
  neighbourhood?: string;
}

export interface SignalListDrillDown {
  /** Received in this range. */
  receivedFrom?: IsoDate;
  receivedTo?: IsoDate;
  category?: SignalCategory;
  partnerOrganisationId?: string;
  /** True: still without any feedback to the partner. */
  awaitingFeedback?: boolean;
  /** Staff only: signals linked to a watch of this (primary) caseworker. */
  caseworkerId?: string;
  /** Staff only: signals about a client of this wijk; '' : no wijk known, or no client matched. */
  neighbourhood?: string;
}

/** The console routes the dashboard links to (with the drill-down filters above as query parameters). */
export const DRILL_DOWN_ROUTES = {
  watches: '/waakvlammen',
  checkIns: '/contactmomenten',
  reactivations: '/heractiveringen',
  signals: '/signalen',
} as const;
/** `GET ?…drill-down filters` → Page<CheckIn>. */
export const CHECK_IN_OVERVIEW_PATH = '/api/check-ins/overview';
