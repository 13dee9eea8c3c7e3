import { ApiProperty } from '@nestjs/swagger';

export class ClientRefDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() reference!: string;
}
