import { type CanActivate, type ExecutionContext, Inject, Injectable, Optional } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { CSRF_COOKIE, CSRF_HEADER, PROBLEM_TYPES, SESSION_COOKIE } from '@waakvlam/contracts';
import type { FastifyReply } from 'fastify';
import { TenantContext } from '../database/tenant-context.store';
import { ProblemException } from '../http/problem.exception';
import { CSRF_EXEMPT_METADATA, PUBLIC_METADATA } from './public.decorator';
import { ACCEPTS_API_KEY_METADATA } from './api-key.decorator';
import {
  API_KEY_AUTHENTICATOR,
  type ApiKeyAuthenticator,
  presentedApiKey,
} from './api-key-authenticator.interface';
import { CookieWriter } from './cookie-writer.service';
import { SessionService } from './session.service';
import type { RequestWithSession } from './session-user.interface';
import { tokensEqual } from './tokens.util';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Runs on every route: resolves the session cookie, checks the CSRF token on every state-changing request
 * (Angular's convention: the XSRF-TOKEN cookie echoed in the X-XSRF-TOKEN header, and for a signed-in user
 * the token must be the session's own), and refuses non-public routes without a session. On a route marked
 * `@AcceptsApiKey()`, a request that presents an API key is authenticated by that key alone (see there).
 */
@Injectable()
export class SessionGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionService,
    private readonly cookies: CookieWriter,
    @Optional() @Inject(API_KEY_AUTHENTICATOR) private readonly apiKeys: ApiKeyAuthenticator | null = null,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const http = context.switchToHttp();
    const request = http.getRequest<RequestWithSession>();
    const reply = http.getResponse<FastifyReply>();
    const targets = [context.getHandler(), context.getClass()];

    const apiKey = presentedApiKey(request);
    if (apiKey !== null && this.reflector.getAllAndOverride<boolean>(ACCEPTS_API_KEY_METADATA, targets)) {
      return this.authenticateApiKey(request, apiKey);
    }

    const token = request.cookies[SESSION_COOKIE];
    // The session is looked up by its secret before the organisation is known; then the request acts for it.
    const session = token
      ? await TenantContext.asSystem('session', () => this.sessions.resolve(token))
      : null;
    if (session) {
      request.sessionUser = session;
      TenantContext.enter({ kind: 'organisation', organisationId: session.organisationId });
    }

    const cookieCsrf = request.cookies[CSRF_COOKIE];
    // Hand out a CSRF token to a browser that has none yet (the console asks GET /api/auth/csrf first).
    if (!cookieCsrf && !session) this.cookies.setCsrf(reply);
    const csrfExempt = this.reflector.getAllAndOverride<boolean>(CSRF_EXEMPT_METADATA, targets) === true;
    if (!SAFE_METHODS.has(request.method) && !csrfExempt) {
      const headerCsrf = request.headers[CSRF_HEADER.toLowerCase()];
      const header = Array.isArray(headerCsrf) ? headerCsrf[0] : headerCsrf;
      const valid = tokensEqual(header, cookieCsrf) && (!session || tokensEqual(header, session.csrfToken));
      if (!valid) {
        throw new ProblemException(PROBLEM_TYPES.csrf, 403, 'CSRF token missing or invalid', {
          detail: `Send the ${CSRF_COOKIE} cookie's value in the ${CSRF_HEADER} header.`,
        });
      }
    }
    // Keep the cookie in step with the session (e.g. after the browser lost it).
    if (session && cookieCsrf !== session.csrfToken) this.cookies.setCsrf(reply, session.csrfToken);

    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_METADATA, targets);
    if (!isPublic && !session) {
      if (token) this.cookies.clearSession(reply);
      throw new ProblemException(PROBLEM_TYPES.unauthenticated, 401, 'Not signed in', {
        detail: token ? 'The session has ended. Sign in again.' : 'Sign in first.',
      });
    }
    return true;
  }

  /** A partner system: no session, no cookies, so no CSRF; an unknown or revoked key is a 401. */
  private async authenticateApiKey(request: RequestWithSession, key: string): Promise<boolean> {
    const apiKeys = this.apiKeys;
    const principal = apiKeys
      ? await TenantContext.asSystem('api-key', () => apiKeys.authenticate(key))
      : null;
    if (!principal) {
      throw new ProblemException(PROBLEM_TYPES.unauthenticated, 401, 'Not signed in', {
        detail: 'The API key is unknown or revoked.',
      });
    }
    request.apiKeyPrincipal = principal;
    TenantContext.enter({ kind: 'organisation', organisationId: principal.organisationId });
    return true;
  }
}
