import { ApiProperty } from '@nestjs/swagger';
import type { UserAbsence } from '@waakvlam/contracts';
import { UserRefDto } from '../clients/user-ref.dto';

export class UserAbsenceDto implements UserAbsence {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty({ format: 'date' }) startsOn!: string;
  @ApiProperty({ format: 'date' }) endsOn!: string;
  @ApiProperty({ type: String, nullable: true }) reason!: string | null;
  @ApiProperty({ type: UserRefDto }) createdBy!: UserRefDto;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}
