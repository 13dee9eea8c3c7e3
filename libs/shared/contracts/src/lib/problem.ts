/** Base of every problem `type` URI. The slug after it is stable and part of the contract. */
export const PROBLEM_TYPE_BASE = 'https://waakvlam.nl/problems/';

export const PROBLEM_TYPES = {
  validation: `${PROBLEM_TYPE_BASE}validation`,
  badRequest: `${PROBLEM_TYPE_BASE}bad-request`,
  unauthenticated: `${PROBLEM_TYPE_BASE}unauthenticated`,
  invalidCredentials: `${PROBLEM_TYPE_BASE}invalid-credentials`,
  forbidden: `${PROBLEM_TYPE_BASE}forbidden`,
  csrf: `${PROBLEM_TYPE_BASE}csrf`,
  notFound: `${PROBLEM_TYPE_BASE}not-found`,
  conflict: `${PROBLEM_TYPE_BASE}conflict`,
  /** 422: an Idempotency-Key that was used before with another request. */
  idempotencyKeyMismatch: `${PROBLEM_TYPE_BASE}idempotency-key-mismatch`,
  /** 409: the first request with this Idempotency-Key is still being processed; retry in a moment. */
  idempotencyKeyInProgress: `${PROBLEM_TYPE_BASE}idempotency-key-in-progress`,
  payloadTooLarge: `${PROBLEM_TYPE_BASE}payload-too-large`,
  unsupportedMediaType: `${PROBLEM_TYPE_BASE}unsupported-media-type`,
  rateLimited: `${PROBLEM_TYPE_BASE}rate-limited`,
  serviceUnavailable: `${PROBLEM_TYPE_BASE}service-unavailable`,
  internal: `${PROBLEM_TYPE_BASE}internal`,
  /** 409: the client's data cannot be erased now (care ongoing, open request or signal, retention period). */
  erasureRefused: `${PROBLEM_TYPE_BASE}erasure-refused`,
} as const;
export type ProblemType = (typeof PROBLEM_TYPES)[keyof typeof PROBLEM_TYPES];

export interface FieldError {
  /** Dotted path of the offending field, e.g. `email` or `address.postcode`. */
  field: string;
  message: string;
}

/** RFC 9457 problem details, served as `application/problem+json`. */
export interface ProblemDetails {
  type: ProblemType;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  requestId?: string;
  errors?: FieldError[];
}
