import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  REACTIVATION_NOTE_MAX,
  REACTIVATION_RESOLUTIONS,
  type ReactivationResolution,
  type ResolveReactivationRequest,
} from '@waakvlam/contracts';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';

export class ResolveReactivationDto implements ResolveReactivationRequest {
  @ApiProperty({
    enum: REACTIVATION_RESOLUTIONS,
    description: 'back_to_watch steps the watch down to light contact with a fresh check-in plan',
  })
  @IsIn(REACTIVATION_RESOLUTIONS)
  resolution!: ReactivationResolution;

  @ApiPropertyOptional({ maxLength: REACTIVATION_NOTE_MAX })
  @IsOptional()
  @IsString()
  @MaxLength(REACTIVATION_NOTE_MAX)
  note?: string;
}
