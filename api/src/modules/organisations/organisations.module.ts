import { Module } from '@nestjs/common';
import { PartnerOrganisationsController } from './partner-organisations.controller';
import { PartnerOrganisationsService } from './partner-organisations.service';

@Module({
  controllers: [PartnerOrganisationsController],
  providers: [PartnerOrganisationsService],
  exports: [PartnerOrganisationsService],
})
export class OrganisationsModule {}
