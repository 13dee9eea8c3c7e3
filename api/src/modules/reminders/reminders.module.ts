import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { OrganisationsModule } from '../organisations/organisations.module';
import { CaseworkerDigestProcessor } from './caseworker-digest.processor';
import { CaseworkerDigestService } from './caseworker-digest.service';
import { CheckInRemindersService } from './check-in-reminders.service';
import { DigestSchedulerService } from './digest-scheduler.service';
import { TemplateRenderer } from './template-renderer.util';

/**
 * Reminder e-mails: their templates (nl, en), the caseworker's morning digest, and the reminder ladder's texts.
 * Needs the global SchedulingModule (TimersService). The templates are read at start-up: a missing one stops the
 * process instead of a mail.
 */
@Module({
  imports: [NotificationsModule, OrganisationsModule],
  providers: [
    { provide: TemplateRenderer, useFactory: () => new TemplateRenderer().preload() },
    CheckInRemindersService,
    DigestSchedulerService,
    CaseworkerDigestService,
    CaseworkerDigestProcessor,
  ],
  exports: [CheckInRemindersService, DigestSchedulerService],
})
export class RemindersModule {}
