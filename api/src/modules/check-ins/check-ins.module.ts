import { forwardRef, Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { OrganisationsModule } from '../organisations/organisations.module';
import { ReactivationRequestsModule } from '../reactivations/reactivation-requests.module';
import { RemindersModule } from '../reminders/reminders.module';
import { WatchesModule } from '../watches/watches.module';
import { CheckInCompletionService } from './check-in-completion.service';
import { CheckInGraceEndedProcessor } from './check-in-grace-ended.processor';
import { CheckInMissedProcessor } from './check-in-missed.processor';
import { CheckInOverviewService } from './check-in-overview.service';
import { CheckInOverdueProcessor } from './check-in-overdue.processor';
import { CheckInPlanner } from './check-in-planner.service';
import { CheckInPreNoticeProcessor } from './check-in-pre-notice.processor';
import { CheckInTimerRunner } from './check-in-timer-runner.service';
import { CheckInTokensService } from './check-in-tokens.service';
import { CheckInsController } from './check-ins.controller';
import { CheckInsService } from './check-ins.service';

/**
 * Check-ins: the caseworker views, completion, and each check-in's reminder ladder (pre-notice, overdue, grace
 * ended, missed) run from its timers. Owns the check_ins and check_in_tokens tables.
 */
@Module({
  imports: [
    AuditModule,
    forwardRef(() => WatchesModule),
    OrganisationsModule,
    NotificationsModule,
    RemindersModule,
    ReactivationRequestsModule,
  ],
  controllers: [CheckInsController],
  providers: [
    CheckInsService,
    CheckInOverviewService,
    CheckInCompletionService,
    CheckInPlanner,
    CheckInTimerRunner,
    CheckInTokensService,
    CheckInPreNoticeProcessor,
    CheckInOverdueProcessor,
    CheckInGraceEndedProcessor,
    CheckInMissedProcessor,
  ],
  exports: [CheckInPlanner, CheckInsService, CheckInCompletionService, CheckInTokensService],
})
export class CheckInsModule {}
