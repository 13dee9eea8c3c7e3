import { ApiProperty } from '@nestjs/swagger';
import type { Page } from '@waakvlam/contracts';
import { WatchDto } from './watch.dto';

export class WatchPageDto implements Page<WatchDto> {
  @ApiProperty({ type: [WatchDto] }) items!: WatchDto[];
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
  @ApiProperty() total!: number;
}
