import { Global, Module } from '@nestjs/common';
import { DevMailbox } from './dev-mailbox.store';
import { DevMailboxController } from './dev-mailbox.controller';
import { MailService } from './mail.service';

@Global()
@Module({
  providers: [{ provide: DevMailbox, useFactory: () => new DevMailbox() }, MailService],
  controllers: [DevMailboxController],
  exports: [MailService],
})
export class MailModule {}
