import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LEGAL_BASES, type ConsentInput, type LegalBasis } from '@waakvlam/contracts';
import { ArrayMaxSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsOptional, IsUUID } from 'class-validator';

export class ConsentInputDto implements ConsentInput {
  @ApiProperty({ enum: LEGAL_BASES })
  @IsIn(LEGAL_BASES)
  legalBasis!: LegalBasis;

  @ApiProperty({ description: 'The resident agreed to e-mail reminders and self check-in links.' })
  @IsBoolean()
  emailReminders!: boolean;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description: 'Partner organisations of your organisation the resident agreed to share data with.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  sharingPartnerIds?: string[];
}
