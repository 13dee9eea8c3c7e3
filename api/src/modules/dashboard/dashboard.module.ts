import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { OrganisationsModule } from '../organisations/organisations.module';
import { CheckInTallies } from './check-in-tallies.service';
import { CheckInTallyCompactProcessor } from './check-in-tally-compact.processor';
import { DashboardController } from './dashboard.controller';
import { DashboardService } from './dashboard.service';

/** `/api/dashboard`: the coordinator's figures, per week, caseworker and wijk. Reads other modules' tables, and keeps the
 * check-in tallies (their triggers are in the database) folded. */
@Module({
  imports: [OrganisationsModule, AuditModule],
  controllers: [DashboardController],
  providers: [DashboardService, CheckInTallies, CheckInTallyCompactProcessor],
  exports: [CheckInTallies],
})
export class DashboardModule {}
