import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  MAX_SIGNAL_DESCRIPTION_LENGTH,
  SIGNAL_CATEGORIES,
  type CreateSignalRequest,
  type SignalCategory,
} from '@waakvlam/contracts';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, IsString, Length, Matches, ValidateNested } from 'class-validator';
import { IsCalendarDate } from '../clients/is-calendar-date.validator';
import { SignalAddressInputDto } from './signal-address-input.dto';

export class CreateSignalDto implements CreateSignalRequest {
  @ApiPropertyOptional({
    maxLength: 50,
    example: 'K7M4-Q9XT',
    description:
      'The client reference your organisation was given. Send this or address, not both. The answer does not ' +
      'say whether the reference is known.',
  })
  @IsOptional()
  @IsString()
  @Length(1, 50)
  @Matches(/\S/, { message: 'clientReference must not be blank' })
  clientReference?: string;

  @ApiPropertyOptional({
    type: SignalAddressInputDto,
    description: 'The address. Send this or clientReference.',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => SignalAddressInputDto)
  address?: SignalAddressInputDto;

  @ApiProperty({ enum: SIGNAL_CATEGORIES })
  @IsIn(SIGNAL_CATEGORIES)
  category!: SignalCategory;

  @ApiProperty({ maxLength: MAX_SIGNAL_DESCRIPTION_LENGTH, description: 'What you saw or heard.' })
  @IsString()
  @Length(1, MAX_SIGNAL_DESCRIPTION_LENGTH)
  @Matches(/\S/, { message: 'description must not be blank' })
  description!: string;

  @ApiProperty({
    format: 'date',
    example: '2031-05-12',
    description: 'The day you saw it; not in the future.',
  })
  @IsCalendarDate()
  observedOn!: string;
}
