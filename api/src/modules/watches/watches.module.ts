import { forwardRef, Module } from '@nestjs/common';
import { IdempotencyModule } from '../../core/http/idempotency.module';
import { AuditModule } from '../audit/audit.module';
import { CheckInsModule } from '../check-ins/check-ins.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { ReactivationRequestsModule } from '../reactivations/reactivation-requests.module';
import { RemindersModule } from '../reminders/reminders.module';
import { LapseScanProcessor } from './lapse-scan.processor';
import { OrganisationsModule } from '../organisations/organisations.module';
import { WatchEventsService } from './watch-events.service';
import { WatchLapseScanService } from './watch-lapse-scan.service';
import { WatchReassignmentService } from './watch-reassignment.service';
import { WatchTransitionsService } from './watch-transitions.service';
import { WatchUpdateService } from './watch-update.service';
import { WatchesController } from './watches.controller';
import { WatchesService } from './watches.service';

/**
 * Watches, their timeline and the lapse scan. Plans and cancels check-ins through the check-ins module's planner.
 */
@Module({
  imports: [
    IdempotencyModule,
    AuditModule,
    forwardRef(() => CheckInsModule),
    OrganisationsModule,
    NotificationsModule,
    RemindersModule,
    ReactivationRequestsModule,
  ],
  controllers: [WatchesController],
  providers: [
    WatchesService,
    WatchUpdateService,
    WatchReassignmentService,
    WatchTransitionsService,
    WatchEventsService,
    WatchLapseScanService,
    LapseScanProcessor,
  ],
  exports: [WatchesService, WatchEventsService, WatchLapseScanService],
})
export class WatchesModule {}
