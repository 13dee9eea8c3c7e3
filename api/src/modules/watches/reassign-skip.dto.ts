import { ApiProperty } from '@nestjs/swagger';
import { REASSIGN_SKIP_REASONS, type ReassignSkip, type ReassignSkipReason } from '@waakvlam/contracts';

export class ReassignSkipDto implements ReassignSkip {
  @ApiProperty({ format: 'uuid' }) watchId!: string;
  @ApiProperty({
    enum: REASSIGN_SKIP_REASONS,
    description:
      'not_found (no such watch in your organisation), ended, already_assigned (she has this role), ' +
      "is_other_caseworker (she is the watch's other caseworker)",
  })
  reason!: ReassignSkipReason;
}
