import { ApiProperty } from '@nestjs/swagger';
import type { ReactivationCreated } from '@waakvlam/contracts';
import { ReactivationDto } from './reactivation.dto';

export class ReactivationCreatedDto implements ReactivationCreated {
  @ApiProperty({ type: ReactivationDto }) request!: ReactivationDto;
  @ApiProperty({ description: 'True when the watch already had an open request: the reason was added to it' })
  merged!: boolean;
}
