import { ApiProperty } from '@nestjs/swagger';

export class SignalClientRefDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: "The organisation's own reference" }) reference!: string;
  @ApiProperty() name!: string;
}
