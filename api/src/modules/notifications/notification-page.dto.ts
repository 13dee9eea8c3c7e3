import { ApiProperty } from '@nestjs/swagger';
import type { Page } from '@waakvlam/contracts';
import { NotificationSummaryDto } from './notification-summary.dto';

export class NotificationPageDto implements Page<NotificationSummaryDto> {
  @ApiProperty({ type: [NotificationSummaryDto] }) items!: NotificationSummaryDto[];
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
  @ApiProperty() total!: number;
}
