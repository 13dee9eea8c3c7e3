import { Module } from '@nestjs/common';
import { NotificationSendProcessor } from './notification-send.processor';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';

/** The notifications outbox: e-mail as rows, sent by the `notification-send` job. Owns the notifications table. */
@Module({
  controllers: [NotificationsController],
  providers: [NotificationsService, NotificationSendProcessor],
  exports: [NotificationsService],
})
export class NotificationsModule {}
