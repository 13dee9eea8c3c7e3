import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Dashboard, DashboardNeighbourhoods } from '@waakvlam/contracts';
import { WorkingCalendar } from '@waakvlam/schedule';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentSession } from '../../core/auth/current-session.decorator';
import { Roles } from '../../core/auth/roles.decorator';
import type { SessionUser } from '../../core/auth/session-user.interface';
import { TenantScope } from '../../core/database/tenant-scope.model';
import { csvFileName, csvHead, csvRow } from '../../core/http/csv.util';
import { AuditService } from '../audit/audit.service';
import { DASHBOARD_CSV_COLUMNS, dashboardCsvRows } from './dashboard-csv.util';
import { DashboardNeighbourhoodsDto } from './dashboard-neighbourhoods.dto';
import { DashboardPeriodQueryDto } from './dashboard-period.query';
import { DashboardDto } from './dashboard.dto';
import { DashboardQueryDto } from './dashboard.query';
import { DashboardService } from './dashboard.service';
import { AuditExempt, AuditedExport } from '../audit/audit-route.decorator';

@ApiTags('dashboard')
@Controller('dashboard')
@Roles('admin', 'coordinator')
@ApiForbiddenResponse({ description: 'Not a coordinator or admin' })
export class DashboardController {
  constructor(
    private readonly dashboard: DashboardService,
    private readonly audit: AuditService,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      'Watches by status; check-ins on time, late and missed; lapses; reactivations by source with median times, ' +
      'SLA breaches and restarts without intake; signals by category and partner with median time to feedback; ' +
      'per week and per caseworker',
  })
  @ApiOkResponse({ type: DashboardDto })
  @ApiBadRequestResponse({
    description: 'A date is malformed, from is after to, or the period is over 731 days',
  })
  @AuditExempt('aggregate figures; names no client (its drill-down lists are audited)')
  get(@CurrentSession() session: SessionUser, @Query() query: DashboardQueryDto): Promise<Dashboard> {
    return this.dashboard.dashboard(TenantScope.fromSession(session), query, new Date());
  }

  @Get('neighbourhoods')
  @ApiOperation({ summary: 'The same figures per wijk (the clients’ neighbourhood)' })
  @ApiOkResponse({ type: DashboardNeighbourhoodsDto })
  @ApiBadRequestResponse({
    description: 'A date is malformed, from is after to, or the period is over 731 days',
  })
  @AuditExempt('aggregate figures per wijk; names no client')
  neighbourhoods(
    @CurrentSession() session: SessionUser,
    @Query() query: DashboardPeriodQueryDto,
  ): Promise<DashboardNeighbourhoods> {
    return this.dashboard.neighbourhoods(TenantScope.fromSession(session), query, new Date());
  }

  @Get('export.csv')
  @ApiOperation({
    summary: 'The dashboard as CSV, one line per figure (semicolon-separated, UTF-8 with BOM; audited)',
    description: 'Takes the dashboard’s filters. Every export is recorded in the audit log with its filters.',
  })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'The CSV file (Content-Disposition: attachment)' })
  @ApiBadRequestResponse({
    description: 'A date is malformed, from is after to, or the period is over 731 days',
  })
  @AuditedExport('dashboard.export')
  async export(
    @CurrentSession() session: SessionUser,
    @Query() query: DashboardQueryDto,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const now = new Date();
    const d = await this.dashboard.dashboard(TenantScope.fromSession(session), query, now);
    const name = d.caseworkerId === null ? null : (d.caseworkers[0]?.name ?? null);
    const rows = dashboardCsvRows(d, name);
    const text =
      csvHead(DASHBOARD_CSV_COLUMNS) + rows.map((row) => csvRow(DASHBOARD_CSV_COLUMNS, row)).join('');
    const userAgent = request.headers['user-agent'];
    // Aggregates only, no client's data; still an export of the organisation's figures, so it is logged first.
    await this.audit.record({
      organisationId: session.organisationId,
      action: 'export',
      userId: session.userId,
      role: session.role,
      resource: 'dashboard.export',
      ip: request.ip,
      userAgent: typeof userAgent === 'string' ? userAgent : null,
      source: 'console',
      details: { filters: { ...query }, rows: rows.length },
    });
    const day = new WorkingCalendar({ timeZone: session.timeZone }).today(now);
    await reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${csvFileName('overzicht', day)}"`)
      .header('cache-control', 'no-store')
      .send(text);
  }
}
