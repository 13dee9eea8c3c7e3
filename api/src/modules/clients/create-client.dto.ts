import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  POSTCODE_PATTERN,
  PREFERRED_CHANNELS,
  type CreateClientRequest,
  type PreferredChannel,
} from '@waakvlam/contracts';
import { Type } from 'class-transformer';
import {
  IsEmail,
  IsIn,
  IsOptional,
  IsPhoneNumber,
  IsString,
  Length,
  Matches,
  MaxLength,
  ValidateNested,
  IsNotEmptyObject,
} from 'class-validator';
import { ConsentInputDto } from './consent-input.dto';
import { IsPastDate } from './is-past-date.validator';

export class CreateClientDto implements CreateClientRequest {
  @ApiProperty({ description: 'Your own reference, unique within your organisation.', maxLength: 50 })
  @IsString()
  @Length(1, 50)
  @Matches(/\S/, { message: 'reference must not be blank' })
  reference!: string;

  @ApiProperty({ maxLength: 200 })
  @IsString()
  @Length(1, 200)
  @Matches(/\S/, { message: 'name must not be blank' })
  name!: string;

  @ApiPropertyOptional({ type: String, nullable: true, format: 'email' })
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  email?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 30, description: 'A Dutch phone number.' })
  @IsOptional()
  @IsPhoneNumber('NL', { message: 'phone must be a valid Dutch phone number' })
  // The column holds 30 characters; a valid number typed with wide spacing can be longer.
  @MaxLength(30)
  phone?: string | null;

  @ApiProperty({ enum: PREFERRED_CHANNELS })
  @IsIn(PREFERRED_CHANNELS)
  preferredChannel!: PreferredChannel;

  @ApiProperty({ example: '1234 AB', description: 'Stored as 1234AB.' })
  @IsString()
  @Matches(POSTCODE_PATTERN, { message: 'postcode must be a Dutch postcode like 1234 AB' })
  postcode!: string;

  @ApiProperty({ example: '12a', maxLength: 20 })
  @IsString()
  @Length(1, 20)
  houseNumber!: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  neighbourhood?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, format: 'date' })
  @IsOptional()
  @IsPastDate()
  dateOfBirth?: string | null;

  @ApiProperty({ type: ConsentInputDto })
  @IsNotEmptyObject()
  @ValidateNested()
  @Type(() => ConsentInputDto)
  consent!: ConsentInputDto;
}
