import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { NotificationSendProcessor } from './notification-send.processor';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';

/** The notifications outbox: e-mail as rows, sent by the `notification-send` job. Owns the notifications table. */
@Module({
  imports: [AuditModule],
  controllers: [NotificationsController],
  providers: [NotificationsService, NotificationSendProcessor],
  // The send processor is exported for the urgent queue's reactivation-notify: one send path for every e-mail.
  exports: [NotificationsService, NotificationSendProcessor],
})
export class NotificationsModule {}
