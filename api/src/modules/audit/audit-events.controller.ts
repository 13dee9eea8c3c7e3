import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuditEvent, Page } from '@waakvlam/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentSession } from '../../core/auth/current-session.decorator';
import { Roles } from '../../core/auth/roles.decorator';
import type { SessionUser } from '../../core/auth/session-user.interface';
import { TenantScope } from '../../core/database/tenant-scope.model';
import { AuditEventPageDto } from './audit-event-page.dto';
import { AuditEventsService } from './audit-events.service';
import { auditEventExport } from './audit-export.columns';
import { AuditedExport, AuditedSearch } from './audit-route.decorator';
import { AuditSubjectsFrom } from './audit-subjects.util';
import { AuditedCsvExport } from './audited-csv-export.service';
import { CsvExportRoute } from './csv-export-route.decorator';
import { ListAuditEventsQuery } from './list-audit-events.query';

@ApiTags('audit')
@Controller('audit-events')
@Roles('admin', 'coordinator')
@ApiForbiddenResponse({ description: 'Only coordinators and admins read the audit log' })
export class AuditEventsController {
  constructor(
    private readonly events: AuditEventsService,
    private readonly exports: AuditedCsvExport,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      "Your organisation's audit log (NEN 7513), newest first: who did what with whose data, when, from where " +
      'and why; filter by period, user, client, action, outcome and resource',
  })
  @ApiOkResponse({ type: AuditEventPageDto })
  @AuditedSearch('audit-events.search', { purpose: 'accountability', subjects: AuditSubjectsFrom.none })
  list(
    @CurrentSession() session: SessionUser,
    @Query() query: ListAuditEventsQuery,
  ): Promise<Page<AuditEvent>> {
    return this.events.list(TenantScope.fromSession(session), query);
  }

  @AuditedExport('audit-events.export')
  @CsvExportRoute('The audit log, with its filters')
  async export(
    @CurrentSession() session: SessionUser,
    @Query() query: ListAuditEventsQuery,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await this.exports.send(session, request, reply, auditEventExport(query, session));
  }
}
