import { Module } from '@nestjs/common';
import { RemindersModule } from '../reminders/reminders.module';
import { DemoCaseloadSeeder } from './demo-caseload.service';
import { DemoSeedService } from './demo-seed.service';

@Module({
  imports: [RemindersModule],
  providers: [DemoSeedService, DemoCaseloadSeeder],
  exports: [DemoSeedService],
})
export class DemoModule {}
