import type { IsoDate, UserRef } from './refs';

export const WATCH_STATUSES = ['active', 'paused', 'lapsed', 'reactivated', 'ended'] as const;
export type WatchStatus = (typeof WATCH_STATUSES)[number];

export const CONTACT_MODES = ['phone', 'visit', 'message', 'self'] as const;
export type ContactMode = (typeof CONTACT_MODES)[number];

/** Why a watch ended (fixed list). */
export const WATCH_END_REASONS = [
  'support_no_longer_needed',
  'moved_away',
  'client_declined',
  'transferred',
  'deceased',
  'other',
] as const;
export type WatchEndReason = (typeof WATCH_END_REASONS)[number];

/** Explicit lifecycle actions: `POST /api/watches/{id}/{action}`. */
export const WATCH_ACTIONS = ['pause', 'resume', 'end', 'reopen'] as const;
export type WatchAction = (typeof WATCH_ACTIONS)[number];

export const WATCH_EVENT_TYPES = [
  'created',
  'paused',
  'resumed',
  'lapsed',
  'reactivated',
  'stepped_down',
  'ended',
  'reopened',
  'caseworkers_changed',
  'cadence_changed',
  'check_in_completed',
  'check_in_missed',
  'updated',
] as const;
export type WatchEventType = (typeof WATCH_EVENT_TYPES)[number];

export const CADENCE_LIMITS = { minDays: 7, maxDays: 90 } as const;

export interface Cadence {
  intervalDays: number;
  minIntervalDays: number;
  maxIntervalDays: number;
}

/** One phase of the signaleringsplan: the early-warning signs and the agreed actions. */
export interface SignaleringsplanPhase {
  signs: string;
  actions: string;
}

export interface Signaleringsplan {
  green: SignaleringsplanPhase;
  orange: SignaleringsplanPhase;
  red: SignaleringsplanPhase;
}

export interface Watch {
  id: string;
  client: { id: string; name: string; reference: string };
  status: WatchStatus;
  primaryCaseworker: UserRef;
  backupCaseworker: UserRef | null;
  cadence: Cadence;
  contactMode: ContactMode;
  agreements: string;
  signaleringsplan: Signaleringsplan;
  startDate: IsoDate;
  reviewDate: IsoDate;
  /** Consecutive missed / not-reached check-ins that lapse the watch. */
  lapseThreshold: number;
  /** Working days before the due date that the client gets a pre-notice (with consent); 0: none. */
  preNoticeWorkingDays: number;
  /** Working days after the due date before a check-in counts as missed. */
  gracePeriodDays: number;
  /** Months after ending during which the watch can be reopened without intake. */
  reopenPeriodMonths: number;
  endedAt: string | null;
  endReason: WatchEndReason | null;
  nextCheckIn: { id: string; dueDate: IsoDate } | null;
  createdAt: string;
}

export interface CreateWatchRequest {
  clientId: string;
  primaryCaseworkerId: string;
  backupCaseworkerId?: string | null;
  intervalDays: number;
  minIntervalDays?: number;
  maxIntervalDays?: number;
  contactMode: ContactMode;
  agreements?: string;
  signaleringsplan?: Signaleringsplan;
  startDate: IsoDate;
  /** Default: start date + 12 months. */
  reviewDate?: IsoDate;
  lapseThreshold?: number;
  preNoticeWorkingDays?: number;
  gracePeriodDays?: number;
  reopenPeriodMonths?: number;
}

export type UpdateWatchRequest = Partial<Omit<CreateWatchRequest, 'clientId' | 'startDate'>>;

export interface WatchTransitionRequest {
  /** Required for `end` (one of WATCH_END_REASONS); free text for the other actions. */
  reason?: string;
  note?: string;
}

/** One line on the client's timeline. */
export interface WatchEvent {
  id: string;
  watchId: string;
  type: WatchEventType;
  at: string;
  actor: UserRef | null;
  reason: string | null;
  details: Record<string, unknown>;
}
