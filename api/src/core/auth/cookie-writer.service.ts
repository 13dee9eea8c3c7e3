import { Injectable } from '@nestjs/common';
import { CSRF_COOKIE, SESSION_COOKIE } from '@waakvlam/contracts';
import type { FastifyReply } from 'fastify';
import { AppConfig } from '../config/app.config';
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
