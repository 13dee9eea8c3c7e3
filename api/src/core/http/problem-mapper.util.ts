import { HttpException } from '@nestjs/common';
import { PROBLEM_TYPES, type ProblemDetails, type ProblemType } from '@waakvlam/contracts';
import { isDatabaseUnavailable } from '../database/database-unavailable.util';
import { ProblemException } from './problem.exception';

const BY_STATUS: Record<number, { type: ProblemType; title: string }> = {
  400: { type: PROBLEM_TYPES.badRequest, title: 'Bad request' },
  401: { type: PROBLEM_TYPES.unauthenticated, title: 'Not signed in' },
  403: { type: PROBLEM_TYPES.forbidden, title: 'Not allowed' },
  404: { type: PROBLEM_TYPES.notFound, title: 'Not found' },
  405: { type: PROBLEM_TYPES.notFound, title: 'Not found' },
  409: { type: PROBLEM_TYPES.conflict, title: 'Conflict' },
  413: { type: PROBLEM_TYPES.payloadTooLarge, title: 'Request body too large' },
  415: { type: PROBLEM_TYPES.unsupportedMediaType, title: 'Unsupported media type' },
  429: { type: PROBLEM_TYPES.rateLimited, title: 'Too many requests' },
  503: { type: PROBLEM_TYPES.serviceUnavailable, title: 'Service unavailable' },
};

const INTERNAL = { type: PROBLEM_TYPES.internal, title: 'Internal error' };

/** Fastify's own errors (body parsing, size, media type) carry a statusCode and a code. */
const isFastifyError = (e: unknown): e is { statusCode: number; code: string; message: string } =>
  typeof e === 'object' &&
  e !== null &&
  typeof (e as { statusCode?: unknown }).statusCode === 'number' &&
  typeof (e as { code?: unknown }).code === 'string' &&
  (e as { code: string }).code.startsWith('FST_');

/**
 * Turns any thrown value into RFC 9457 problem details. Unknown errors become a 500 whose text reveals
 * nothing; their details go to the log only.
 */
export function toProblem(exception: unknown, instance: string): ProblemDetails {
  if (exception instanceof ProblemException) {
    return {
      type: exception.type,
      title: exception.title,
      status: exception.getStatus(),
      ...exception.extra,
      instance,
    };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const base = BY_STATUS[status] ?? (status >= 500 ? INTERNAL : BY_STATUS[400]);
    const response = exception.getResponse();
    const message =
      typeof response === 'object' && response !== null
        ? (response as { message?: unknown }).message
        : response;
    const down =
      typeof response === 'object' && response !== null ? (response as { error?: unknown }).error : undefined;
    const detail =
      status === 404
        ? 'There is nothing at this address.'
        : typeof message === 'string'
          ? message
          : down && typeof down === 'object' && Object.keys(down).length > 0
            ? `Not available: ${Object.keys(down).join(', ')}`
            : undefined;
    return { ...base, status, ...(detail && detail !== base.title ? { detail } : {}), instance };
  }
  if (isFastifyError(exception) && exception.statusCode < 500) {
    const status = exception.statusCode;
    const base = BY_STATUS[status] ?? BY_STATUS[400];
    const detail =
      exception.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || exception.code === 'FST_ERR_CTP_EMPTY_JSON_BODY'
        ? 'The request body is not valid JSON.'
        : exception.message;
    return { ...base, status, detail, instance };
  }
  if (isDatabaseUnavailable(exception)) {
    // PostgreSQL is down or restarting: fail fast and say so, the client may try again shortly.
    return {
      ...BY_STATUS[503],
      status: 503,
      detail: 'The service is briefly unavailable. Try again in a moment.',
      instance,
    };
  }
  return {
    ...INTERNAL,
    status: 500,
    detail: 'Something went wrong on our side. It has been logged.',
    instance,
  };
}
