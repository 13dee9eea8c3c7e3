import { Global, Module } from '@nestjs/common';
import { DevMailbox } from './dev-mailbox.store';
import { DevMailboxController } from './dev-mailbox.controller';
import { MailService } from './mail.service';
import { TemplateRenderer } from './template-renderer.util';

/**
 * Sending e-mail, and the e-mail templates (`templates/{nl,en}/<name>.txt`, read at start-up: a missing one stops
 * the process instead of a mail).
 */
@Global()
@Module({
  providers: [
    { provide: DevMailbox, useFactory: () => new DevMailbox() },
    MailService,
    { provide: TemplateRenderer, useFactory: () => new TemplateRenderer().preload() },
  ],
  controllers: [DevMailboxController],
  exports: [MailService, TemplateRenderer],
})
export class MailModule {}
