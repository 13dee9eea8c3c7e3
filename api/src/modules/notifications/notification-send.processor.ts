import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { MailService } from '../../core/mail/mail.service';
import { type JobProcessor, ProcessesJob } from '../../core/queue/job-processor.decorator';
import { JobName, type JobPayloads } from '../../core/queue/queue.constants';
import { updateReturning } from '../../core/database/update-returning.util';
import { NotificationsService } from './notifications.service';

interface ClaimedNotification {
  recipient: string;
  subject: string;
  body_text: string;
  body_html: string | null;
  message_id: string;
  attempts: number;
}

/**
 * Sends one notification. Safe to run twice: a sent or dead notification is left alone, and every state change is a
 * conditional update. A failed attempt is recorded and rethrown so BullMQ retries with backoff; after the last
 * attempt the notification is `dead` and the job completes.
 */
@ProcessesJob(JobName.NotificationSend)
export class NotificationSendProcessor implements JobProcessor<typeof JobName.NotificationSend> {
  private readonly logger = new Logger('NotificationSend');

  constructor(
    private readonly dataSource: DataSource,
    private readonly mail: MailService,
    private readonly notifications: NotificationsService,
  ) {}

  async process(
    { notificationId }: JobPayloads[typeof JobName.NotificationSend],
    { attempt }: { jobId: string; attempt: number },
  ): Promise<void> {
    const [claimed] = await updateReturning<ClaimedNotification>(
      this.dataSource.manager,
      `UPDATE notifications SET status = 'sending', attempts = attempts + 1, next_attempt_at = NULL
       WHERE id = $1 AND status IN ('pending', 'sending')
       RETURNING recipient, subject, body_text, body_html, message_id, attempts`,
      [notificationId],
    );
    if (!claimed) return; // sent, dead or gone: nothing to do.

    try {
      await this.mail.send({
        to: claimed.recipient,
        subject: claimed.subject,
        text: claimed.body_text,
        html: claimed.body_html ?? undefined,
        messageId: claimed.message_id,
      });
    } catch (error) {
      await this.recordFailure(notificationId, attempt, error);
      return;
    }
    await this.dataSource.query(
      `UPDATE notifications SET status = 'sent', sent_at = now(), last_error = NULL
       WHERE id = $1 AND status <> 'sent'`,
      [notificationId],
    );
  }

  private async recordFailure(id: string, attempt: number, error: unknown): Promise<void> {
    const policy = this.notifications.retryPolicy;
    const message = (error instanceof Error ? error.message : String(error)).slice(0, 1000);
    const dead = attempt >= policy.attempts;
    await this.dataSource.query(
      `UPDATE notifications
       SET status = $2, last_error = $3,
           next_attempt_at = CASE WHEN $2 = 'dead' THEN NULL ELSE now() + make_interval(secs => $4::float8 / 1000) END
       WHERE id = $1 AND status = 'sending'`,
      [id, dead ? 'dead' : 'pending', message, policy.delayMs * 2 ** (attempt - 1)],
    );
    const code = (error as { responseCode?: number }).responseCode;
    if (dead) {
      this.logger.warn(`Notification ${id} is dead after ${attempt} attempts (SMTP ${code ?? '-'})`);
      return;
    }
    // The SMTP reply may name the recipient: it stays in PostgreSQL, the job's error (and the logs) get the code only.
    throw new Error(`Sending notification ${id} failed (attempt ${attempt}, SMTP ${code ?? '-'})`);
  }
}
