import { ApiProperty } from '@nestjs/swagger';

export class SignalApiKeyRefDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
}
