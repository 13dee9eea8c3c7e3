import { Controller, Get, NotFoundException, Param, ParseUUIDPipe } from '@nestjs/common';
import {
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { AccessReport } from '@waakvlam/contracts';
import { CurrentSession } from '../../core/auth/current-session.decorator';
import { Roles } from '../../core/auth/roles.decorator';
import type { SessionUser } from '../../core/auth/session-user.interface';
import { TenantScope } from '../../core/database/tenant-scope.model';
import { ClientsService } from '../clients/clients.service';
import { AccessReportDto } from './access-report.dto';
import { AuditedRead } from './audit-route.decorator';
import { AuditSubjectsFrom } from './audit-subjects.util';
import { ClientAccessReportService } from './client-access-report.service';

@ApiTags('audit')
@Controller('clients/:clientId/access-report')
@Roles('admin', 'coordinator', 'caseworker')
@ApiForbiddenResponse({ description: 'Partners have no access to clients' })
export class ClientAccessReportController {
  constructor(
    private readonly clients: ClientsService,
    private readonly reports: ClientAccessReportService,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      '"Wie heeft mijn gegevens bekeken": every use of the client\'s data in the audit log, newest first, in plain ' +
      'Dutch (who, what, why), for the client to read or print',
  })
  @ApiOkResponse({ type: AccessReportDto })
  @ApiNotFoundResponse({ description: 'No such client in your organisation (or not in your caseload)' })
  @AuditedRead('clients.access-report', {
    purpose: 'accountability',
    subjects: AuditSubjectsFrom.client('clientId'),
  })
  async report(
    @CurrentSession() session: SessionUser,
    @Param('clientId', new ParseUUIDPipe()) clientId: string,
  ): Promise<AccessReport> {
    const client = await this.clients.get(
      {
        scope: TenantScope.fromSession(session),
        caseworkerId: session.role === 'caseworker' ? session.userId : null,
      },
      clientId,
    );
    if (!client) throw new NotFoundException();
    return this.reports.report(session, client);
  }
}
