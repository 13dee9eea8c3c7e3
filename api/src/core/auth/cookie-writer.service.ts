import { Injectable } from '@nestjs/common';
import { CSRF_COOKIE, PENDING_SIGN_IN_COOKIE, SESSION_COOKIE } from '@waakvlam/contracts';
import type { FastifyReply } from 'fastify';
import { AppConfig } from '../config/app.config';
import { PENDING_SIGN_IN_MS } from './pending-sign-in.service';
import { newToken } from './tokens.util';

/** Writes the session and CSRF cookies with the same attributes everywhere. */
@Injectable()
export class CookieWriter {
  constructor(private readonly config: AppConfig) {}

  setSession(reply: FastifyReply, token: string): void {
    reply.setCookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'strict',
      secure: this.config.cookieSecure,
      path: '/',
      maxAge: Math.floor(this.config.sessionAbsoluteMs / 1000),
    });
  }

  clearSession(reply: FastifyReply): void {
    reply.clearCookie(SESSION_COOKIE, {
      path: '/',
      httpOnly: true,
      sameSite: 'strict',
      secure: this.config.cookieSecure,
    });
  }

  /** The state between password and second step: only the sign-in routes under /api/auth see it. */
  setPending(reply: FastifyReply, token: string): void {
    reply.setCookie(PENDING_SIGN_IN_COOKIE, token, {
      httpOnly: true,
      sameSite: 'strict',
      secure: this.config.cookieSecure,
      path: '/api/auth',
      maxAge: Math.floor(PENDING_SIGN_IN_MS / 1000),
    });
  }

  clearPending(reply: FastifyReply): void {
    reply.clearCookie(PENDING_SIGN_IN_COOKIE, {
      path: '/api/auth',
      httpOnly: true,
      sameSite: 'strict',
      secure: this.config.cookieSecure,
    });
  }

  /** The CSRF cookie is readable by the console's script (not HttpOnly) on purpose: that is the convention. */
  setCsrf(reply: FastifyReply, token: string = newToken()): void {
    reply.setCookie(CSRF_COOKIE, token, {
      httpOnly: false,
      sameSite: 'strict',
      secure: this.config.cookieSecure,
      path: '/',
    });
  }
}
