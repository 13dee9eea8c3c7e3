import { Body, Controller, Get, HttpCode, Post, Put, Req, Res } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import {
  type Me,
  PENDING_SIGN_IN_COOKIE,
  PROBLEM_TYPES,
  type TwoFactorConfirmed,
  type TwoFactorEnrolment,
  type TwoFactorPolicy,
  type TwoFactorStatus,
} from '@waakvlam/contracts';
import type { FastifyReply } from 'fastify';
import { AuditService } from '../../modules/audit/audit.service';
import { TenantContext } from '../database/tenant-context.store';
import { ProblemException } from '../http/problem.exception';
import { AuthService } from './auth.service';
import { CurrentSession } from './current-session.decorator';
import { MeDto } from './me.dto';
import { Public } from './public.decorator';
import { Roles } from './roles.decorator';
import { SessionHandover } from './session-handover.service';
import type { RequestWithSession, SessionUser } from './session-user.interface';
import { originOf } from './sign-in-audit.service';
import { SignInWaitException } from './sign-in-wait.exception';
import { TwoFactorCodeDto } from './two-factor-code.dto';
import { TwoFactorConfirmedDto } from './two-factor-confirmed.dto';
import { TwoFactorEnrolmentDto } from './two-factor-enrolment.dto';
import { TwoFactorPolicyDto } from './two-factor-policy.dto';
import { TwoFactorStatusDto } from './two-factor-status.dto';
import { TwoFactorService } from './two-factor.service';

const wrongCode = (): ProblemException =>
  new ProblemException(PROBLEM_TYPES.validation, 400, 'Invalid input', {
    detail: 'One or more fields are missing or wrong.',
    errors: [{ field: 'code', message: 'is not correct, or was used before' }],
  });

/** TOTP two-factor authentication: the second sign-in step, enrolment, recovery codes and the organisation's rule. */
@ApiTags('auth')
@Controller('auth/two-factor')
export class TwoFactorController {
  constructor(
    private readonly auth: AuthService,
    private readonly twoFactor: TwoFactorService,
    private readonly handover: SessionHandover,
    private readonly audit: AuditService,
  ) {}

  @Public()
  @Post('verify')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Second sign-in step: a code from the app or a recovery code; starts the session',
    description: `Needs the ${PENDING_SIGN_IN_COOKIE} cookie of a sign-in whose password was right (202 from login).`,
  })
  @ApiOkResponse({ type: MeDto })
  @ApiUnauthorizedResponse({
    description: 'Wrong or reused code, or the pending sign-in ended (sign in again)',
  })
  @ApiTooManyRequestsResponse({ description: 'Too many failed attempts for this account; see Retry-After' })
  async verify(
    @Body() body: TwoFactorCodeDto,
    @Req() request: RequestWithSession,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Me> {
    const started = await SignInWaitException.withRetryAfter(reply, () =>
      TenantContext.asSystem('sign-in second step', () =>
        this.auth.completeWithCode(request.cookies[PENDING_SIGN_IN_COOKIE], body.code, originOf(request)),
      ),
    );
    await this.handover.handOver(request, reply, started);
    return MeDto.from(started.session);
  }

  @Get()
  @ApiOperation({ summary: "The signed-in user's two-factor state" })
  @ApiOkResponse({ type: TwoFactorStatusDto })
  status(@CurrentSession() session: SessionUser): Promise<TwoFactorStatus> {
    return this.twoFactor.status(session);
  }

  @Public()
  @Post('enrolment')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Set up two-factor authentication: a new secret (otpauth URI and QR code), to be confirmed',
    description: `Signed in (admins, coordinators), or during a sign-in that requires it (the ${PENDING_SIGN_IN_COOKIE} cookie).`,
  })
  @ApiOkResponse({ type: TwoFactorEnrolmentDto })
  @ApiConflictResponse({ description: 'Two-factor authentication is already on' })
  @ApiForbiddenResponse({ description: 'Not for this role' })
  async startEnrolment(@Req() request: RequestWithSession): Promise<TwoFactorEnrolment> {
    const session = request.sessionUser;
    if (session) return this.twoFactor.startEnrolment(session);
    return TenantContext.asSystem('two-factor enrolment at sign-in', async () => {
      const pending = await this.auth.pendingOf(
        request.cookies[PENDING_SIGN_IN_COOKIE],
        'enrolment',
        originOf(request),
      );
      return this.twoFactor.startEnrolment(pending);
    });
  }

  @Public()
  @Post('enrolment/confirm')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Confirm the new secret with a first code; answers the recovery codes (shown once)',
    description: 'During a sign-in that required enrolment, this also starts the session (`me` is set).',
  })
  @ApiOkResponse({ type: TwoFactorConfirmedDto })
  async confirmEnrolment(
    @Body() body: TwoFactorCodeDto,
    @Req() request: RequestWithSession,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TwoFactorConfirmed> {
    const session = request.sessionUser;
    if (session) {
      const recoveryCodes = await this.twoFactor.confirmEnrolment(session.userId, body.code);
      if (!recoveryCodes) throw wrongCode();
      await this.recordChange(session, request, 'enabled');
      return { recoveryCodes, me: null };
    }
    const started = await SignInWaitException.withRetryAfter(reply, () =>
      TenantContext.asSystem('two-factor enrolment at sign-in', () =>
        this.auth.completeEnrolment(request.cookies[PENDING_SIGN_IN_COOKIE], body.code, originOf(request)),
      ),
    );
    await this.handover.handOver(request, reply, started);
    return { recoveryCodes: started.recoveryCodes, me: MeDto.from(started.session) };
  }

  @Post('recovery-codes')
  @HttpCode(200)
  @ApiOperation({
    summary: 'New recovery codes (the old ones stop working); needs a current code from the app',
  })
  @ApiOkResponse({ type: TwoFactorConfirmedDto })
  async newRecoveryCodes(
    @CurrentSession() session: SessionUser,
    @Body() body: TwoFactorCodeDto,
    @Req() request: RequestWithSession,
  ): Promise<TwoFactorConfirmed> {
    if ((await this.twoFactor.verify(session.userId, body.code)) !== 'totp') throw wrongCode();
    const recoveryCodes = await this.twoFactor.replaceRecoveryCodes(session.userId);
    await this.recordChange(session, request, 'recovery_codes_replaced');
    return { recoveryCodes, me: null };
  }

  @Post('disable')
  @HttpCode(204)
  @ApiOperation({ summary: 'Turn two-factor authentication off; needs a current code from the app' })
  @ApiConflictResponse({ description: 'Your organisation requires two-factor authentication' })
  async disable(
    @CurrentSession() session: SessionUser,
    @Body() body: TwoFactorCodeDto,
    @Req() request: RequestWithSession,
  ): Promise<void> {
    if (await this.twoFactor.isRequiredBy(session.organisationId)) {
      throw new ProblemException(PROBLEM_TYPES.conflict, 409, 'Conflict', {
        detail: 'Your organisation requires two-factor authentication: it cannot be turned off.',
      });
    }
    if ((await this.twoFactor.verify(session.userId, body.code)) !== 'totp') throw wrongCode();
    await this.twoFactor.disable(session.userId);
    await this.recordChange(session, request, 'disabled');
  }

  @Get('policy')
  @Roles('admin')
  @ApiOperation({
    summary: 'Whether admins and coordinators of your organisation must use two-factor (admins)',
  })
  @ApiOkResponse({ type: TwoFactorPolicyDto })
  async policy(@CurrentSession() session: SessionUser): Promise<TwoFactorPolicy> {
    return { required: await this.twoFactor.isRequiredBy(session.organisationId) };
  }

  @Put('policy')
  @Roles('admin')
  @ApiOperation({
    summary: 'Require two-factor for admins and coordinators (admins)',
    description: 'Those who have not set it up are asked to at their next sign-in.',
  })
  @ApiOkResponse({ type: TwoFactorPolicyDto })
  async setPolicy(
    @CurrentSession() session: SessionUser,
    @Body() body: TwoFactorPolicyDto,
    @Req() request: RequestWithSession,
  ): Promise<TwoFactorPolicy> {
    await this.twoFactor.setRequired(session.organisationId, body.required);
    await this.audit.record({
      organisationId: session.organisationId,
      action: 'update',
      userId: session.userId,
      role: session.role,
      resource: 'organisation.two-factor-policy',
      ...originOf(request),
      source: 'console',
      details: { required: body.required },
    });
    return { required: body.required };
  }

  private async recordChange(
    session: SessionUser,
    request: RequestWithSession,
    change: string,
  ): Promise<void> {
    await this.audit.record({
      organisationId: session.organisationId,
      action: 'update',
      userId: session.userId,
      role: session.role,
      resource: 'users.two-factor',
      ...originOf(request),
      source: 'console',
      details: { change },
    });
  }
}
