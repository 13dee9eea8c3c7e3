import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { PartnerOrganisationSummary } from '@waakvlam/contracts';
import { CurrentSession } from '../../core/auth/current-session.decorator';
import { Roles } from '../../core/auth/roles.decorator';
import type { SessionUser } from '../../core/auth/session-user.interface';
import { TenantScope } from '../../core/database/tenant-scope.model';
import { PartnerOrganisationSummaryDto } from './partner-organisation-summary.dto';
import { PartnerOrganisationsService } from './partner-organisations.service';
import { AuditExempt } from '../audit/audit-route.decorator';

@ApiTags('organisations')
@AuditExempt('partner organisations; no client data')
@Controller('partner-organisations')
@Roles('admin', 'coordinator', 'caseworker')
export class PartnerOrganisationsController {
  constructor(private readonly partners: PartnerOrganisationsService) {}

  @Get()
  @ApiOperation({
    summary: "Your organisation's chain partners (ketenpartners), e.g. for a resident's sharing consent",
  })
  @ApiOkResponse({ type: [PartnerOrganisationSummaryDto] })
  list(@CurrentSession() session: SessionUser): Promise<PartnerOrganisationSummary[]> {
    return this.partners.list(TenantScope.fromSession(session));
  }
}
