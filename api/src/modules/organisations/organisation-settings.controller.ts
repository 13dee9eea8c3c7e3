import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { OrganisationSettings } from '@waakvlam/contracts';
import { CurrentSession } from '../../core/auth/current-session.decorator';
import { Roles } from '../../core/auth/roles.decorator';
import type { SessionUser } from '../../core/auth/session-user.interface';
import { TenantScope } from '../../core/database/tenant-scope.model';
import { OrganisationSettingsDto } from './organisation-settings.dto';
import { OrganisationSettingsService } from './organisation-settings.service';
import { UpdateOrganisationSettingsDto } from './update-organisation-settings.dto';
import { AuditExempt } from '../audit/audit-route.decorator';

@ApiTags('organisations')
@AuditExempt("the organisation's settings; no client data")
@Controller('organisation/settings')
@Roles('admin', 'coordinator', 'caseworker')
export class OrganisationSettingsController {
  constructor(private readonly settings: OrganisationSettingsService) {}

  @Get()
  @ApiOperation({
    summary: "Your organisation's time zone, extra days off, e-mail settings and reactivation SLA",
  })
  @ApiOkResponse({ type: OrganisationSettingsDto })
  get(@CurrentSession() session: SessionUser): Promise<OrganisationSettings> {
    return this.settings.get(TenantScope.fromSession(session));
  }

  @Put()
  @Roles('admin')
  @ApiOperation({
    summary: 'Change the settings sent',
    description:
      'Extra days off: replaces the list; check-ins planned from now on skip them. Discreet sender name and client ' +
      'names in e-mail: apply to e-mails written from now on. SLA working hours and the working day: apply to ' +
      'reactivation requests opened from now on.',
  })
  @ApiOkResponse({ type: OrganisationSettingsDto })
  @ApiBadRequestResponse({
    description:
      'Not a list of dates (YYYY-MM-DD) or more than 200, a sender name over 100 characters, not a boolean, SLA ' +
      'hours not a whole number from 1 to 80, a time not HH:mm, or a working day shorter than an hour',
  })
  put(
    @CurrentSession() session: SessionUser,
    @Body() body: UpdateOrganisationSettingsDto,
  ): Promise<OrganisationSettings> {
    return this.settings.update(TenantScope.fromSession(session), body);
  }
}
