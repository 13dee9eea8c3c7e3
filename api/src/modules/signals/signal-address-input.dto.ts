import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { POSTCODE_PATTERN } from '@waakvlam/contracts';
import { IsOptional, IsString, Matches } from 'class-validator';

export class SignalAddressInputDto {
  @ApiProperty({ example: '1234 AB', description: 'A Dutch postcode; stored as 1234AB.' })
  @IsString()
  @Matches(POSTCODE_PATTERN, { message: 'postcode must be a Dutch postcode like 1234 AB' })
  postcode!: string;

  @ApiProperty({
    example: '12',
    description: 'The number only; a letter or addition goes in houseNumberAddition.',
  })
  @IsString()
  @Matches(/^\s*[1-9][0-9]{0,4}\s*$/, {
    message: 'houseNumber must be a number like 12 (without letter or addition)',
  })
  houseNumber!: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'a',
    description: 'Letter or addition, up to 6 letters and digits.',
  })
  @IsOptional()
  @IsString()
  @Matches(/^[\s-]*([A-Za-z0-9][\s-]*){1,6}$/, {
    message: 'houseNumberAddition must be up to 6 letters and digits, like a or 2hg',
  })
  houseNumberAddition?: string | null;
}
