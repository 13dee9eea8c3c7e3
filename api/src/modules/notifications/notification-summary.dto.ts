import { ApiProperty } from '@nestjs/swagger';
import {
  NOTIFICATION_STATUSES,
  type NotificationStatus,
  type NotificationSummary,
} from '@waakvlam/contracts';

export class NotificationSummaryDto implements NotificationSummary {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() recipient!: string;
  @ApiProperty() subject!: string;
  @ApiProperty({ enum: NOTIFICATION_STATUSES }) status!: NotificationStatus;
  @ApiProperty({ description: 'Attempts since the message was queued (or last retried)' }) attempts!: number;
  @ApiProperty({ type: String, nullable: true, description: 'The last SMTP error' }) lastError!:
    string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) sentAt!: string | null;
}
