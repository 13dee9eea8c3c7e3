import { ApiProperty } from '@nestjs/swagger';
import type { Page } from '@waakvlam/contracts';
import { CheckInOverviewItemDto } from './check-in-overview-item.dto';

export class CheckInOverviewPageDto implements Page<CheckInOverviewItemDto> {
  @ApiProperty({ type: [CheckInOverviewItemDto] }) items!: CheckInOverviewItemDto[];
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
  @ApiProperty() total!: number;
}
