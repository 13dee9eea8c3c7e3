import { Module } from '@nestjs/common';
import { OrganisationSettingsController } from './organisation-settings.controller';
import { OrganisationSettingsService } from './organisation-settings.service';
import { PartnerOrganisationsController } from './partner-organisations.controller';
import { PartnerOrganisationsService } from './partner-organisations.service';

@Module({
  controllers: [PartnerOrganisationsController, OrganisationSettingsController],
  providers: [PartnerOrganisationsService, OrganisationSettingsService],
  exports: [PartnerOrganisationsService],
})
export class OrganisationsModule {}
