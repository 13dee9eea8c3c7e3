import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { OrganisationsModule } from '../organisations/organisations.module';
import { DashboardController } from './dashboard.controller';
import { DashboardService } from './dashboard.service';

/** `/api/dashboard`: the coordinator's figures, per week, caseworker and wijk. Reads other modules' tables only. */
@Module({
  imports: [OrganisationsModule, AuditModule],
  controllers: [DashboardController],
  providers: [DashboardService],
})
export class DashboardModule {}
