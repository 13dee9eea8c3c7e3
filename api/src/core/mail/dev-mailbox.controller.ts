import { Controller, Delete, Get, HttpCode, NotFoundException, Post } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { DevMailboxStatus } from '@waakvlam/contracts';
import { CurrentSession } from '../auth/current-session.decorator';
import { Roles } from '../auth/roles.decorator';
import type { SessionUser } from '../auth/session-user.interface';
import { MailService } from './mail.service';
import { DevMailboxStatusDto } from './dev-mailbox-status.dto';

@ApiTags('dev')
@Controller('dev/mailbox')
@Roles('admin', 'coordinator', 'caseworker')
export class DevMailboxController {
  constructor(private readonly mail: MailService) {}

  @Get()
  @ApiOperation({
    summary: 'Messages caught by the embedded development SMTP server (empty and disabled in production)',
  })
  @ApiOkResponse({ type: DevMailboxStatusDto })
  list(): DevMailboxStatus {
    const enabled = this.mail.usesDevMailbox;
    return { enabled, messages: enabled ? this.mail.mailbox.list() : [] };
  }

  @Delete()
  @HttpCode(204)
  @ApiOperation({ summary: 'Empty the Dev mailbox' })
  @ApiNoContentResponse()
  clear(): void {
    this.mail.mailbox.clear();
  }

  @Post('test-message')
  @HttpCode(204)
  @Roles('admin', 'coordinator')
  @ApiOperation({
    summary: 'Send a test message over SMTP to the signed-in user (only while the Dev mailbox is on)',
  })
  @ApiNoContentResponse()
  async sendTest(@CurrentSession() session: SessionUser): Promise<void> {
    if (!this.mail.usesDevMailbox) throw new NotFoundException();
    await this.mail.send({
      to: session.email,
      subject: 'Testbericht van Waakvlam',
      text: `Hallo ${session.displayName},\n\nDit is een testbericht. De e-mail van Waakvlam werkt.\n`,
    });
  }
}
