import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Dashboard, DashboardNeighbourhoods } from '@waakvlam/contracts';
import { CurrentSession } from '../../core/auth/current-session.decorator';
import { Roles } from '../../core/auth/roles.decorator';
import type { SessionUser } from '../../core/auth/session-user.interface';
import { TenantScope } from '../../core/database/tenant-scope.model';
import { DashboardNeighbourhoodsDto } from './dashboard-neighbourhoods.dto';
import { DashboardPeriodQueryDto } from './dashboard-period.query';
import { DashboardDto } from './dashboard.dto';
import { DashboardQueryDto } from './dashboard.query';
import { DashboardService } from './dashboard.service';

@ApiTags('dashboard')
@Controller('dashboard')
@Roles('admin', 'coordinator')
@ApiForbiddenResponse({ description: 'Not a coordinator or admin' })
export class DashboardController {
  constructor(private readonly dashboard: DashboardService) {}

  @Get()
  @ApiOperation({
    summary:
      'Watches by status; check-ins on time, late and missed; lapses; reactivations by source with median times, ' +
      'SLA breaches and restarts without intake; signals by category and partner with median time to feedback; ' +
      'per week and per caseworker',
  })
  @ApiOkResponse({ type: DashboardDto })
  @ApiBadRequestResponse({ description: 'A date is malformed, from is after to, or the period is over 731 days' })
  get(@CurrentSession() session: SessionUser, @Query() query: DashboardQueryDto): Promise<Dashboard> {
    return this.dashboard.dashboard(TenantScope.fromSession(session), query, new Date());
  }

  @Get('neighbourhoods')
  @ApiOperation({ summary: 'The same figures per wijk (the clients’ neighbourhood)' })
  @ApiOkResponse({ type: DashboardNeighbourhoodsDto })
  @ApiBadRequestResponse({ description: 'A date is malformed, from is after to, or the period is over 731 days' })
  neighbourhoods(
    @CurrentSession() session: SessionUser,
    @Query() query: DashboardPeriodQueryDto,
  ): Promise<DashboardNeighbourhoods> {
    return this.dashboard.neighbourhoods(TenantScope.fromSession(session), query, new Date());
  }
}
