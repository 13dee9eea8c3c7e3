import { ApiProperty } from '@nestjs/swagger';

export class NextCheckInRefDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'date' }) dueDate!: string;
}
