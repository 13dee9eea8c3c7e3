import { ApiProperty } from '@nestjs/swagger';
import { PARTNER_KINDS, type PartnerKind, type PartnerOrganisationSummary } from '@waakvlam/contracts';

export class PartnerOrganisationSummaryDto implements PartnerOrganisationSummary {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: PARTNER_KINDS }) kind!: PartnerKind;
}
