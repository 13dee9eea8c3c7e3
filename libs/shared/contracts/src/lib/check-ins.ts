import type { IsoDate, UserRef } from './refs';
import type { ContactMode } from './watches';

export const CHECK_IN_STATUSES = ['planned', 'done', 'missed', 'cancelled'] as const;
export type CheckInStatus = (typeof CHECK_IN_STATUSES)[number];

export const CHECK_IN_OUTCOMES = ['well', 'concern', 'needs_support', 'not_reached', 'declined'] as const;
export type CheckInOutcome = (typeof CHECK_IN_OUTCOMES)[number];

export const CHECK_IN_NOTE_MAX = 500;

export interface CheckIn {
  id: string;
  watchId: string;
  client: { id: string; name: string; reference: string };
  caseworker: UserRef;
  /**
   * The primary caseworker this check-in was handed over from because she is absent on its due date (it goes back
   * when the absence is removed); null when not handed over.
   */
  handedOverFrom: UserRef | null;
  /** The watch's preferred contact mode: the channel the check-in dialog starts with. */
  contactMode: ContactMode;
  dueDate: IsoDate;
  /** Last working day of the grace period; after it a planned check-in becomes missed. */
  graceEndsOn: IsoDate;
  status: CheckInStatus;
  outcome: CheckInOutcome | null;
  channel: ContactMode | null;
  note: string | null;
  completedAt: string | null;
  completedBy: UserRef | null;
}

export interface CompleteCheckInRequest {
  outcome: CheckInOutcome;
  channel: ContactMode;
  note?: string;
}

/** `GET /api/check-ins?view=…` for the signed-in caseworker. */
export const CASEWORKER_VIEWS = ['today', 'overdue', 'week', 'caseload'] as const;
export type CaseworkerView = (typeof CASEWORKER_VIEWS)[number];
