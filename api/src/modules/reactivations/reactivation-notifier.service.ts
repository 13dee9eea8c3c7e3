import { Injectable, Logger } from '@nestjs/common';
import { JobName } from '../../core/queue/queue.constants';
import { QueueService } from '../../core/queue/queue.service';
import { settleWithin } from '../../core/queue/settle-within.util';
import { DISPATCH_WAIT_MS, NotificationsService } from '../notifications/notifications.service';

/**
 * Queues reactivation e-mails (already in the outbox) on the urgent queue, after their transaction committed: one
 * `reactivation-notify` job per message, with the mail queue's retry policy. Redis trouble is logged, not thrown:
 * the messages are in PostgreSQL and the planner queues them again on the mail queue once their lease passes.
 */
@Injectable()
export class ReactivationNotifier {
  private readonly logger = new Logger('ReactivationNotifier');

  constructor(
    private readonly queues: QueueService,
    private readonly notifications: NotificationsService,
  ) {}

  async dispatch(notificationIds: readonly string[]): Promise<void> {
    if (notificationIds.length === 0) return;
    const policy = this.notifications.retryPolicy;
    try {
      const queued = Promise.all(
        notificationIds.map((notificationId) =>
          this.queues.add(
            JobName.ReactivationNotify,
            { notificationId },
            {
              jobId: `urgent-${notificationId}`,
              attempts: policy.attempts,
              backoff: { type: 'exponential', delay: policy.delayMs, jitter: policy.jitter },
            },
          ),
        ),
      );
      // Redis down or restarting holds no request for the length of the outage.
      if ((await settleWithin(queued, DISPATCH_WAIT_MS)) === 'timeout')
        this.logger.warn(`Redis did not take ${notificationIds.length} reactivation e-mail jobs in time`);
    } catch (err: unknown) {
      this.logger.error(
        { err, notificationIds },
        'Queueing reactivation e-mails failed; the outbox recovers them',
      );
    }
  }
}
