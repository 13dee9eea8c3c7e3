import { Injectable } from '@nestjs/common';
import { PROBLEM_TYPES, type ProblemType, SESSION_COOKIE } from '@waakvlam/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { SessionService } from '../auth/session.service';
import { TenantContext } from '../database/tenant-context.store';
import { ProblemException } from '../http/problem.exception';
import { toProblem } from '../http/problem-mapper.util';

/** The console's sign-in page (admin/src/app/core/auth/auth-routes.ts). */
const SIGN_IN_PAGE = '/inloggen';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Bull Board is a Fastify plugin, outside Nest's routes, so the global SessionGuard and RolesGuard never see
 * it. This check runs as its `onRequest` hook: the same session cookie, resolved by the same SessionService;
 * only an admin gets through. Anonymous: the HTML page redirects to the sign-in page, everything else is a
 * 401; other roles get a 403. Board actions (retry, clean, …) are state-changing: besides the SameSite=Strict
 * cookie, a request from another origin is refused.
 */
@Injectable()
export class QueueBoardAccess {
  constructor(private readonly sessions: SessionService) {}

  /** Resolves to the reply when it answered (the board's route does not run), else to undefined. */
  async check(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> {
    const token = request.cookies[SESSION_COOKIE];
    const session = token
      ? await TenantContext.asSystem('session', () => this.sessions.resolve(token))
      : null;
    if (!session) {
      if (request.method === 'GET' && (request.headers.accept ?? '').includes('text/html')) {
        return reply.redirect(SIGN_IN_PAGE, 302);
      }
      return refuse(request, reply, PROBLEM_TYPES.unauthenticated, 401, 'Not signed in', 'Sign in first.');
    }
    if (session.role !== 'admin') {
      return refuse(
        request,
        reply,
        PROBLEM_TYPES.forbidden,
        403,
        'Not allowed',
        'Only an admin sees the queues.',
      );
    }
    if (!SAFE_METHODS.has(request.method) && !sameOrigin(request)) {
      return refuse(
        request,
        reply,
        PROBLEM_TYPES.csrf,
        403,
        'Cross-origin request refused',
        'Use the board itself.',
      );
    }
    return undefined;
  }
}

/** Answers with a problem document, as the ProblemDetailsFilter does for Nest's routes. */
function refuse(
  request: FastifyRequest,
  reply: FastifyReply,
  type: ProblemType,
  status: number,
  title: string,
  detail: string,
): FastifyReply {
  const problem = toProblem(new ProblemException(type, status, title, { detail }), request.url.split('?')[0]);
  problem.requestId = request.id;
  return reply.status(status).type('application/problem+json; charset=utf-8').send(problem);
}

/** The browser's Origin (sent with every fetch that changes state) names this host, or there is none. */
function sameOrigin(request: FastifyRequest): boolean {
  const fetchSite = request.headers['sec-fetch-site'];
  if (fetchSite !== undefined && fetchSite !== 'same-origin') return false;
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}
