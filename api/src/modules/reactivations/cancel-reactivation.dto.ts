import { ApiProperty } from '@nestjs/swagger';
import { REACTIVATION_NOTE_MAX, type CancelReactivationRequest } from '@waakvlam/contracts';
import { IsString, Matches, MaxLength } from 'class-validator';

export class CancelReactivationDto implements CancelReactivationRequest {
  @ApiProperty({ maxLength: REACTIVATION_NOTE_MAX, description: 'Why the request is cancelled' })
  @IsString()
  @Matches(/\S/, { message: 'must not be empty' })
  @MaxLength(REACTIVATION_NOTE_MAX)
  reason!: string;
}
