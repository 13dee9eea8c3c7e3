import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../core/config/app.config';
import { MailService } from '../../core/mail/mail.service';
import { SendWindowPassedError } from '../../core/mail/send-window-passed.error';
import { type JobProcessor, ProcessesJob } from '../../core/queue/job-processor.decorator';
import { JobName, type JobPayloads } from '../../core/queue/queue.constants';
import { updateReturning } from '../../core/database/update-returning.util';
import { isDatabaseUnavailable } from '../../core/database/database-unavailable.util';
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

/** Retries of the `sent` mark while PostgreSQL is unreachable: the first wait, doubling up to the last. */
const MARK_SENT_FIRST_WAIT_MS = 250;
const MARK_SENT_MAX_WAIT_MS = 2_000;
/** A send starts at the latest this long before the claim's lease ends (the SMTP exchange takes time too). */
const SEND_WINDOW_MARGIN_MS = 1_000;

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
    // Until then no other job takes the message (the claim's lease, measured from before the claim).
    const leaseEndsAt = Date.now() + this.config.timerLeaseMs;
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
      await this.mail.send(
        {
          to: claimed.recipient,
          fromName: claimed.sender_name,
          subject: claimed.subject,
          text: claimed.body_text.replaceAll('{{link}}', link),
          html: claimed.body_html?.replaceAll('{{link}}', link) ?? undefined,
          messageId: claimed.message_id,
        },
        // Past its lease the claim may be another job's (a stalled job given to another worker): never send then.
        { notAfter: leaseEndsAt - SEND_WINDOW_MARGIN_MS },
      );
    } catch (error) {
      if (error instanceof SendWindowPassedError) {
        // Nothing was sent, and the message is no longer ours: the job that holds it now, or the outbox, sends it.
        this.logger.warn(
          `Notification ${notificationId}: claim ran out before a connection was free; left to others`,
        );
        return;
      }
      await this.recordFailure(notificationId, attempt, error);
      return;
    }
    await this.markSent(notificationId, leaseEndsAt);
  }

  /**
   * The SMTP server accepted the message: record that. While PostgreSQL is unreachable (restarting) the mark is
   * retried for as long as the claim's lease holds, since a message left `sending` past its lease is sent again by
   * the outbox's recovery: a second e-mail.
   */
  private async markSent(id: string, leaseEndsAt: number): Promise<void> {
    for (let wait = MARK_SENT_FIRST_WAIT_MS; ; wait = Math.min(wait * 2, MARK_SENT_MAX_WAIT_MS)) {
      try {
        await this.dataSource.query(
          `UPDATE notifications SET status = 'sent', sent_at = now(), last_error = NULL, lease_until = NULL,
             link_secret = NULL
           WHERE id = $1 AND status <> 'sent'`,
          [id],
        );
        return;
      } catch (error) {
        if (!isDatabaseUnavailable(error) || Date.now() + wait >= leaseEndsAt) throw error;
        await new Promise((resolve) => setTimeout(resolve, wait));
      }
    }
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
