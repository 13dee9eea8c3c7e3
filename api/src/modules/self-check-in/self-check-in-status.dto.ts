import { ApiProperty } from '@nestjs/swagger';
import type { SelfCheckInStatus } from '@waakvlam/contracts';

export class SelfCheckInStatusDto implements SelfCheckInStatus {
  @ApiProperty({ enum: ['open'], description: 'The link can be used (once)' }) status!: 'open';
}
