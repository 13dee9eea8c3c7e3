import { Body, Controller, Get, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import {
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import { type Me, SESSION_COOKIE } from '@waakvlam/contracts';
import type { FastifyReply } from 'fastify';
import { Public } from './public.decorator';
import { AuthService } from './auth.service';
import { CookieWriter } from './cookie-writer.service';
import { CurrentSession } from './current-session.decorator';
import { LoginDto } from './login.dto';
import { MeDto } from './me.dto';
import { SessionService } from './session.service';
import type { RequestWithSession, SessionUser } from './session-user.interface';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionService,
    private readonly cookies: CookieWriter,
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
  @ApiOperation({ summary: 'Sign in; starts a session (rate-limited per account and per IP)' })
  @ApiOkResponse({ type: MeDto })
  @ApiUnauthorizedResponse({ description: 'Wrong e-mail address or password (the same answer for both)' })
  @ApiTooManyRequestsResponse({ description: 'Too many attempts; see Retry-After' })
  async login(
    @Body() body: LoginDto,
    @Req() request: RequestWithSession,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Me> {
    const { token, session } = await this.auth.login(body.email, body.password);
    // A new session id at every sign-in; an earlier session of this browser ends.
    const previous = request.cookies[SESSION_COOKIE];
    if (previous) await this.sessions.revoke(previous);
    this.cookies.setSession(reply, token);
    this.cookies.setCsrf(reply, session.csrfToken);
    return MeDto.from(session);
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
