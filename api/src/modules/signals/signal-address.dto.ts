import { ApiProperty } from '@nestjs/swagger';
import type { SignalAddress } from '@waakvlam/contracts';

export class SignalAddressDto implements SignalAddress {
  @ApiProperty({ example: '1234AB' }) postcode!: string;
  @ApiProperty({ example: '12' }) houseNumber!: string;
  @ApiProperty({ type: String, nullable: true, example: 'a' }) houseNumberAddition!: string | null;
}
