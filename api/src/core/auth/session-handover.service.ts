import { Injectable } from '@nestjs/common';
import { SESSION_COOKIE } from '@waakvlam/contracts';
import type { FastifyReply } from 'fastify';
import { TenantContext } from '../database/tenant-context.store';
import type { StartedSession } from './auth.service';
import { CookieWriter } from './cookie-writer.service';
import { SessionService } from './session.service';
import type { RequestWithSession } from './session-user.interface';

/**
 * Gives a browser its new session: the session id changes at every sign-in (a session cookie the browser already
 * had, perhaps planted by someone else, is ended and never reused), the CSRF token is the new session's, and the
 * pending sign-in cookie goes.
 */
@Injectable()
export class SessionHandover {
  constructor(
    private readonly sessions: SessionService,
    private readonly cookies: CookieWriter,
  ) {}

  async handOver(request: RequestWithSession, reply: FastifyReply, started: StartedSession): Promise<void> {
    const previous = request.cookies[SESSION_COOKIE];
    if (previous && previous !== started.token) {
      await TenantContext.asSystem('sign-in', () => this.sessions.revoke(previous));
    }
    this.cookies.setSession(reply, started.token);
    this.cookies.setCsrf(reply, started.session.csrfToken);
    this.cookies.clearPending(reply);
  }
}
