import { forwardRef, Module } from '@nestjs/common';
import { WatchesModule } from '../watches/watches.module';
import { CheckInCompletionService } from './check-in-completion.service';
import { CheckInMissedSweepProcessor } from './check-in-missed-sweep.processor';
import { CheckInPlanner } from './check-in-planner.service';
import { CheckInsController } from './check-ins.controller';
import { CheckInsService } from './check-ins.service';
import { MissedCheckInSweep } from './missed-check-in-sweep.service';

/** Check-ins: the caseworker views, completion, and the missed sweep. Owns the check_ins table. */
@Module({
  imports: [forwardRef(() => WatchesModule)],
  controllers: [CheckInsController],
  providers: [
    CheckInsService,
    CheckInCompletionService,
    CheckInPlanner,
    MissedCheckInSweep,
    CheckInMissedSweepProcessor,
  ],
  exports: [CheckInPlanner, CheckInsService, MissedCheckInSweep],
})
export class CheckInsModule {}
