import { ApiPropertyOptional } from '@nestjs/swagger';
import { NOTIFICATION_STATUSES, type NotificationStatus } from '@waakvlam/contracts';
import { IsIn, IsOptional } from 'class-validator';
import { PaginationQueryDto } from '../../core/http/pagination.dto';

export class ListNotificationsQuery extends PaginationQueryDto {
  @ApiPropertyOptional({ enum: NOTIFICATION_STATUSES, description: 'Only notifications with this status' })
  @IsOptional()
  @IsIn(NOTIFICATION_STATUSES)
  status?: NotificationStatus;
}
