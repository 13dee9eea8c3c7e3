import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { PROBLEM_TYPES, type UserRole } from '@waakvlam/contracts';
import { ProblemException } from '../http/problem.exception';
import { ROLES_METADATA } from './roles.decorator';
import type { RequestWithSession } from './session-user.interface';

/** Refuses a signed-in user whose role the route does not list. Runs after the SessionGuard. */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const roles = this.reflector.getAllAndOverride<UserRole[] | undefined>(ROLES_METADATA, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!roles) return true;
    const request = context.switchToHttp().getRequest<RequestWithSession>();
    const session = request.sessionUser;
    if (session && roles.includes(session.role)) return true;
    // A partner system's API key (only routes marked @AcceptsApiKey let one through) acts as a partner.
    if (request.apiKeyPrincipal && roles.includes('partner')) return true;
    throw new ProblemException(PROBLEM_TYPES.forbidden, 403, 'Not allowed', {
      detail: 'Your role does not give access to this.',
    });
  }
}
