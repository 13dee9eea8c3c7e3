import type { IsoDate, UserRef } from './refs';
import type { WatchStatus } from './watches';

/** `GET` → CaseloadBalance (coordinators, admins): per active caseworker of the organisation. */
export const CASELOAD_BALANCE_PATH = '/api/caseload-balance';
/** `POST` ReassignWatchesRequest → ReassignWatchesResult (coordinators, admins). */
export const REASSIGN_WATCHES_PATH = '/api/watches/reassign';

/** Watch statuses that count as open on a caseload (everything but `ended`). */
export const OPEN_WATCH_STATUSES = [
  'active',
  'paused',
  'lapsed',
  'reactivated',
] as const satisfies readonly WatchStatus[];

/** An absence as the caseload shows it: both days included. */
export interface CaseloadAbsence {
  startsOn: IsoDate;
  endsOn: IsoDate;
}

/** One active caseworker's figures. */
export interface CaseloadRow {
  caseworker: UserRef;
  /** Open watches (active, paused, lapsed, reactivated) where she is the primary caseworker. */
  primaryWatches: number;
  /** Open watches where she is the backup caseworker. */
  backupWatches: number;
  /**
   * Her planned check-ins due this week (Monday–Sunday of the organisation's calendar); those due earlier this week
   * are also counted in `overdue`.
   */
  dueThisWeek: number;
  /** Her planned check-ins due before today. */
  overdue: number;
  /** Reactivation requests assigned to her that are open, accepted or contacted. */
  openReactivations: number;
  /** At most this many open reactivation requests at once; null: no limit. */
  reactivationCapacity: number | null;
  /** She has an absence covering today. */
  absentToday: boolean;
  /** The absence covering today, else the next one to start; null when none. */
  absence: CaseloadAbsence | null;
}

export interface CaseloadBalance {
  /** The organisation's today. */
  today: IsoDate;
  /** Monday and Sunday of the week that `dueThisWeek` counts. */
  weekStartsOn: IsoDate;
  weekEndsOn: IsoDate;
  /** By display name. */
  caseworkers: CaseloadRow[];
}

export const REASSIGN_ROLES = ['primary', 'backup'] as const;
export type ReassignRole = (typeof REASSIGN_ROLES)[number];

/** At most this many watches per reassignment. */
export const REASSIGN_MAX_WATCHES = 500;
export const REASSIGN_REASON_MAX = 1000;

/** `POST /api/watches/reassign`. */
export interface ReassignWatchesRequest {
  /** 1–500 distinct watch ids. Unknown ids and another organisation's are skipped as `not_found`. */
  watchIds: string[];
  /** An active caseworker of the organisation. */
  toCaseworkerId: string;
  /** Which caseworker of each watch she becomes. */
  role: ReassignRole;
  /** Written on each watch's timeline event. */
  reason?: string;
  /** True: answer what would change and change nothing. */
  preview?: boolean;
}

/**
 * Why a watch is left as it is:
 * - `not_found`: no such watch in your organisation;
 * - `ended`: the watch has ended;
 * - `already_assigned`: she already has this role on the watch;
 * - `is_other_caseworker`: she is the watch's other caseworker (backup when `role` is primary, primary when backup);
 *   change the watch itself to swap them.
 */
export const REASSIGN_SKIP_REASONS = [
  'not_found',
  'ended',
  'already_assigned',
  'is_other_caseworker',
] as const;
export type ReassignSkipReason = (typeof REASSIGN_SKIP_REASONS)[number];

export interface ReassignChange {
  watchId: string;
  clientReference: string;
  /** The caseworker who had the role; null when the watch had no backup. */
  from: UserRef | null;
  to: UserRef;
}

export interface ReassignSkip {
  watchId: string;
  reason: ReassignSkipReason;
}

export interface ReassignWatchesResult {
  /** Echoes the request: true when nothing was changed. */
  preview: boolean;
  role: ReassignRole;
  changes: ReassignChange[];
  skipped: ReassignSkip[];
}
