import type { CheckIn } from './check-ins';
import type { ClientConsent } from './clients';
import type { IsoDate, UserRef } from './refs';
import type { Signaleringsplan, WatchEvent, WatchStatus } from './watches';

/** DESIGN §3: open → accepted → contacted → resolved, or cancelled from any open status. */
export const REACTIVATION_STATUSES = ['open', 'accepted', 'contacted', 'resolved', 'cancelled'] as const;
export type ReactivationStatus = (typeof REACTIVATION_STATUSES)[number];

/** The statuses in which a request is still open: a watch has at most one request in them. */
export const OPEN_REACTIVATION_STATUSES = ['open', 'accepted', 'contacted'] as const;

export const REACTIVATION_RESOLUTIONS = ['back_to_watch', 'support_resumed', 'referred', 'closed'] as const;
export type ReactivationResolution = (typeof REACTIVATION_RESOLUTIONS)[number];

export const REACTIVATION_URGENCIES = ['normal', 'urgent'] as const;
export type ReactivationUrgency = (typeof REACTIVATION_URGENCIES)[number];

/**
 * Where a request (or a reason merged into it) came from: a caseworker, the client's "Ik wil graag contact", the
 * lapse scan, a partner's signal, a coordinator.
 */
export const REACTIVATION_SOURCES = [
  'caseworker',
  'client',
  'lapse',
  'partner_signal',
  'coordinator',
] as const;
export type ReactivationSource = (typeof REACTIVATION_SOURCES)[number];

/** The sources staff can name when they create a request in the console. */
export const STAFF_REACTIVATION_SOURCES = ['caseworker', 'coordinator'] as const;
export type StaffReactivationSource = (typeof STAFF_REACTIVATION_SOURCES)[number];

export const REACTIVATION_REASON_MAX = 1000;
export const REACTIVATION_NOTE_MAX = 1000;

/** The header of a POST that may be retried safely: a retry with the same key gets the first answer. */
export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';
/** Set (`true`) on an answer that is the replay of an earlier one with the same key. */
export const IDEMPOTENT_REPLAYED_HEADER = 'Idempotent-Replayed';
export const IDEMPOTENCY_KEY_MAX = 200;

/** One source and reason merged into a request. */
export interface ReactivationReason {
  id: string;
  source: ReactivationSource;
  urgency: ReactivationUrgency;
  reason: string;
  actor: UserRef | null;
  at: string;
}

/** A reactivation request as lists show it. */
export interface ReactivationRequest {
  id: string;
  watchId: string;
  client: { id: string; name: string; reference: string };
  status: ReactivationStatus;
  resolution: ReactivationResolution | null;
  urgency: ReactivationUrgency;
  /** Null: in the team pool, a coordinator assigns it. */
  assignee: UserRef | null;
  /** Every source merged into the request, first one first. */
  sources: ReactivationSource[];
  createdBy: UserRef | null;
  createdAt: string;
  acceptedAt: string | null;
  contactedAt: string | null;
  resolvedAt: string | null;
  cancelledAt: string | null;
  /** Deadline of the first contact (SLA, in the organisation's working hours). */
  slaDueAt: string;
  /** The first contact was (or is still not) made after the deadline. */
  slaBreached: boolean;
  updatedAt: string;
}

/**
 * One request with everything already agreed, carried over from the watch: no new intake. The assignee reads the
 * consent, agreements, signaleringsplan and recent history here.
 */
export interface ReactivationRequestDetail extends ReactivationRequest {
  reasons: ReactivationReason[];
  resolutionNote: string | null;
  cancelReason: string | null;
  watch: {
    status: WatchStatus;
    primaryCaseworker: UserRef;
    backupCaseworker: UserRef | null;
    agreements: string;
    signaleringsplan: Signaleringsplan;
    startDate: IsoDate;
  };
  consent: ClientConsent;
  /** The watch's timeline, newest first (at most 20). */
  recentEvents: WatchEvent[];
  /** The watch's check-ins, newest first (at most 10). */
  recentCheckIns: CheckIn[];
}

export interface CreateReactivationRequest {
  watchId: string;
  urgency: ReactivationUrgency;
  reason: string;
  /** Default: `caseworker` for a caseworker, `coordinator` for others. A caseworker can only give `caseworker`. */
  source?: StaffReactivationSource;
}

/** The answer of POST /api/reactivations: the request, and whether it joined one that was already open. */
export interface ReactivationCreated {
  request: ReactivationRequest;
  merged: boolean;
}

export interface ResolveReactivationRequest {
  resolution: ReactivationResolution;
  note?: string;
}

export interface CancelReactivationRequest {
  reason: string;
}

export interface AssignReactivationRequest {
  assigneeId: string;
}

/**
 * The order of `GET /api/reactivations`: `created`, newest first (the default); `sla`, the requests still waiting
 * for their first contact (open, accepted) first, most urgent deadline first, then the others newest first.
 */
export const REACTIVATION_LIST_SORTS = ['created', 'sla'] as const;
export type ReactivationListSort = (typeof REACTIVATION_LIST_SORTS)[number];

/** `GET /api/reactivations?status=&urgency=&assigneeId=&pool=true&mine=true&watchId=&sort=&page=&pageSize=`. */
export interface ReactivationListQuery {
  status?: ReactivationStatus;
  urgency?: ReactivationUrgency;
  assigneeId?: string;
  pool?: boolean;
  mine?: boolean;
  watchId?: string;
  /** Default `created`. */
  sort?: ReactivationListSort;
  page?: number;
  pageSize?: number;
}

/** Durations in seconds (wall-clock time); null when no request of the period reached that step. */
export interface ReactivationMetrics {
  from: string;
  to: string;
  requests: number;
  toAccepted: { median: number | null; p90: number | null; count: number };
  toContacted: { median: number | null; p90: number | null; count: number };
  /** Requests per source; a merged request counts for each of its sources. */
  perSource: Record<ReactivationSource, number>;
  slaBreached: number;
}

/** A staff member's absence, both dates included; assignment skips absent caseworkers. */
export interface UserAbsence {
  id: string;
  userId: string;
  startsOn: IsoDate;
  endsOn: IsoDate;
  reason: string | null;
  createdBy: UserRef;
  createdAt: string;
}

export interface CreateUserAbsenceRequest {
  startsOn: IsoDate;
  endsOn: IsoDate;
  reason?: string;
}

export const USER_ABSENCE_REASON_MAX = 200;

/** GET ?… → Page<ReactivationRequest>; POST CreateReactivationRequest (Idempotency-Key) → ReactivationCreated. */
export const REACTIVATIONS_PATH = '/api/reactivations';
/** GET ?from=&to= → ReactivationMetrics (coordinators, admins). */
export const REACTIVATION_METRICS_PATH = '/api/reactivations/metrics';
/** `GET /api/reactivations/{id}` → ReactivationRequestDetail. */
export const reactivationPath = (id: string): string => `/api/reactivations/${id}`;
/** `POST /api/reactivations/{id}/{accept|contacted|resolve|cancel|assign}` → ReactivationRequestDetail. */
export const reactivationActionPath = (
  id: string,
  action: 'accept' | 'contacted' | 'resolve' | 'cancel' | 'assign',
): string => `/api/reactivations/${id}/${action}`;
/** `GET/POST /api/users/{id}/absences` → UserAbsence[] / UserAbsence. */
export const userAbsencesPath = (userId: string): string => `/api/users/${userId}/absences`;
/** `DELETE /api/users/{id}/absences/{absenceId}` → 204. */
export const userAbsencePath = (userId: string, absenceId: string): string =>
  `/api/users/${userId}/absences/${absenceId}`;
