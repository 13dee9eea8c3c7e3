import {
  Body,
  Controller,
  Get,
  HttpCode,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Post,
  Req,
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
import type { ClientDataExport, ErasureResult } from '@waakvlam/contracts';
import type { FastifyRequest } from 'fastify';
import { CurrentSession } from '../../core/auth/current-session.decorator';
import { Roles } from '../../core/auth/roles.decorator';
import type { SessionUser } from '../../core/auth/session-user.interface';
import { TenantScope } from '../../core/database/tenant-scope.model';
import { AuditedDelete, AuditedExport } from '../audit/audit-route.decorator';
import { AuditSubjectsFrom } from '../audit/audit-subjects.util';
import { ClientDataExportDto } from './client-data-export.dto';
import { ClientDataExportService } from './client-data-export.service';
import { type ErasureActor, ClientErasureService } from './client-erasure.service';
import { ErasureRequestDto } from './erasure-request.dto';
import { ErasureResultDto } from './erasure-result.dto';

/** The audit event's who and from where. */
function actorOf(session: SessionUser, request: FastifyRequest): ErasureActor {
  const userAgent = request.headers['user-agent'];
  return {
    userId: session.userId,
    role: session.role,
    ip: request.ip,
    userAgent: typeof userAgent === 'string' ? userAgent : null,
    source: 'console',
  };
}

/** Residents' rights (AVG): the export of everything about a client, and erasure by anonymisation. */
@ApiTags('privacy')
@Controller('clients')
@Roles('admin', 'coordinator')
@ApiForbiddenResponse({ description: 'Only coordinators and admins' })
@ApiNotFoundResponse({ description: 'No such client in your organisation' })
export class ClientPrivacyController {
  constructor(
    private readonly exports: ClientDataExportService,
    private readonly erasure: ClientErasureService,
  ) {}

  @Get(':id/data-export')
  // The service records the export itself (in the export's snapshot); refusals and 404s are recorded here.
  @AuditedExport('clients.data-export', { subjects: AuditSubjectsFrom.client() })
  @ApiOperation({
    summary: 'Everything stored about the client, as one JSON document (AVG art. 15; audited as an export)',
  })
  @ApiOkResponse({ type: ClientDataExportDto })
  async export(
    @CurrentSession() session: SessionUser,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Req() request: FastifyRequest,
  ): Promise<ClientDataExport> {
    const result = await this.exports.export(TenantScope.fromSession(session), id, actorOf(session, request));
    if (!result) throw new NotFoundException();
    return result;
  }

  @Post(':id/erasure')
  // The service records the preview, the erasure and a refusal itself; other failures are recorded here.
  @AuditedDelete('clients.erasure', { purpose: 'accountability', subjects: AuditSubjectsFrom.client() })
  @HttpCode(200)
  @ApiOperation({
    summary: "Erase the client's data by anonymisation (AVG art. 17), or preview it with dryRun",
    description:
      'Refused (409 erasure-refused) while a watch is active, paused, lapsed or reactivated, a reactivation request ' +
      "or a partner signal is open, or the organisation's care-file retention runs. The preview answers 200 with " +
      'allowed and the refusals. Audited.',
  })
  @ApiOkResponse({ type: ErasureResultDto })
  @ApiBadRequestResponse({ description: 'No or an unknown reason, or a note over 500 characters' })
  @ApiConflictResponse({ description: 'erasure-refused: not allowed now; the detail names why' })
  async erase(
    @CurrentSession() session: SessionUser,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: ErasureRequestDto,
    @Req() request: FastifyRequest,
  ): Promise<ErasureResult> {
    const result = await this.erasure.erase(
      TenantScope.fromSession(session),
      id,
      body,
      actorOf(session, request),
    );
    if (!result) throw new NotFoundException();
    return result;
  }
}
