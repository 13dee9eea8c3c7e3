import { Body, Controller, Get, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import { type Me, PENDING_SIGN_IN_COOKIE, SESSION_COOKIE, type SignInNextStep } from '@waakvlam/contracts';
import type { FastifyReply } from 'fastify';
import { TenantContext } from '../database/tenant-context.store';
import { Public } from './public.decorator';
import { AuthService } from './auth.service';
import { CookieWriter } from './cookie-writer.service';
import { CurrentSession } from './current-session.decorator';
import { LoginDto } from './login.dto';
import { MeDto } from './me.dto';
import { SessionHandover } from './session-handover.service';
import { SessionService } from './session.service';
import { originOf } from './sign-in-audit.service';
import { SignInNextStepDto } from './sign-in-next-step.dto';
import { SignInWaitException } from './sign-in-wait.exception';
import type { RequestWithSession, SessionUser } from './session-user.interface';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionService,
    private readonly cookies: CookieWriter,
    private readonly handover: SessionHandover,
  ) {}

  @Public()
  @Get('csrf')
  @HttpCode(204)
  @ApiOperation({ summary: 'Sets the XSRF-TOKEN cookie (if missing); call before the first POST' })
  @ApiNoContentResponse()
  csrf(): void {
    // The session guard sets the cookie.
  }

  @Public()
  @Post('login')
  @HttpCode(200)
  @UseGuards(ThrottlerGuard)
  @ApiOperation({
    summary:
      'Sign in; starts a session, or asks for a second step (rate-limited, delayed and locked per account)',
    description:
      '200 and the user: signed in. 202 and the next step: the password was right, but a code from the ' +
      'authenticator app (two_factor) or setting up two-factor authentication (two_factor_enrolment) is due; ' +
      `the ${PENDING_SIGN_IN_COOKIE} cookie holds the pending sign-in for five minutes. No session exists yet.`,
  })
  @ApiOkResponse({ type: MeDto })
  @ApiAcceptedResponse({ type: SignInNextStepDto })
  @ApiUnauthorizedResponse({ description: 'Wrong e-mail address or password (the same answer for both)' })
  @ApiTooManyRequestsResponse({ description: 'Too many attempts, or the account must wait; see Retry-After' })
  async login(
    @Body() body: LoginDto,
    @Req() request: RequestWithSession,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    // Before sign-in the organisation is unknown: the account is found by its e-mail address across organisations.
    const outcome = await SignInWaitException.withRetryAfter(reply, () =>
      TenantContext.asSystem('sign-in', () => this.auth.login(body.email, body.password, originOf(request))),
    );
    if (outcome.kind === 'pending') {
      this.cookies.setPending(reply, outcome.token);
      const next: SignInNextStep = {
        step: outcome.step === 'enrolment' ? 'two_factor_enrolment' : 'two_factor',
        expiresAt: outcome.expiresAt.toISOString(),
      };
      await reply.status(202).send(next);
      return;
    }
    // A new session id at every sign-in; an earlier session of this browser ends.
    await this.handover.handOver(request, reply, outcome);
    await reply.status(200).send(MeDto.from(outcome.session));
  }

  @Public()
  @Post('logout')
  @HttpCode(204)
  @ApiOperation({ summary: 'Sign out; ends the session' })
  @ApiNoContentResponse()
  async logout(
    @Req() request: RequestWithSession,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    const token = request.cookies[SESSION_COOKIE];
    if (token) await this.sessions.revoke(token);
    this.cookies.clearSession(reply);
    this.cookies.setCsrf(reply);
  }

  @Get('me')
  @ApiOperation({ summary: 'The signed-in user' })
  @ApiOkResponse({ type: MeDto })
  @ApiUnauthorizedResponse({ description: 'Not signed in, or the session has ended' })
  me(@CurrentSession() session: SessionUser): Me {
    return MeDto.from(session);
  }
}
