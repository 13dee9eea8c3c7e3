import { ApiProperty } from '@nestjs/swagger';
import {
  REACTIVATION_SOURCES,
  REACTIVATION_URGENCIES,
  type ReactivationReason,
  type ReactivationSource,
  type ReactivationUrgency,
} from '@waakvlam/contracts';
import { UserRefDto } from '../clients/user-ref.dto';

export class ReactivationReasonDto implements ReactivationReason {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: REACTIVATION_SOURCES }) source!: ReactivationSource;
  @ApiProperty({ enum: REACTIVATION_URGENCIES }) urgency!: ReactivationUrgency;
  @ApiProperty() reason!: string;
  @ApiProperty({ type: UserRefDto, nullable: true }) actor!: UserRefDto | null;
  @ApiProperty({ format: 'date-time' }) at!: string;
}
