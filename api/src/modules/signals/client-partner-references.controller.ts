import { Controller, Get, NotFoundException, Param, ParseUUIDPipe } from '@nestjs/common';
import {
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { ClientPartnerReference } from '@waakvlam/contracts';
import { CurrentSession } from '../../core/auth/current-session.decorator';
import { Roles } from '../../core/auth/roles.decorator';
import type { SessionUser } from '../../core/auth/session-user.interface';
import { TenantScope } from '../../core/database/tenant-scope.model';
import { ClientPartnerReferenceDto } from './client-partner-reference.dto';
import { ClientPartnerReferencesService } from './client-partner-references.service';
import { AuditSubjectsFrom } from '../audit/audit-subjects.util';
import { AuditedRead } from '../audit/audit-route.decorator';

@ApiTags('signals')
@Controller('clients/:clientId/partner-references')
@Roles('admin', 'coordinator')
@ApiForbiddenResponse({ description: 'Only coordinators and admins hand out partner references' })
export class ClientPartnerReferencesController {
  constructor(private readonly references: ClientPartnerReferencesService) {}

  @Get()
  @ApiOperation({
    summary:
      "The client's reference for each partner it consented to share with: give it to that partner, who names the " +
      'client by it in signals',
  })
  @ApiOkResponse({ type: [ClientPartnerReferenceDto] })
  @ApiNotFoundResponse({ description: 'No such client in your organisation' })
  @AuditedRead('clients.partner-references', { subjects: AuditSubjectsFrom.client('clientId') })
  async list(
    @CurrentSession() session: SessionUser,
    @Param('clientId', new ParseUUIDPipe()) clientId: string,
  ): Promise<ClientPartnerReference[]> {
    const references = await this.references.forClient(TenantScope.fromSession(session), clientId);
    if (!references) throw new NotFoundException();
    return references;
  }
}
