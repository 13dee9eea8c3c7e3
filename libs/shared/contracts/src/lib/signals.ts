import type { WatchStatusRef } from './clients';
import type { IsoDate, UserRef } from './refs';
import type { PartnerKind } from './roles';

/** What a partner is worried about. */
export const SIGNAL_CATEGORIES = [
  'rent_arrears',
  'nuisance',
  'neglect',
  'confused_behaviour',
  'isolation',
  'safety',
  'other',
] as const;
export type SignalCategory = (typeof SIGNAL_CATEGORIES)[number];

/** `received` → `triaged` → `handled`. */
export const SIGNAL_STATUSES = ['received', 'triaged', 'handled'] as const;
export type SignalStatus = (typeof SIGNAL_STATUSES)[number];

/** What a coordinator asks for when triaging (`POST /api/signals/{id}/triage`). */
export const SIGNAL_TRIAGE_ACTIONS = ['link', 'forward', 'no_action'] as const;
export type SignalTriageAction = (typeof SIGNAL_TRIAGE_ACTIONS)[number];

/** The triage decision as recorded: linked to a watch (opens or joins a reactivation), forwarded, or no action. */
export const SIGNAL_TRIAGE_DECISIONS = ['linked', 'forwarded', 'no_action'] as const;
export type SignalTriageDecision = (typeof SIGNAL_TRIAGE_DECISIONS)[number];

export const SIGNAL_URGENCIES = ['normal', 'urgent'] as const;
export type SignalUrgency = (typeof SIGNAL_URGENCIES)[number];

export const MAX_SIGNAL_DESCRIPTION_LENGTH = 2000;
export const MAX_SIGNAL_FEEDBACK_LENGTH = 2000;
export const MAX_SIGNAL_REASON_LENGTH = 1000;

/**
 * The header a partner system sends its API key in (`X-Api-Key: <key>`); `Authorization: Bearer <key>` works too.
 * Only the signals endpoints accept API keys.
 */
export const PARTNER_API_KEY_HEADER = 'X-Api-Key';

/** An address as a partner reports it. */
export interface SignalAddress {
  /** Stored and shown as `1234AB`. */
  postcode: string;
  /** The number only, e.g. `12`. */
  houseNumber: string;
  /** Letter or addition, e.g. `a` or `2hg`; null when none. */
  houseNumberAddition: string | null;
}

/**
 * `POST /api/signals` by a partner user or a partner system: about a client, by the client reference the
 * partner was given (`clientReference`), or about an address — exactly one of the two. The answer is the same
 * whether or not the reference is known and shared with the partner.
 */
export interface CreateSignalRequest {
  clientReference?: string;
  address?: { postcode: string; houseNumber: string; houseNumberAddition?: string | null };
  category: SignalCategory;
  description: string;
  /** The day the partner saw it; not in the future. */
  observedOn: IsoDate;
}

/** Feedback as the partner sees it: written for the partner, never with care details. */
export interface PartnerSignalFeedback {
  /** The status the signal reached with this feedback. */
  status: SignalStatus;
  text: string;
  createdAt: string;
}

/**
 * A signal as its partner organisation sees it (`GET /api/signals` and `/api/signals/{id}` as a partner):
 * what the partner reported, its status and the feedback written for the partner. Nothing else.
 */
export interface PartnerSignal {
  id: string;
  category: SignalCategory;
  observedOn: IsoDate;
  description: string;
  /** The client reference the partner gave, or null for an address signal. */
  clientReference: string | null;
  /** The address the partner gave, or null for a signal about a client reference. */
  address: SignalAddress | null;
  status: SignalStatus;
  receivedAt: string;
  updatedAt: string;
  feedback: PartnerSignalFeedback[];
}

/** Feedback as coordinators see it: also who wrote it. */
export interface SignalFeedback extends PartnerSignalFeedback {
  id: string;
  createdBy: UserRef;
}

/** The full, internal view of a signal (coordinators and admins). */
export interface Signal {
  id: string;
  category: SignalCategory;
  observedOn: IsoDate;
  description: string;
  partnerOrganisation: { id: string; name: string; kind: PartnerKind };
  /** The partner user who filed it; null when a partner system filed it with an API key. */
  reportedBy: UserRef | null;
  /** The API key it was filed with; null when a partner user filed it. */
  reportedVia: { id: string; name: string } | null;
  clientReference: string | null;
  address: SignalAddress | null;
  /**
   * The client: found by the partner's reference (only when the client consented to sharing with this partner)
   * or chosen at triage. Null when not (yet) known: an address, or a reference that is unknown or not shared.
   */
  client: {
    id: string;
    reference: string;
    name: string;
    /** The client's watch that has not ended (a client has at most one), to link at triage; null when none. */
    openWatch: { id: string; status: WatchStatusRef } | null;
  } | null;
  status: SignalStatus;
  triage: {
    decision: SignalTriageDecision;
    /** Internal: never shown to the partner. */
    reason: string;
    watchId: string | null;
    reactivationRequestId: string | null;
    triagedBy: UserRef;
  } | null;
  receivedAt: string;
  triagedAt: string | null;
  handledAt: string | null;
  firstFeedbackAt: string | null;
  updatedAt: string;
  feedback: SignalFeedback[];
}

/** `POST /api/signals/{id}/triage` (coordinators): only a `received` signal (409 otherwise). */
export interface TriageSignalRequest {
  decision: SignalTriageAction;
  /** Why; internal. */
  reason: string;
  /** Required for `link`: the watch whose reactivation the signal opens or joins. */
  watchId?: string;
  /** For `link`: the reactivation's urgency (default `urgent` for `safety`, else `normal`). */
  urgency?: SignalUrgency;
  /** The text for the partner; a standard text for the decision when left out. */
  feedback?: string;
}

/** `POST /api/signals/{id}/handle` (coordinators): only a `triaged` signal (409 otherwise). */
export interface HandleSignalRequest {
  /** The text for the partner; a standard text when left out. */
  feedback?: string;
}

/** A client at the address of an address signal (`GET /api/signals/{id}/candidates`), for a coordinator to link. */
export interface SignalCandidate {
  clientId: string;
  reference: string;
  name: string;
  postcode: string;
  houseNumber: string;
  /** True when the house number and addition match exactly; else the number matches but the addition differs. */
  exactMatch: boolean;
  openWatch: { id: string; status: 'active' | 'paused' | 'lapsed' | 'reactivated' } | null;
}

/** `GET /api/signals/metrics?from&to` (coordinators): signals received in [from, to] (organisation dates). */
export interface SignalMetrics {
  from: IsoDate;
  to: IsoDate;
  received: number;
  /** Of those, the ones that got feedback, and the time from receipt to the first feedback. */
  firstFeedback: { count: number; medianSeconds: number | null; p90Seconds: number | null };
  /** Still without any feedback. */
  awaitingFeedback: number;
  byCategory: Record<SignalCategory, number>;
  byStatus: Record<SignalStatus, number>;
}

/** The reference under which a partner knows a client (`GET /api/clients/{id}/partner-references`). */
export interface ClientPartnerReference {
  partnerOrganisation: { id: string; name: string; kind: PartnerKind };
  /** Give this to the partner; it is unique per partner and means nothing to anyone else. */
  reference: string;
}

/** A partner organisation's API key, without its secret. */
export interface PartnerApiKey {
  id: string;
  name: string;
  /** The first characters of the key, to recognise it. */
  prefix: string;
  /** Where feedback on signals filed with this key is e-mailed; null: no e-mail (the partner system polls). */
  feedbackEmail: string | null;
  createdBy: UserRef;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** `POST /api/partner-organisations/{id}/api-keys` (admins). */
export interface CreatePartnerApiKeyRequest {
  name: string;
  feedbackEmail?: string | null;
}

/** The answer to creating a key: the only time the secret is shown. */
export interface CreatedPartnerApiKey extends PartnerApiKey {
  key: string;
}

/** `GET ?status=&category=&page=&pageSize=` → Page<Signal> (staff) or Page<PartnerSignal> (partner); `POST` → PartnerSignal. */
export const SIGNALS_PATH = '/api/signals';
/** `GET ?from=&to=` → SignalMetrics. */
export const SIGNAL_METRICS_PATH = '/api/signals/metrics';
/** `GET /api/signals/{id}` → Signal (staff) or PartnerSignal (its partner); 404 for anyone else. */
export const signalPath = (id: string): string => `/api/signals/${id}`;
export const signalActionPath = (id: string, action: 'triage' | 'handle' | 'candidates'): string =>
  `/api/signals/${id}/${action}`;
/** `GET` → ClientPartnerReference[] for the partners the client consented to share with. */
export const clientPartnerReferencesPath = (clientId: string): string =>
  `/api/clients/${clientId}/partner-references`;
/** `GET` → PartnerApiKey[]; `POST` CreatePartnerApiKeyRequest → CreatedPartnerApiKey. */
export const partnerApiKeysPath = (partnerOrganisationId: string): string =>
  `/api/partner-organisations/${partnerOrganisationId}/api-keys`;
/** `DELETE` → 204: revokes the key (it answers 401 from then on). */
export const partnerApiKeyPath = (partnerOrganisationId: string, keyId: string): string =>
  `/api/partner-organisations/${partnerOrganisationId}/api-keys/${keyId}`;
