import { ApiProperty } from '@nestjs/swagger';
import {
  CHECK_IN_OUTCOMES,
  CHECK_IN_STATUSES,
  CONTACT_MODES,
  type CheckIn,
  type CheckInOutcome,
  type CheckInStatus,
  type ContactMode,
} from '@waakvlam/contracts';
import { UserRefDto } from '../clients/user-ref.dto';
import { ClientRefDto } from '../watches/client-ref.dto';

export class CheckInDto implements CheckIn {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) watchId!: string;
  @ApiProperty({ type: ClientRefDto }) client!: ClientRefDto;
  @ApiProperty({ type: UserRefDto }) caseworker!: UserRefDto;
  @ApiProperty({
    type: UserRefDto,
    nullable: true,
    description:
      'The primary caseworker it was handed over from for her absence (Overgenomen van …); null: not',
  })
  handedOverFrom!: UserRefDto | null;
  @ApiProperty({ enum: CONTACT_MODES, description: "The watch's preferred contact mode" })
  contactMode!: ContactMode;
  @ApiProperty({ format: 'date' }) dueDate!: string;
  @ApiProperty({ format: 'date', description: 'Last working day of the grace period' }) graceEndsOn!: string;
  @ApiProperty({ enum: CHECK_IN_STATUSES }) status!: CheckInStatus;
  @ApiProperty({ enum: CHECK_IN_OUTCOMES, nullable: true }) outcome!: CheckInOutcome | null;
  @ApiProperty({ enum: CONTACT_MODES, nullable: true }) channel!: ContactMode | null;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) completedAt!: string | null;
  @ApiProperty({ type: UserRefDto, nullable: true }) completedBy!: UserRefDto | null;
}
