import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import type { Me } from '@waakvlam/contracts';
import type { FastifyReply } from 'fastify';
import { ChangePasswordDto } from './change-password.dto';
import { CurrentSession } from './current-session.decorator';
import { MeDto } from './me.dto';
import { PasswordChangeService } from './password-change.service';
import { SessionHandover } from './session-handover.service';
import type { RequestWithSession, SessionUser } from './session-user.interface';
import { originOf } from './sign-in-audit.service';
import { SignInWaitException } from './sign-in-wait.exception';

@ApiTags('auth')
@Controller('auth/password')
export class PasswordController {
  constructor(
    private readonly passwords: PasswordChangeService,
    private readonly handover: SessionHandover,
  ) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Change your password; ends all your sessions and starts a new one for this browser',
    description: 'The new password: 12 to 128 characters, not a common password, not your e-mail address.',
  })
  @ApiOkResponse({ type: MeDto })
  @ApiBadRequestResponse({
    description: 'The current password is wrong, or the new one does not pass (per field)',
  })
  @ApiTooManyRequestsResponse({ description: 'Too many wrong passwords for this account; see Retry-After' })
  async change(
    @CurrentSession() session: SessionUser,
    @Body() body: ChangePasswordDto,
    @Req() request: RequestWithSession,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Me> {
    const started = await SignInWaitException.withRetryAfter(reply, () =>
      this.passwords.change(session, body.currentPassword, body.newPassword, originOf(request)),
    );
    await this.handover.handOver(request, reply, started);
    return MeDto.from(started.session);
  }
}
