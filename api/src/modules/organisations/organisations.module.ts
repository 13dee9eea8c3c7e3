import { Module } from '@nestjs/common';
import { OrganisationCalendars } from './organisation-calendars.service';
import { OrganisationSettingsController } from './organisation-settings.controller';
import { OrganisationSettingsService } from './organisation-settings.service';
import { PartnerOrganisationsController } from './partner-organisations.controller';
import { PartnerOrganisationsService } from './partner-organisations.service';

/** Organisations: settings, partner organisations, and each organisation's working calendar. */
@Module({
  controllers: [PartnerOrganisationsController, OrganisationSettingsController],
  providers: [PartnerOrganisationsService, OrganisationSettingsService, OrganisationCalendars],
  exports: [PartnerOrganisationsService, OrganisationCalendars],
})
export class OrganisationsModule {}
