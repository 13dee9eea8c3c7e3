import { forwardRef, Module } from '@nestjs/common';
import { CheckInsModule } from '../check-ins/check-ins.module';
import { OrganisationCalendars } from './organisation-calendars.service';
import { WatchEventsService } from './watch-events.service';
import { WatchTransitionsService } from './watch-transitions.service';
import { WatchUpdateService } from './watch-update.service';
import { WatchesController } from './watches.controller';
import { WatchesService } from './watches.service';

/** Watches and their timeline. Plans and cancels check-ins through the check-ins module's planner. */
@Module({
  imports: [forwardRef(() => CheckInsModule)],
  controllers: [WatchesController],
  providers: [
    WatchesService,
    WatchUpdateService,
    WatchTransitionsService,
    WatchEventsService,
    OrganisationCalendars,
  ],
  exports: [WatchesService, WatchEventsService, OrganisationCalendars],
})
export class WatchesModule {}
