import { ApiProperty } from '@nestjs/swagger';
import { PREFERRED_CHANNELS, type Client, type PreferredChannel } from '@waakvlam/contracts';
import { ClientConsentDto } from './client-consent.dto';
import { ClientSummaryDto } from './client-summary.dto';

export class ClientDto extends ClientSummaryDto implements Client {
  @ApiProperty({ type: String, nullable: true }) email!: string | null;
  @ApiProperty({ type: String, nullable: true }) phone!: string | null;
  @ApiProperty({ enum: PREFERRED_CHANNELS }) preferredChannel!: PreferredChannel;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) dateOfBirth!: string | null;
  @ApiProperty({ type: ClientConsentDto }) consent!: ClientConsentDto;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}
