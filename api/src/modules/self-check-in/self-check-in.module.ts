import { Module } from '@nestjs/common';
import { CheckInsModule } from '../check-ins/check-ins.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { ReactivationRequestsModule } from '../reactivations/reactivation-requests.module';
import { RemindersModule } from '../reminders/reminders.module';
import { SelfCheckInController } from './self-check-in.controller';
import { SelfCheckInThrottleGuard } from './self-check-in-throttle.guard';
import { SelfCheckInService } from './self-check-in.service';

/**
 * The client's self check-in: `/api/public/check-in/{token}` behind the single-use link of the pre-notice e-mail.
 * Uses the check_in_tokens table of the check-ins module through plain SQL on its primary key.
 */
@Module({
  imports: [CheckInsModule, NotificationsModule, RemindersModule, ReactivationRequestsModule],
  controllers: [SelfCheckInController],
  providers: [SelfCheckInService, SelfCheckInThrottleGuard],
})
export class SelfCheckInModule {}
