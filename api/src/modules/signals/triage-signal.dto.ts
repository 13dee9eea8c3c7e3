import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  MAX_SIGNAL_FEEDBACK_LENGTH,
  MAX_SIGNAL_REASON_LENGTH,
  SIGNAL_TRIAGE_ACTIONS,
  SIGNAL_URGENCIES,
  type SignalTriageAction,
  type SignalUrgency,
  type TriageSignalRequest,
} from '@waakvlam/contracts';
import { IsIn, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';

export class TriageSignalDto implements TriageSignalRequest {
  @ApiProperty({
    enum: SIGNAL_TRIAGE_ACTIONS,
    description: 'link: to a watch, which opens or joins its reactivation request; forward; or no_action.',
  })
  @IsIn(SIGNAL_TRIAGE_ACTIONS)
  decision!: SignalTriageAction;

  @ApiProperty({
    maxLength: MAX_SIGNAL_REASON_LENGTH,
    description: 'Why. Internal: the partner never sees it.',
  })
  @IsString()
  @Length(1, MAX_SIGNAL_REASON_LENGTH)
  @Matches(/\S/, { message: 'reason must not be blank' })
  reason!: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Required for link, not allowed otherwise.' })
  @IsOptional()
  @IsUUID()
  watchId?: string;

  @ApiPropertyOptional({
    enum: SIGNAL_URGENCIES,
    description: 'For link: the urgency of the reactivation (default urgent for safety, else normal).',
  })
  @IsOptional()
  @IsIn(SIGNAL_URGENCIES)
  urgency?: SignalUrgency;

  @ApiPropertyOptional({
    maxLength: MAX_SIGNAL_FEEDBACK_LENGTH,
    description:
      'The text for the partner, without care details. A standard text for the decision when left out.',
  })
  @IsOptional()
  @IsString()
  @Length(1, MAX_SIGNAL_FEEDBACK_LENGTH)
  @Matches(/\S/, { message: 'feedback must not be blank' })
  feedback?: string;
}
