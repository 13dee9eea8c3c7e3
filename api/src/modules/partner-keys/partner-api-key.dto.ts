import { ApiProperty } from '@nestjs/swagger';
import type { PartnerApiKey } from '@waakvlam/contracts';
import { UserRefDto } from '../clients/user-ref.dto';

export class PartnerApiKeyDto implements PartnerApiKey {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'The first characters of the key, to recognise it', example: 'wvk_Ab3dEf9x' })
  prefix!: string;
  @ApiProperty({ type: String, nullable: true, format: 'email' }) feedbackEmail!: string | null;
  @ApiProperty({ type: UserRefDto }) createdBy!: UserRefDto;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) lastUsedAt!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) revokedAt!: string | null;
}
