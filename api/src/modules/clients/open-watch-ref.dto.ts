import { ApiProperty } from '@nestjs/swagger';
import { WATCH_STATUSES, type WatchStatusRef } from '@waakvlam/contracts';

export class OpenWatchRefDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: WATCH_STATUSES }) status!: WatchStatusRef;
}
