import { ApiProperty } from '@nestjs/swagger';
import type { SelfCheckInRecorded } from '@waakvlam/contracts';

export class SelfCheckInRecordedDto implements SelfCheckInRecorded {
  @ApiProperty({ enum: ['recorded'], description: 'The answer was recorded; the link is used up' })
  status!: 'recorded';
}
