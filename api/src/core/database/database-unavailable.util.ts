/** SQLSTATEs of a server that is going down, starting up or cut off (classes 08 and 57P), or full (53300). */
const UNAVAILABLE_STATES = /^(08|57P)|^53300$/;
/** Node's errors for a server that does not answer on its port. */
const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH']);
/** node-postgres' own messages for a connection that broke or never came. */
const CONNECTION_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/i;

/**
 * True when an error says PostgreSQL cannot be reached right now (down, restarting, connection cut), rather than
 * that a statement failed: the request may be retried later, so it is a 503, not a 500. Looks through TypeORM's
 * QueryFailedError (`driverError`) and Node's AggregateError (`errors`).
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 3) return false;
  const e = error as { code?: unknown; message?: unknown; driverError?: unknown; errors?: unknown };
  if (typeof e.code === 'string' && (UNAVAILABLE_STATES.test(e.code) || UNREACHABLE_CODES.has(e.code)))
    return true;
  if (typeof e.message === 'string' && CONNECTION_MESSAGES.test(e.message)) return true;
  if (isDatabaseUnavailable(e.driverError, depth + 1)) return true;
  return Array.isArray(e.errors) && e.errors.some((inner) => isDatabaseUnavailable(inner, depth + 1));
}
