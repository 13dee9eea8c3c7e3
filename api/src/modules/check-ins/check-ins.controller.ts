import {
  Body,
  Controller,
  Get,
  HttpCode,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { CheckIn, CheckInOverviewItem, Page } from '@waakvlam/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentSession } from '../../core/auth/current-session.decorator';
import { Roles } from '../../core/auth/roles.decorator';
import type { SessionUser } from '../../core/auth/session-user.interface';
import { TenantScope } from '../../core/database/tenant-scope.model';
import { AuditedCsvExport } from '../audit/audited-csv-export.service';
import { CsvExportRoute } from '../audit/csv-export-route.decorator';
import { fieldProblem } from '../clients/field-problem.util';
import { checkInExport } from './check-in-export.columns';
import { CheckInOverviewPageDto } from './check-in-overview-page.dto';
import { CheckInOverviewQuery } from './check-in-overview.query';
import { CheckInOverviewService } from './check-in-overview.service';
import { CheckInCompletionService } from './check-in-completion.service';
import { CheckInDto } from './check-in.dto';
import { CheckInsService } from './check-ins.service';
import { CompleteCheckInDto } from './complete-check-in.dto';
import { ListCheckInsQuery } from './list-check-ins.query';
import { AuditSubjectsFrom } from '../audit/audit-subjects.util';
import { AuditedExport, AuditedSearch, AuditedUpdate } from '../audit/audit-route.decorator';

@ApiTags('check-ins')
@Controller('check-ins')
@Roles('admin', 'coordinator', 'caseworker')
@ApiForbiddenResponse({ description: 'Partners have no access to check-ins' })
export class CheckInsController {
  constructor(
    private readonly checkIns: CheckInsService,
    private readonly completion: CheckInCompletionService,
    private readonly overviews: CheckInOverviewService,
    private readonly exports: AuditedCsvExport,
  ) {}

  @Get('overview')
  @Roles('admin', 'coordinator')
  @ApiOperation({
    summary:
      "Check-ins due in a period (the dashboard's drill-down), newest due first, with how each turned out; " +
      'cancelled ones are left out',
  })
  @ApiOkResponse({ type: CheckInOverviewPageDto })
  @ApiBadRequestResponse({
    description: 'A filter is wrong (e.g. dueTo before dueFrom); the problem names it',
  })
  @AuditedSearch('check-ins.overview', { purpose: 'coordination', subjects: AuditSubjectsFrom.rowClients })
  overview(
    @CurrentSession() session: SessionUser,
    @Query() query: CheckInOverviewQuery,
  ): Promise<Page<CheckInOverviewItem>> {
    return this.overviews.list(TenantScope.fromSession(session), query);
  }

  @AuditedExport('check-ins.export')
  @CsvExportRoute('The check-in overview, with its filters', 'overview/export.csv')
  async exportOverview(
    @CurrentSession() session: SessionUser,
    @Query() query: CheckInOverviewQuery,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await this.exports.send(session, request, reply, checkInExport(query, session));
  }

  @Get()
  @ApiOperation({ summary: "Your planned check-ins for a view (?view=), or a watch's history (?watchId=)" })
  @ApiOkResponse({ type: [CheckInDto] })
  @ApiBadRequestResponse({ description: 'Neither or both of view and watchId' })
  @ApiNotFoundResponse({ description: 'No such watch in your organisation (or not yours)' })
  @AuditedSearch('check-ins.list', { subjects: AuditSubjectsFrom.rowClients })
  async list(@CurrentSession() session: SessionUser, @Query() query: ListCheckInsQuery): Promise<CheckIn[]> {
    const scope = TenantScope.fromSession(session);
    if (query.view && query.watchId) throw fieldProblem('watchId', 'give either view or watchId, not both');
    if (query.view) return this.checkIns.view(scope, session.userId, query.view);
    if (!query.watchId) throw fieldProblem('view', 'give view or watchId');
    const history = await this.checkIns.history(
      scope,
      session.role === 'caseworker' ? session.userId : null,
      query.watchId,
    );
    if (!history) throw new NotFoundException();
    return history;
  }

  @Post(':id/complete')
  @HttpCode(200)
  @ApiOperation({ summary: 'Record the outcome of a check-in; plans the next one and may adapt the cadence' })
  @ApiOkResponse({ type: CheckInDto })
  @ApiBadRequestResponse({ description: 'A field is missing or wrong; the problem names it' })
  @ApiNotFoundResponse({ description: 'No such check-in in your organisation (or not on your watch)' })
  @ApiConflictResponse({ description: 'The check-in is done, missed or cancelled' })
  @AuditedUpdate('check-ins.complete', { subjects: AuditSubjectsFrom.record('checkInIds') })
  async complete(
    @CurrentSession() session: SessionUser,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: CompleteCheckInDto,
  ): Promise<CheckIn> {
    const checkIn = await this.completion.complete(
      TenantScope.fromSession(session),
      { userId: session.userId, isCaseworker: session.role === 'caseworker' },
      id,
      body,
    );
    if (!checkIn) throw new NotFoundException();
    return checkIn;
  }
}
