import { ApiProperty } from '@nestjs/swagger';
import {
  REACTIVATION_RESOLUTIONS,
  REACTIVATION_SOURCES,
  REACTIVATION_STATUSES,
  REACTIVATION_URGENCIES,
  type ReactivationRequest,
  type ReactivationResolution,
  type ReactivationSource,
  type ReactivationStatus,
  type ReactivationUrgency,
} from '@waakvlam/contracts';
import { UserRefDto } from '../clients/user-ref.dto';
import { ClientRefDto } from '../watches/client-ref.dto';

export class ReactivationDto implements ReactivationRequest {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) watchId!: string;
  @ApiProperty({ type: ClientRefDto }) client!: ClientRefDto;
  @ApiProperty({ enum: REACTIVATION_STATUSES }) status!: ReactivationStatus;
  @ApiProperty({ enum: REACTIVATION_RESOLUTIONS, nullable: true }) resolution!: ReactivationResolution | null;
  @ApiProperty({ enum: REACTIVATION_URGENCIES }) urgency!: ReactivationUrgency;
  @ApiProperty({ type: UserRefDto, nullable: true, description: 'Null: in the team pool' })
  assignee!: UserRefDto | null;
  @ApiProperty({ enum: REACTIVATION_SOURCES, isArray: true }) sources!: ReactivationSource[];
  @ApiProperty({ type: UserRefDto, nullable: true }) createdBy!: UserRefDto | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) acceptedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) contactedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) resolvedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) cancelledAt!: string | null;
  @ApiProperty({ format: 'date-time', description: 'First-contact deadline, in working hours' })
  slaDueAt!: string;
  @ApiProperty() slaBreached!: boolean;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}
