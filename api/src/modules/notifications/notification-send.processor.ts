import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../core/config/app.config';
import { MailService } from '../../core/mail/mail.service';
import { type JobProcessor, ProcessesJob } from '../../core/queue/job-processor.decorator';
import { JobName, type JobPayloads } from '../../core/queue/queue.constants';
import { updateReturning } from '../../core/database/update-returning.util';
import { NotificationsService } from './notifications.service';

interface ClaimedNotification {
  recipient: string;
  sender_name: string | null;
  link_secret: string | null;
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
    private readonly config: AppConfig,
  ) {}

  async process(
    { notificationId }: JobPayloads[typeof JobName.NotificationSend],
    { attempt }: { jobId: string; attempt: number },
  ): Promise<void> {
    const [claimed] = await updateReturning<ClaimedNotification>(
      this.dataSource.manager,
      // A message another job is sending right now (its lease not passed) is left to that job.
      `UPDATE notifications SET status = 'sending', attempts = attempts + 1, next_attempt_at = NULL,
         lease_until = now() + make_interval(secs => $2::float8 / 1000)
       WHERE id = $1 AND (status = 'pending' OR (status = 'sending' AND lease_until < now()))
       RETURNING recipient, sender_name, link_secret, subject, body_text, body_html, message_id, attempts`,
      [notificationId, this.config.timerLeaseMs],
    );
    if (!claimed) return; // sent, dead, being sent or gone: nothing to do.

    const link = claimed.link_secret ? `${this.config.publicUrl}/check-in/${claimed.link_secret}` : '';
    try {
      await this.mail.send({
        to: claimed.recipient,
        fromName: claimed.sender_name,
        subject: claimed.subject,
        text: claimed.body_text.replaceAll('{{link}}', link),
        html: claimed.body_html?.replaceAll('{{link}}', link) ?? undefined,
        messageId: claimed.message_id,
      });
    } catch (error) {
      await this.recordFailure(notificationId, attempt, error);
      return;
    }
    await this.dataSource.query(
      `UPDATE notifications SET status = 'sent', sent_at = now(), last_error = NULL, lease_until = NULL,
         link_secret = NULL
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
           next_attempt_at = CASE WHEN $2 = 'dead' THEN NULL ELSE now() + make_interval(secs => $4::float8 / 1000) END,
           -- BullMQ retries after the backoff; only if that job is lost too does the planner step in.
           lease_until = CASE WHEN $2 = 'dead' THEN NULL
                         ELSE now() + make_interval(secs => ($4::float8 * 1.5 + $5::float8) / 1000) END
       WHERE id = $1 AND status = 'sending'`,
      [id, dead ? 'dead' : 'pending', message, policy.delayMs * 2 ** (attempt - 1), this.config.timerLeaseMs],
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
