import { Body, Controller, Get, Header, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { TenantContext } from '../../core/database/tenant-context.store';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import {
  SELF_CHECK_IN_TOKEN_PATTERN,
  type SelfCheckInRecorded,
  type SelfCheckInStatus,
} from '@waakvlam/contracts';
import { Public } from '../../core/auth/public.decorator';
import { linkNotUsable } from './self-check-in-problems.util';
import { SelfCheckInRecordedDto } from './self-check-in-recorded.dto';
import { SelfCheckInRequestDto } from './self-check-in-request.dto';
import { SelfCheckInStatusDto } from './self-check-in-status.dto';
import { SelfCheckInThrottleGuard } from './self-check-in-throttle.guard';
import { SelfCheckInService } from './self-check-in.service';
import { AuditedRead, AuditedUpdate } from '../audit/audit-route.decorator';

/**
 * The client's self check-in page talks to these routes. No session: the link's secret is the credential. The
 * answers never hold personal data, and a link that cannot be used always gets the same 404.
 */
@ApiTags('self-check-in')
@Controller('public/check-in')
// The link's secret is the credential; no session or cookie is involved, so no CSRF token either.
@Public({ credentialInPath: true })
@UseGuards(SelfCheckInThrottleGuard)
@ApiParam({
  name: 'token',
  description: 'The secret from the e-mail link (43 characters, base64url)',
  schema: { type: 'string', pattern: SELF_CHECK_IN_TOKEN_PATTERN.source },
})
@ApiNotFoundResponse({
  description: 'The link is unknown, already used or expired (one answer for all three)',
})
@ApiTooManyRequestsResponse({
  description: 'Too many requests from this address (SELF_CHECK_IN_LIMIT_PER_MINUTE); see Retry-After',
})
export class SelfCheckInController {
  constructor(private readonly selfCheckIns: SelfCheckInService) {}

  @Get(':token')
  @Header('cache-control', 'no-store')
  @ApiOperation({ summary: 'Whether a self check-in link can still be used (no session needed)' })
  @ApiOkResponse({ type: SelfCheckInStatusDto })
  @AuditedRead('self-check-in.status')
  async status(@Param('token') token: string): Promise<SelfCheckInStatus> {
    // The link's secret is the resident's authority, before any organisation is known.
    if (!(await TenantContext.asSystem('check-in-link', () => this.selfCheckIns.isOpen(token))))
      throw linkNotUsable();
    return { status: 'open' };
  }

  @Post(':token')
  @HttpCode(200)
  @Header('cache-control', 'no-store')
  @ApiOperation({
    summary:
      "Records the client's answer and uses the link up (no session needed; the CSRF cookie is echoed)",
  })
  @ApiOkResponse({ type: SelfCheckInRecordedDto })
  @ApiBadRequestResponse({
    description: 'The response is missing or not one of well, concern, needs_support',
  })
  @AuditedUpdate('self-check-in.respond')
  async respond(
    @Param('token') token: string,
    @Body() body: SelfCheckInRequestDto,
  ): Promise<SelfCheckInRecorded> {
    const responded = await TenantContext.asSystem('check-in-link', () =>
      this.selfCheckIns.respond(token, body.response),
    );
    if (!responded) throw linkNotUsable();
    return { status: 'recorded' };
  }
}
