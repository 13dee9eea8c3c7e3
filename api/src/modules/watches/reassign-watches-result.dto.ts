import { ApiProperty } from '@nestjs/swagger';
import { REASSIGN_ROLES, type ReassignRole, type ReassignWatchesResult } from '@waakvlam/contracts';
import { ReassignChangeDto } from './reassign-change.dto';
import { ReassignSkipDto } from './reassign-skip.dto';

export class ReassignWatchesResultDto implements ReassignWatchesResult {
  @ApiProperty({ description: 'True: nothing was changed' }) preview!: boolean;
  @ApiProperty({ enum: REASSIGN_ROLES }) role!: ReassignRole;
  @ApiProperty({ type: [ReassignChangeDto], description: 'In the order of the request' })
  changes!: ReassignChangeDto[];
  @ApiProperty({ type: [ReassignSkipDto], description: 'In the order of the request' })
  skipped!: ReassignSkipDto[];
}
