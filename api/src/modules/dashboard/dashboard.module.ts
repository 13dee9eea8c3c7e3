import { Module } from '@nestjs/common';
import { OrganisationsModule } from '../organisations/organisations.module';
import { DashboardController } from './dashboard.controller';
import { DashboardService } from './dashboard.service';

/** `/api/dashboard`: the coordinator's figures, per week, caseworker and wijk. Reads other modules' tables only. */
@Module({
  imports: [OrganisationsModule],
  controllers: [DashboardController],
  providers: [DashboardService],
})
export class DashboardModule {}
