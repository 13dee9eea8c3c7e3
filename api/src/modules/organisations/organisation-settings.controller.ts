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

@ApiTags('organisations')
@Controller('organisation/settings')
@Roles('admin', 'coordinator', 'caseworker')
export class OrganisationSettingsController {
  constructor(private readonly settings: OrganisationSettingsService) {}

  @Get()
  @ApiOperation({ summary: "Your organisation's time zone and extra days off" })
  @ApiOkResponse({ type: OrganisationSettingsDto })
  get(@CurrentSession() session: SessionUser): Promise<OrganisationSettings> {
    return this.settings.get(TenantScope.fromSession(session));
  }

  @Put()
  @Roles('admin')
  @ApiOperation({ summary: 'Replace the extra days off; check-ins planned from now on skip them' })
  @ApiOkResponse({ type: OrganisationSettingsDto })
  @ApiBadRequestResponse({ description: 'Not a list of dates (YYYY-MM-DD), or more than 200' })
  put(
    @CurrentSession() session: SessionUser,
    @Body() body: UpdateOrganisationSettingsDto,
  ): Promise<OrganisationSettings> {
    return this.settings.setExtraDaysOff(TenantScope.fromSession(session), body.extraDaysOff);
  }
}
