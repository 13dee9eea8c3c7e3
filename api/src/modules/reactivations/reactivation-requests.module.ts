import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { OrganisationsModule } from '../organisations/organisations.module';
import { UserAbsencesModule } from '../users/user-absences.module';
import { ReactivationMailsService } from './reactivation-mails.service';
import { ReactivationNotifier } from './reactivation-notifier.service';
import { ReactivationRequestsService } from './reactivation-requests.service';
import { ReactivationSlaTimers } from './reactivation-sla-timers.service';

/**
 * Opening reactivation requests from any module, inside its own transaction (check-in completion, self check-in,
 * the lapse scan, partner signals): `ReactivationRequestsService.request`. Depends on neither watches nor check-ins,
 * so those modules can import it; the API and the lifecycle are in ReactivationsModule. Needs the global
 * SchedulingModule (TimersService). The templates are read at start-up.
 */
@Module({
  imports: [NotificationsModule, OrganisationsModule, UserAbsencesModule],
  providers: [
    ReactivationMailsService,
    ReactivationNotifier,
    ReactivationSlaTimers,
    ReactivationRequestsService,
  ],
  exports: [
    ReactivationRequestsService,
    ReactivationMailsService,
    ReactivationNotifier,
    ReactivationSlaTimers,
  ],
})
export class ReactivationRequestsModule {}
