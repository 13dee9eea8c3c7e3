import { ApiProperty } from '@nestjs/swagger';
import type { ClientPartnerReference } from '@waakvlam/contracts';
import { PartnerOrganisationSummaryDto } from '../organisations/partner-organisation-summary.dto';

export class ClientPartnerReferenceDto implements ClientPartnerReference {
  @ApiProperty({ type: PartnerOrganisationSummaryDto }) partnerOrganisation!: PartnerOrganisationSummaryDto;
  @ApiProperty({
    example: 'K7M4-Q9XT',
    description: 'Give this to the partner to name the client in signals',
  })
  reference!: string;
}
