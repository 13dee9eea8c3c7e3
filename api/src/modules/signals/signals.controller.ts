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
  ApiExtraModels,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiSecurity,
  ApiTags,
  ApiUnauthorizedResponse,
  getSchemaPath,
} from '@nestjs/swagger';
import {
  PROBLEM_TYPES,
  type Page,
  type PartnerSignal,
  type Signal,
  type SignalCandidate,
  type SignalMetrics,
} from '@waakvlam/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AcceptsApiKey } from '../../core/auth/api-key.decorator';
import { CurrentSession } from '../../core/auth/current-session.decorator';
import { Roles } from '../../core/auth/roles.decorator';
import type { SessionUser } from '../../core/auth/session-user.interface';
import { TenantScope } from '../../core/database/tenant-scope.model';
import { Idempotent } from '../../core/http/idempotency.decorator';
import { ProblemException } from '../../core/http/problem.exception';
import { AuditedCsvExport } from '../audit/audited-csv-export.service';
import { CsvExportRoute } from '../audit/csv-export-route.decorator';
import { CreateSignalDto } from './create-signal.dto';
import { HandleSignalDto } from './handle-signal.dto';
import { ListSignalsQuery } from './list-signals.query';
import { PartnerSignalPageDto } from './partner-signal-page.dto';
import { PartnerSignalViews } from './partner-signal-views.service';
import { PartnerSignalDto } from './partner-signal.dto';
import { SignalCandidateDto } from './signal-candidate.dto';
import { signalExport } from './signal-export.columns';
import { SignalIntakeService } from './signal-intake.service';
import { SignalMetricsDto } from './signal-metrics.dto';
import { SignalMetricsQuery } from './signal-metrics.query';
import { SignalMetricsService } from './signal-metrics.service';
import { CurrentSignalPrincipal, type SignalPrincipal } from './signal-principal.decorator';
import { SignalPageDto } from './signal-page.dto';
import { SignalTriageService } from './signal-triage.service';
import { SignalViews } from './signal-views.service';
import { SignalDto } from './signal.dto';
import { TriageSignalDto } from './triage-signal.dto';
import { AuditSubjectsFrom } from '../audit/audit-subjects.util';
import {
  AuditExempt,
  AuditedCreate,
  AuditedExport,
  AuditedRead,
  AuditedSearch,
  AuditedUpdate,
} from '../audit/audit-route.decorator';

const API_KEY_NOTE =
  ' Partner systems may call it with their API key (`X-Api-Key` or `Authorization: Bearer`) instead of a session.';

const either = (staff: object, partner: object) => ({
  schema: { oneOf: [{ $ref: getSchemaPath(staff as never) }, { $ref: getSchemaPath(partner as never) }] },
});

@ApiTags('signals')
@Controller('signals')
@ApiExtraModels(SignalDto, PartnerSignalDto, SignalPageDto, PartnerSignalPageDto)
@ApiUnauthorizedResponse({ description: 'Not signed in, or an unknown or revoked API key' })
@ApiForbiddenResponse({ description: 'Your role does not give access to this' })
export class SignalsController {
  constructor(
    private readonly intake: SignalIntakeService,
    private readonly views: SignalViews,
    private readonly partnerViews: PartnerSignalViews,
    private readonly triages: SignalTriageService,
    private readonly metricsService: SignalMetricsService,
    private readonly exports: AuditedCsvExport,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles('partner')
  @AcceptsApiKey()
  @Idempotent()
  @ApiSecurity('partner-api-key')
  @ApiOperation({
    summary:
      'A partner reports a worry: about a client (by the reference you were given) or an address. The answer is ' +
      'the same whether or not the reference is known.' +
      API_KEY_NOTE,
  })
  @ApiCreatedResponse({ type: PartnerSignalDto })
  @ApiBadRequestResponse({ description: 'A field is missing or wrong; the problem names it' })
  @AuditedCreate('signals.create', { subjects: AuditSubjectsFrom.createdRecord('signalIds') })
  create(
    @CurrentSignalPrincipal() principal: SignalPrincipal,
    @Body() body: CreateSignalDto,
  ): Promise<PartnerSignal> {
    if (principal.kind !== 'partner') throw new ProblemException(PROBLEM_TYPES.forbidden, 403, 'Not allowed');
    return this.intake.create(principal, body, new Date());
  }

  @Get()
  @Roles('admin', 'coordinator', 'partner')
  @AcceptsApiKey()
  @ApiSecurity('partner-api-key')
  @ApiOperation({
    summary:
      'Signals, newest first. Coordinators and admins: every signal of the organisation (Signal). A partner: only ' +
      "its own organisation's signals, as the partner sees them (PartnerSignal)." +
      API_KEY_NOTE,
  })
  @ApiOkResponse(either(SignalPageDto, PartnerSignalPageDto))
  @AuditedSearch('signals.search', { subjects: AuditSubjectsFrom.rowRecords('signalIds') })
  list(
    @CurrentSignalPrincipal() principal: SignalPrincipal,
    @Query() query: ListSignalsQuery,
  ): Promise<Page<Signal> | Page<PartnerSignal>> {
    return principal.kind === 'partner'
      ? this.partnerViews.list(principal, query)
      : this.views.list(TenantScope.fromSession(principal), query);
  }

  @AuditedExport('signals.export')
  @CsvExportRoute('The signal list, with its filters')
  async export(
    @CurrentSession() session: SessionUser,
    @Query() query: ListSignalsQuery,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await this.exports.send(session, request, reply, signalExport(query, session));
  }

  @Get('metrics')
  @Roles('admin', 'coordinator')
  @ApiOperation({
    summary:
      'Time from signal to first feedback (median, 90th percentile) and counts per category and status',
  })
  @ApiOkResponse({ type: SignalMetricsDto })
  @ApiBadRequestResponse({ description: 'from is after to, or the period is too long' })
  @AuditExempt('figures per category and status; names no client')
  metrics(
    @CurrentSession() session: SessionUser,
    @Query() query: SignalMetricsQuery,
  ): Promise<SignalMetrics> {
    return this.metricsService.metrics(TenantScope.fromSession(session), query, new Date());
  }

  @Get(':id')
  @Roles('admin', 'coordinator', 'partner')
  @AcceptsApiKey()
  @ApiSecurity('partner-api-key')
  @ApiOperation({
    summary:
      'One signal: the full view for coordinators and admins, the partner view for its own partner.' +
      API_KEY_NOTE,
  })
  @ApiOkResponse(either(SignalDto, PartnerSignalDto))
  @ApiNotFoundResponse({ description: 'No such signal (or, for a partner, not one of its own)' })
  @AuditedRead('signals.read', { subjects: AuditSubjectsFrom.record('signalIds') })
  async get(
    @CurrentSignalPrincipal() principal: SignalPrincipal,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<Signal | PartnerSignal> {
    const signal =
      principal.kind === 'partner'
        ? await this.partnerViews.get(principal, id)
        : await this.views.get(TenantScope.fromSession(principal), id);
    if (!signal) throw new NotFoundException();
    return signal;
  }

  @Get(':id/candidates')
  @Roles('admin', 'coordinator')
  @ApiOperation({
    summary: "Clients at an address signal's address, to link the signal to one of their watches",
  })
  @ApiOkResponse({ type: [SignalCandidateDto] })
  @ApiNotFoundResponse({ description: 'No such signal in your organisation' })
  @AuditedRead('signals.candidates', { subjects: AuditSubjectsFrom.candidates('signalIds') })
  async candidates(
    @CurrentSession() session: SessionUser,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<SignalCandidate[]> {
    const candidates = await this.views.candidates(TenantScope.fromSession(session), id);
    if (!candidates) throw new NotFoundException();
    return candidates;
  }

  @Post(':id/triage')
  @HttpCode(200)
  @Roles('admin', 'coordinator')
  @ApiOperation({
    summary:
      'Triage a received signal: link it to a watch (opens or joins its reactivation), forward it, or take no ' +
      'action; the partner gets feedback by e-mail and in the portal',
  })
  @ApiOkResponse({ type: SignalDto })
  @ApiBadRequestResponse({ description: 'A field is missing or wrong; the problem names it' })
  @ApiNotFoundResponse({ description: 'No such signal in your organisation' })
  @ApiConflictResponse({ description: 'The signal is not received (already triaged)' })
  @AuditedUpdate('signals.triage', { subjects: AuditSubjectsFrom.record('signalIds') })
  async triage(
    @CurrentSession() session: SessionUser,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: TriageSignalDto,
  ): Promise<Signal> {
    const signal = await this.triages.triage(
      TenantScope.fromSession(session),
      session.userId,
      id,
      body,
      new Date(),
    );
    if (!signal) throw new NotFoundException();
    return signal;
  }

  @Post(':id/handle')
  @HttpCode(200)
  @Roles('admin', 'coordinator')
  @ApiOperation({
    summary: 'Mark a triaged signal handled; the partner gets feedback by e-mail and in the portal',
  })
  @ApiOkResponse({ type: SignalDto })
  @ApiNotFoundResponse({ description: 'No such signal in your organisation' })
  @ApiConflictResponse({ description: 'The signal is not triaged' })
  @AuditedUpdate('signals.handle', { subjects: AuditSubjectsFrom.record('signalIds') })
  async handle(
    @CurrentSession() session: SessionUser,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: HandleSignalDto,
  ): Promise<Signal> {
    const signal = await this.triages.handle(
      TenantScope.fromSession(session),
      session.userId,
      id,
      body,
      new Date(),
    );
    if (!signal) throw new NotFoundException();
    return signal;
  }
}
