import { createParamDecorator, type ExecutionContext, UnauthorizedException } from '@nestjs/common';
import type { RequestWithSession, SessionUser } from './session-user.interface';

/** The signed-in user of the request; the session guard has already refused requests without one. */
export const CurrentSession = createParamDecorator((_data: unknown, ctx: ExecutionContext): SessionUser => {
  const session = ctx.switchToHttp().getRequest<RequestWithSession>().sessionUser;
  if (!session) throw new UnauthorizedException();
  return session;
});
