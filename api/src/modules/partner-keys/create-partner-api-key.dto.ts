import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { CreatePartnerApiKeyRequest } from '@waakvlam/contracts';
import { IsEmail, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';

export class CreatePartnerApiKeyDto implements CreatePartnerApiKeyRequest {
  @ApiProperty({ maxLength: 100, description: 'What the key is for, e.g. the partner system that uses it.' })
  @IsString()
  @Length(1, 100)
  @Matches(/\S/, { message: 'name must not be blank' })
  name!: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    format: 'email',
    description: 'Where feedback on signals filed with this key is e-mailed; none when left out.',
  })
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  feedbackEmail?: string | null;
}
