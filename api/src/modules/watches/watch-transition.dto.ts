import { ApiPropertyOptional } from '@nestjs/swagger';
import { WATCH_END_REASONS, type WatchTransitionRequest } from '@waakvlam/contracts';
import { IsOptional, IsString, MaxLength } from 'class-validator';

export class WatchTransitionDto implements WatchTransitionRequest {
  @ApiPropertyOptional({
    maxLength: 500,
    description: `Required for end: one of ${WATCH_END_REASONS.join(', ')}. Free text for the other actions.`,
  })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}
