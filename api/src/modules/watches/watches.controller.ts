import {
  Body,
  Controller,
  Get,
  HttpCode,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import {
  WATCH_ACTIONS,
  type Page,
  type ReassignWatchesResult,
  type Watch,
  type WatchAction,
  type WatchEvent,
} from '@waakvlam/contracts';
import { CurrentSession } from '../../core/auth/current-session.decorator';
import { Roles } from '../../core/auth/roles.decorator';
import type { SessionUser } from '../../core/auth/session-user.interface';
import { TenantScope } from '../../core/database/tenant-scope.model';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuditedCsvExport } from '../audit/audited-csv-export.service';
import { CsvExportRoute } from '../audit/csv-export-route.decorator';
import { Idempotent } from '../../core/http/idempotency.decorator';
import { CreateWatchDto } from './create-watch.dto';
import { ListWatchesQuery } from './list-watches.query';
import { ReassignWatchesResultDto } from './reassign-watches-result.dto';
import { ReassignWatchesDto } from './reassign-watches.dto';
import { UpdateWatchDto } from './update-watch.dto';
import { WatchEventDto } from './watch-event.dto';
import { WatchEventsService } from './watch-events.service';
import { watchExport } from './watch-export.columns';
import { WatchReassignmentService } from './watch-reassignment.service';
import { WatchPageDto } from './watch-page.dto';
import { WatchTransitionDto } from './watch-transition.dto';
import { WatchTransitionsService } from './watch-transitions.service';
import { WatchUpdateService } from './watch-update.service';
import { WatchDto } from './watch.dto';
import { WatchesService, type WatchReader } from './watches.service';
import { AuditSubjectsFrom } from '../audit/audit-subjects.util';
import {
  AuditedCreate,
  AuditedExport,
  AuditedRead,
  AuditedSearch,
  AuditedUpdate,
} from '../audit/audit-route.decorator';

const reader = (session: SessionUser): WatchReader => ({
  scope: TenantScope.fromSession(session),
  caseworkerId: session.role === 'caseworker' ? session.userId : null,
});

@ApiTags('watches')
@Controller('watches')
@Roles('admin', 'coordinator', 'caseworker')
@ApiForbiddenResponse({ description: 'Your role may not do this (partners have no access to watches)' })
export class WatchesController {
  constructor(
    private readonly watches: WatchesService,
    private readonly updates: WatchUpdateService,
    private readonly transitions: WatchTransitionsService,
    private readonly events: WatchEventsService,
    private readonly reassignment: WatchReassignmentService,
    private readonly exports: AuditedCsvExport,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Watches of your organisation (a caseworker: their own); mine=true is "Mijn caseload"',
  })
  @ApiOkResponse({ type: WatchPageDto })
  @AuditedSearch('watches.search', { subjects: AuditSubjectsFrom.rowClients })
  list(@CurrentSession() session: SessionUser, @Query() query: ListWatchesQuery): Promise<Page<Watch>> {
    return this.watches.list(reader(session), query, session.userId);
  }

  @AuditedExport('watches.export')
  @CsvExportRoute('The watch list, with its filters')
  async export(
    @CurrentSession() session: SessionUser,
    @Query() query: ListWatchesQuery,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await this.exports.send(session, request, reply, watchExport(reader(session), query, session));
  }

  @Post()
  @HttpCode(201)
  @Roles('admin', 'coordinator')
  @ApiOperation({ summary: 'Start a watch for a client and plan its first check-in' })
  @ApiCreatedResponse({ type: WatchDto })
  @ApiBadRequestResponse({ description: 'A field is missing or wrong; the problem names it' })
  @ApiConflictResponse({ description: 'The client already has an open watch' })
  @AuditedCreate('watches.create', { subjects: AuditSubjectsFrom.bodyClient() })
  create(@CurrentSession() session: SessionUser, @Body() body: CreateWatchDto): Promise<Watch> {
    return this.watches.create(TenantScope.fromSession(session), session.userId, body);
  }

  @Post('reassign')
  @HttpCode(200)
  @Roles('admin', 'coordinator')
  @Idempotent()
  @ApiOperation({
    summary:
      'Bulk reassignment: make one caseworker the primary or backup of up to 500 watches (preview=true changes ' +
      'nothing); one caseworkers_changed event per changed watch, a retry changes nothing more',
  })
  @ApiOkResponse({ type: ReassignWatchesResultDto })
  @ApiBadRequestResponse({
    description: 'A field is wrong, or toCaseworkerId is not an active caseworker of your organisation',
  })
  @AuditedUpdate('watches.reassign', {
    purpose: 'coordination',
    subjects: AuditSubjectsFrom.bodyRecords('watchIds', 'watchIds'),
  })
  reassign(
    @CurrentSession() session: SessionUser,
    @Body() body: ReassignWatchesDto,
  ): Promise<ReassignWatchesResult> {
    return this.reassignment.reassign(TenantScope.fromSession(session), session.userId, body);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One watch' })
  @ApiOkResponse({ type: WatchDto })
  @ApiNotFoundResponse({ description: 'No such watch in your organisation (or not yours)' })
  @AuditedRead('watches.read', { subjects: AuditSubjectsFrom.record('watchIds') })
  async get(
    @CurrentSession() session: SessionUser,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<Watch> {
    const watch = await this.watches.get(reader(session), id);
    if (!watch) throw new NotFoundException();
    return watch;
  }

  @Patch(':id')
  @Roles('admin', 'coordinator')
  @ApiOperation({
    summary: 'Change caseworkers, cadence, agreements, signaleringsplan, review date or thresholds',
  })
  @ApiOkResponse({ type: WatchDto })
  @ApiBadRequestResponse({ description: 'A field is wrong; the problem names it' })
  @ApiNotFoundResponse({ description: 'No such watch in your organisation' })
  @ApiConflictResponse({ description: 'The watch has ended' })
  @AuditedUpdate('watches.update', { subjects: AuditSubjectsFrom.record('watchIds') })
  async update(
    @CurrentSession() session: SessionUser,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: UpdateWatchDto,
  ): Promise<Watch> {
    const watch = await this.updates.update(TenantScope.fromSession(session), session.userId, id, body);
    if (!watch) throw new NotFoundException();
    return watch;
  }

  @Get(':id/events')
  @ApiOperation({ summary: "The client's timeline: every event of the watch, newest first" })
  @ApiOkResponse({ type: [WatchEventDto] })
  @ApiNotFoundResponse({ description: 'No such watch in your organisation (or not yours)' })
  @AuditedRead('watches.timeline', { subjects: AuditSubjectsFrom.record('watchIds') })
  async timeline(
    @CurrentSession() session: SessionUser,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<WatchEvent[]> {
    if (!(await this.watches.get(reader(session), id))) throw new NotFoundException();
    return this.events.list(session.organisationId, id);
  }

  @Post(':id/:action')
  @HttpCode(200)
  @Roles('admin', 'coordinator')
  @ApiOperation({
    summary:
      'pause (active→paused), resume (paused→active), end (open→ended, reason required), reopen (ended→active)',
  })
  @ApiParam({ name: 'action', enum: WATCH_ACTIONS })
  @ApiOkResponse({ type: WatchDto })
  @ApiBadRequestResponse({ description: 'end without one of the end reasons' })
  @ApiNotFoundResponse({ description: 'No such watch in your organisation, or no such action' })
  @ApiConflictResponse({
    description: 'Not allowed from the current status (or the reopen period has passed)',
  })
  @AuditedUpdate('watches.transition', { subjects: AuditSubjectsFrom.record('watchIds') })
  async transition(
    @CurrentSession() session: SessionUser,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('action') action: string,
    @Body() body: WatchTransitionDto,
  ): Promise<Watch> {
    if (!(WATCH_ACTIONS as readonly string[]).includes(action)) throw new NotFoundException();
    const watch = await this.transitions.apply(
      TenantScope.fromSession(session),
      session.userId,
      id,
      action as WatchAction,
      body,
    );
    if (!watch) throw new NotFoundException();
    return watch;
  }
}
