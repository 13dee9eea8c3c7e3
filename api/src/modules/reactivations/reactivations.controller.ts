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
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type {
  Page,
  ReactivationCreated,
  ReactivationMetrics,
  ReactivationRequest,
  ReactivationRequestDetail,
} from '@waakvlam/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentSession } from '../../core/auth/current-session.decorator';
import { Roles } from '../../core/auth/roles.decorator';
import type { SessionUser } from '../../core/auth/session-user.interface';
import { TenantScope } from '../../core/database/tenant-scope.model';
import { Idempotent } from '../../core/http/idempotency.decorator';
import { AuditedCsvExport } from '../audit/audited-csv-export.service';
import { CsvExportRoute } from '../audit/csv-export-route.decorator';
import { fieldProblem } from '../clients/field-problem.util';
import { AssignReactivationDto } from './assign-reactivation.dto';
import { CancelReactivationDto } from './cancel-reactivation.dto';
import { CreateReactivationDto } from './create-reactivation.dto';
import { ListReactivationsQuery } from './list-reactivations.query';
import { ReactivationAssignmentsService } from './reactivation-assignments.service';
import { ReactivationCreatedDto } from './reactivation-created.dto';
import { ReactivationCreationService } from './reactivation-creation.service';
import { ReactivationDetailDto } from './reactivation-detail.dto';
import { reactivationExport } from './reactivation-export.columns';
import { ReactivationMetricsDto } from './reactivation-metrics.dto';
import { ReactivationMetricsQuery } from './reactivation-metrics.query';
import { ReactivationMetricsService } from './reactivation-metrics.service';
import { ReactivationPageDto } from './reactivation-page.dto';
import { ReactivationQueriesService } from './reactivation-queries.service';
import {
  type ReactivationActor,
  ReactivationTransitionsService,
  type TransitionInput,
  readerOf,
} from './reactivation-transitions.service';
import { ResolveReactivationDto } from './resolve-reactivation.dto';
import { AuditSubjectsFrom } from '../audit/audit-subjects.util';
import {
  AuditExempt,
  AuditedCreate,
  AuditedExport,
  AuditedRead,
  AuditedSearch,
  AuditedUpdate,
} from '../audit/audit-route.decorator';

const actorOf = (session: SessionUser): ReactivationActor => ({
  scope: TenantScope.fromSession(session),
  userId: session.userId,
  role: session.role,
});

const DAY_MS = 86_400_000;

@ApiTags('reactivations')
@Controller('reactivations')
@Roles('admin', 'coordinator', 'caseworker')
@ApiForbiddenResponse({ description: 'Your role may not do this (partners have no access to reactivations)' })
export class ReactivationsController {
  constructor(
    private readonly queries: ReactivationQueriesService,
    private readonly creation: ReactivationCreationService,
    private readonly transitions: ReactivationTransitionsService,
    private readonly assignments: ReactivationAssignmentsService,
    private readonly metrics: ReactivationMetricsService,
    private readonly exports: AuditedCsvExport,
  ) {}

  @Get('metrics')
  @Roles('admin', 'coordinator')
  @ApiOperation({
    summary:
      'Time from request to acceptance and to first contact (median, p90), requests per source, breaches',
  })
  @ApiOkResponse({ type: ReactivationMetricsDto })
  @ApiBadRequestResponse({ description: 'from or to is not a date-time, or from is not before to' })
  @AuditExempt('figures per source and period; names no client')
  getMetrics(
    @CurrentSession() session: SessionUser,
    @Query() query: ReactivationMetricsQuery,
  ): Promise<ReactivationMetrics> {
    const to = query.to ? new Date(query.to) : new Date();
    const from = query.from ? new Date(query.from) : new Date(to.getTime() - 30 * DAY_MS);
    if (from >= to) throw fieldProblem('from', 'must be before to');
    return this.metrics.forPeriod(TenantScope.fromSession(session), from, to);
  }

  @Get()
  @ApiOperation({
    summary:
      'Reactivation requests of your organisation, newest first or by SLA deadline (a caseworker: assigned to ' +
      'them or on their watches)',
  })
  @ApiOkResponse({ type: ReactivationPageDto })
  @AuditedSearch('reactivations.search', { subjects: AuditSubjectsFrom.rowClients })
  list(
    @CurrentSession() session: SessionUser,
    @Query() query: ListReactivationsQuery,
  ): Promise<Page<ReactivationRequest>> {
    return this.queries.list(readerOf(actorOf(session)), query);
  }

  @AuditedExport('reactivations.export')
  @CsvExportRoute('The reactivation list, with its filters and order')
  async export(
    @CurrentSession() session: SessionUser,
    @Query() query: ListReactivationsQuery,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await this.exports.send(
      session,
      request,
      reply,
      reactivationExport(readerOf(actorOf(session)), query, session),
    );
  }

  @Post()
  @HttpCode(201)
  @Idempotent()
  @ApiOperation({
    summary:
      'Restart support on a watch without intake: opens a request (assigned to the primary caseworker, else the ' +
      'backup, else the pool) or adds the reason to the open one',
  })
  @ApiCreatedResponse({ type: ReactivationCreatedDto })
  @ApiBadRequestResponse({ description: 'A field is missing or wrong; the problem names it' })
  @ApiNotFoundResponse({ description: 'No such watch in your organisation (or not yours)' })
  @AuditedCreate('reactivations.create', { subjects: AuditSubjectsFrom.bodyRecords('watchIds', 'watchId') })
  create(
    @CurrentSession() session: SessionUser,
    @Body() body: CreateReactivationDto,
  ): Promise<ReactivationCreated> {
    return this.creation.create(actorOf(session), body);
  }

  @Get(':id')
  @ApiOperation({
    summary: 'One request, with the consent, agreements, signaleringsplan and history of its watch',
  })
  @ApiOkResponse({ type: ReactivationDetailDto })
  @ApiNotFoundResponse({ description: 'No such request in your organisation (or not yours)' })
  @AuditedRead('reactivations.read', { subjects: AuditSubjectsFrom.record('reactivationIds') })
  async get(
    @CurrentSession() session: SessionUser,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<ReactivationRequestDetail> {
    const request = await this.queries.get(readerOf(actorOf(session)), id);
    if (!request) throw new NotFoundException();
    return request;
  }

  @Post(':id/accept')
  @HttpCode(200)
  @Idempotent()
  @ApiOperation({ summary: 'open → accepted (the assignee or a coordinator); the watch becomes reactivated' })
  @ApiOkResponse({ type: ReactivationDetailDto })
  @ApiNotFoundResponse({ description: 'No such request in your organisation (or not yours)' })
  @ApiConflictResponse({ description: 'Not open (or the watch has ended)' })
  @AuditedUpdate('reactivations.accept', { subjects: AuditSubjectsFrom.record('reactivationIds') })
  accept(@CurrentSession() session: SessionUser, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.transition(session, id, { action: 'accept' });
  }

  @Post(':id/contacted')
  @HttpCode(200)
  @Idempotent()
  @ApiOperation({ summary: 'accepted → contacted: the first contact is made (stops the SLA clock)' })
  @ApiOkResponse({ type: ReactivationDetailDto })
  @ApiNotFoundResponse({ description: 'No such request in your organisation (or not yours)' })
  @ApiConflictResponse({ description: 'Not accepted' })
  @AuditedUpdate('reactivations.contacted', { subjects: AuditSubjectsFrom.record('reactivationIds') })
  contacted(@CurrentSession() session: SessionUser, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.transition(session, id, { action: 'contacted' });
  }

  @Post(':id/resolve')
  @HttpCode(200)
  @Idempotent()
  @ApiOperation({
    summary: 'contacted → resolved; back_to_watch returns the watch to active with a fresh check-in plan',
  })
  @ApiOkResponse({ type: ReactivationDetailDto })
  @ApiBadRequestResponse({ description: 'No or an unknown resolution' })
  @ApiNotFoundResponse({ description: 'No such request in your organisation (or not yours)' })
  @ApiConflictResponse({ description: 'Not contacted (or the watch has ended)' })
  @AuditedUpdate('reactivations.resolve', { subjects: AuditSubjectsFrom.record('reactivationIds') })
  resolve(
    @CurrentSession() session: SessionUser,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: ResolveReactivationDto,
  ) {
    return this.transition(session, id, { action: 'resolve', resolution: body.resolution, note: body.note });
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Idempotent()
  @ApiOperation({ summary: 'open, accepted or contacted → cancelled, with a reason' })
  @ApiOkResponse({ type: ReactivationDetailDto })
  @ApiNotFoundResponse({ description: 'No such request in your organisation (or not yours)' })
  @ApiConflictResponse({ description: 'Already resolved or cancelled' })
  @AuditedUpdate('reactivations.cancel', { subjects: AuditSubjectsFrom.record('reactivationIds') })
  cancel(
    @CurrentSession() session: SessionUser,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: CancelReactivationDto,
  ) {
    return this.transition(session, id, { action: 'cancel', reason: body.reason });
  }

  @Post(':id/assign')
  @HttpCode(200)
  @Roles('admin', 'coordinator')
  @Idempotent()
  @ApiOperation({
    summary: 'Give an open request to a caseworker or coordinator (from the pool, or reassign)',
  })
  @ApiOkResponse({ type: ReactivationDetailDto })
  @ApiBadRequestResponse({ description: 'assigneeId is not an active caseworker or coordinator of yours' })
  @ApiNotFoundResponse({ description: 'No such request in your organisation' })
  @ApiConflictResponse({ description: 'Already resolved or cancelled' })
  @AuditedUpdate('reactivations.assign', { subjects: AuditSubjectsFrom.record('reactivationIds') })
  async assign(
    @CurrentSession() session: SessionUser,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: AssignReactivationDto,
  ): Promise<ReactivationRequestDetail> {
    const request = await this.assignments.assign(actorOf(session), id, body.assigneeId);
    if (!request) throw new NotFoundException();
    return request;
  }

  private async transition(
    session: SessionUser,
    id: string,
    input: TransitionInput,
  ): Promise<ReactivationRequestDetail> {
    const request = await this.transitions.apply(actorOf(session), id, input);
    if (!request) throw new NotFoundException();
    return request;
  }
}
