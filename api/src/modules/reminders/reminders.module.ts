import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { OrganisationsModule } from '../organisations/organisations.module';
import { CaseworkerDigestProcessor } from './caseworker-digest.processor';
import { CaseworkerDigestService } from './caseworker-digest.service';
import { CheckInRemindersService } from './check-in-reminders.service';
import { DigestSchedulerService } from './digest-scheduler.service';

/**
 * Reminder e-mails: the caseworker's morning digest and the reminder ladder's texts. Needs the global
 * SchedulingModule (TimersService) and MailModule (TemplateRenderer).
 */
@Module({
  imports: [NotificationsModule, OrganisationsModule],
  providers: [
    CheckInRemindersService,
    DigestSchedulerService,
    CaseworkerDigestService,
    CaseworkerDigestProcessor,
  ],
  exports: [CheckInRemindersService, DigestSchedulerService],
})
export class RemindersModule {}
