import { ApiProperty } from '@nestjs/swagger';
import { LEGAL_BASES, type ClientConsent, type LegalBasis } from '@waakvlam/contracts';
import { UserRefDto } from './user-ref.dto';

export class ClientConsentDto implements ClientConsent {
  @ApiProperty({ enum: LEGAL_BASES }) legalBasis!: LegalBasis;
  @ApiProperty() emailReminders!: boolean;
  @ApiProperty({ type: [String], format: 'uuid' }) sharingPartnerIds!: string[];
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
  @ApiProperty({ type: UserRefDto }) recordedBy!: UserRefDto;
}
