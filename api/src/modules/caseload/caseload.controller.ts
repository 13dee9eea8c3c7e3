import { Controller, Get } from '@nestjs/common';
import { ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CaseloadBalance } from '@waakvlam/contracts';
import { CurrentSession } from '../../core/auth/current-session.decorator';
import { Roles } from '../../core/auth/roles.decorator';
import type { SessionUser } from '../../core/auth/session-user.interface';
import { TenantScope } from '../../core/database/tenant-scope.model';
import { CaseloadBalanceDto } from './caseload-balance.dto';
import { CaseloadBalanceService } from './caseload-balance.service';
import { AuditExempt } from '../audit/audit-route.decorator';

@ApiTags('caseload')
@AuditExempt('figures per caseworker; names no client')
@Controller('caseload-balance')
@Roles('admin', 'coordinator')
@ApiForbiddenResponse({ description: 'Only coordinators and admins see the caseload balance' })
export class CaseloadController {
  constructor(private readonly balance: CaseloadBalanceService) {}

  @Get()
  @ApiOperation({
    summary:
      'Per active caseworker: open watches as primary and backup, planned check-ins due this week (Monday–Sunday, ' +
      'organisation calendar) and overdue, open reactivations, capacity, and her current or next absence',
  })
  @ApiOkResponse({ type: CaseloadBalanceDto })
  get(@CurrentSession() session: SessionUser): Promise<CaseloadBalance> {
    return this.balance.balance(TenantScope.fromSession(session));
  }
}
