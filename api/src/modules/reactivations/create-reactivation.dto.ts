import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  REACTIVATION_REASON_MAX,
  REACTIVATION_URGENCIES,
  STAFF_REACTIVATION_SOURCES,
  type CreateReactivationRequest,
  type ReactivationUrgency,
  type StaffReactivationSource,
} from '@waakvlam/contracts';
import { IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';

export class CreateReactivationDto implements CreateReactivationRequest {
  @ApiProperty({ format: 'uuid', description: 'The watch whose support restarts (no new intake)' })
  @IsUUID()
  watchId!: string;

  @ApiProperty({ enum: REACTIVATION_URGENCIES, description: 'urgent: first contact within 4 working hours' })
  @IsIn(REACTIVATION_URGENCIES)
  urgency!: ReactivationUrgency;

  @ApiProperty({
    maxLength: REACTIVATION_REASON_MAX,
    description: 'Why; shown to the assignee, never e-mailed',
  })
  @IsString()
  @Matches(/\S/, { message: 'must not be empty' })
  @MaxLength(REACTIVATION_REASON_MAX)
  reason!: string;

  @ApiPropertyOptional({
    enum: STAFF_REACTIVATION_SOURCES,
    description:
      'Default: caseworker for a caseworker, coordinator for others. A caseworker can only give caseworker.',
  })
  @IsOptional()
  @IsIn(STAFF_REACTIVATION_SOURCES)
  source?: StaffReactivationSource;
}
