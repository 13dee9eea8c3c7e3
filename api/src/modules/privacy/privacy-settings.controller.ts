import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { PrivacySettings } from '@waakvlam/contracts';
import { CurrentSession } from '../../core/auth/current-session.decorator';
import { Roles } from '../../core/auth/roles.decorator';
import type { SessionUser } from '../../core/auth/session-user.interface';
import { TenantScope } from '../../core/database/tenant-scope.model';
import { AuditExempt } from '../audit/audit-route.decorator';
import { PrivacySettingsDto } from './privacy-settings.dto';
import { PrivacySettingsService } from './privacy-settings.service';
import { UpdatePrivacySettingsDto } from './update-privacy-settings.dto';

@ApiTags('privacy')
@Controller('organisation/privacy-settings')
@Roles('admin', 'coordinator')
@AuditExempt("The organisation's retention setting: no client data")
export class PrivacySettingsController {
  constructor(private readonly settings: PrivacySettingsService) {}

  @Get()
  @ApiOperation({ summary: "Your organisation's care-file retention and the service's retention period" })
  @ApiOkResponse({ type: PrivacySettingsDto })
  get(@CurrentSession() session: SessionUser): Promise<PrivacySettings> {
    return this.settings.get(TenantScope.fromSession(session));
  }

  @Put()
  @Roles('admin')
  @ApiOperation({
    summary: 'Set the care-file retention: years after a watch ended during which erasure is refused',
  })
  @ApiOkResponse({ type: PrivacySettingsDto })
  @ApiBadRequestResponse({ description: 'Not null and not a whole number from 0 to 30' })
  put(
    @CurrentSession() session: SessionUser,
    @Body() body: UpdatePrivacySettingsDto,
  ): Promise<PrivacySettings> {
    return this.settings.update(TenantScope.fromSession(session), body.careFileRetentionYears);
  }
}
