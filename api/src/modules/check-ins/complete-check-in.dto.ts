import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CHECK_IN_NOTE_MAX,
  CHECK_IN_OUTCOMES,
  CONTACT_MODES,
  type CheckInOutcome,
  type CompleteCheckInRequest,
  type ContactMode,
} from '@waakvlam/contracts';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';

export class CompleteCheckInDto implements CompleteCheckInRequest {
  @ApiProperty({ enum: CHECK_IN_OUTCOMES })
  @IsIn(CHECK_IN_OUTCOMES)
  outcome!: CheckInOutcome;

  @ApiProperty({ enum: CONTACT_MODES })
  @IsIn(CONTACT_MODES)
  channel!: ContactMode;

  @ApiPropertyOptional({ maxLength: CHECK_IN_NOTE_MAX })
  @IsOptional()
  @IsString()
  @MaxLength(CHECK_IN_NOTE_MAX)
  note?: string;
}
