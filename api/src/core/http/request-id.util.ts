import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

const SANE = /^[A-Za-z0-9._-]{8,64}$/;
const ASSIGNED = Symbol('waakvlam.requestId');

/**
 * The id of a request: the caller's X-Request-Id when it looks sane, else a new UUID. Stable per request,
 * so Fastify, the request log and the problem document all show the same id.
 */
export function requestId(req: IncomingMessage): string {
  const holder = req as IncomingMessage & { [ASSIGNED]?: string };
  if (!holder[ASSIGNED]) {
    const header = req.headers['x-request-id'];
    holder[ASSIGNED] = typeof header === 'string' && SANE.test(header) ? header : randomUUID();
  }
  return holder[ASSIGNED];
}
