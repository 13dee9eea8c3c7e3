import { Global, Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { TimerPlannerProcessor } from './timer-planner.processor';
import { TimerPlannerService } from './timer-planner.service';
import { TimerPurgeProcessor } from './timer-purge.processor';
import { TimersService } from './timers.service';

/** Durable timers and the planner that turns due timers into jobs. Owns the timers table. */
@Global()
@Module({
  imports: [NotificationsModule],
  providers: [TimersService, TimerPlannerService, TimerPlannerProcessor, TimerPurgeProcessor],
  exports: [TimersService, TimerPlannerService],
})
export class SchedulingModule {}
