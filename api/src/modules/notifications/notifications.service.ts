import { Injectable } from '@nestjs/common';
import type { Locale, NotificationStatus, NotificationSummary, Page } from '@waakvlam/contracts';
import type { JobsOptions } from 'bullmq';
import { DataSource } from 'typeorm';
import type { TenantScope } from '../../core/database/tenant-scope.model';
import { JobName } from '../../core/queue/queue.constants';
import { QueueService } from '../../core/queue/queue.service';
import { updateReturning } from '../../core/database/update-returning.util';
import { DEFAULT_NOTIFICATION_RETRY_POLICY, type NotificationRetryPolicy } from './notification-retry.policy';
import {
  NOTIFICATION_SUMMARY_COLUMNS,
  type NotificationRow,
  toNotificationSummary,
} from './notification-row.util';

export interface NewNotification {
  /** One e-mail per key, however often it is enqueued (e.g. `check-in-reminder-<checkInId>`). */
  idempotencyKey: string;
  recipient: string;
  subject: string;
  text: string;
  html?: string;
  locale: Locale;
}

/** The notifications outbox: every e-mail is a row first, then a `notification-send` job on the mail queue. */
@Injectable()
export class NotificationsService {
  /** Read by the processor too; tests shorten the delays. */
  retryPolicy: NotificationRetryPolicy = DEFAULT_NOTIFICATION_RETRY_POLICY;

  constructor(
    private readonly dataSource: DataSource,
    private readonly queues: QueueService,
  ) {}

  /**
   * Records the e-mail and queues its job; returns the notification id. The same key again returns the existing id
   * and sends nothing new (a still pending one is queued again under its own job id, which BullMQ ignores when the
   * job still exists).
   */
  async enqueue(scope: TenantScope, mail: NewNotification): Promise<string> {
    const inserted: Array<{ id: string }> = await this.dataSource.query(
      `INSERT INTO notifications (organisation_id, idempotency_key, recipient, locale, subject, body_text, body_html)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (idempotency_key) DO NOTHING
       RETURNING id`,
      [
        scope.organisationId,
        mail.idempotencyKey,
        mail.recipient,
        mail.locale,
        mail.subject,
        mail.text,
        mail.html ?? null,
      ],
    );
    if (inserted[0]) {
      await this.addJob(inserted[0].id, inserted[0].id);
      return inserted[0].id;
    }
    const [existing]: Array<{ id: string; status: NotificationStatus; retries: number }> =
      await this.dataSource.query(
        `SELECT id, status, retries FROM notifications WHERE organisation_id = $1 AND idempotency_key = $2`,
        [scope.organisationId, mail.idempotencyKey],
      );
    if (!existing) throw new Error('Notification idempotency key is taken by another organisation');
    if (existing.status === 'pending') await this.addJob(existing.id, jobIdOf(existing.id, existing.retries));
    return existing.id;
  }

  async list(
    scope: TenantScope,
    query: { page: number; pageSize: number; status?: NotificationStatus },
  ): Promise<Page<NotificationSummary>> {
    const params = [scope.organisationId, query.status ?? null];
    const rows: NotificationRow[] = await this.dataSource.query(
      `SELECT ${NOTIFICATION_SUMMARY_COLUMNS} FROM notifications n
       WHERE n.organisation_id = $1 AND ($2::text IS NULL OR n.status = $2::text)
       ORDER BY n.created_at DESC, n.id DESC
       LIMIT $3 OFFSET $4`,
      [...params, query.pageSize, (query.page - 1) * query.pageSize],
    );
    const [{ total }]: Array<{ total: number }> = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM notifications n
       WHERE n.organisation_id = $1 AND ($2::text IS NULL OR n.status = $2::text)`,
      params,
    );
    return { items: rows.map(toNotificationSummary), page: query.page, pageSize: query.pageSize, total };
  }

  async get(scope: TenantScope, id: string): Promise<NotificationSummary | null> {
    const rows: NotificationRow[] = await this.dataSource.query(
      `SELECT ${NOTIFICATION_SUMMARY_COLUMNS} FROM notifications n WHERE n.organisation_id = $1 AND n.id = $2`,
      [scope.organisationId, id],
    );
    return rows[0] ? toNotificationSummary(rows[0]) : null;
  }

  /**
   * Gives a dead notification a fresh set of attempts under a new job id (`<id>-retry-<n>`).
   * Null when there is no such notification in the organisation; 'not-dead' when it is not dead.
   */
  async retry(scope: TenantScope, id: string): Promise<NotificationSummary | null | 'not-dead'> {
    const rows = await updateReturning<NotificationRow & { retries: number }>(
      this.dataSource.manager,
      `UPDATE notifications n SET status = 'pending', attempts = 0, next_attempt_at = NULL, retries = retries + 1
       WHERE n.organisation_id = $1 AND n.id = $2 AND n.status = 'dead'
       RETURNING ${NOTIFICATION_SUMMARY_COLUMNS}, n.retries`,
      [scope.organisationId, id],
    );
    if (!rows[0]) return (await this.get(scope, id)) ? 'not-dead' : null;
    await this.addJob(id, jobIdOf(id, rows[0].retries));
    return toNotificationSummary(rows[0]);
  }

  private async addJob(notificationId: string, jobId: string): Promise<void> {
    const policy = this.retryPolicy;
    const options: JobsOptions = {
      jobId,
      attempts: policy.attempts,
      backoff: { type: 'exponential', delay: policy.delayMs, jitter: policy.jitter },
    };
    await this.queues.add(JobName.NotificationSend, { notificationId }, options);
  }
}

/** The job id of a notification's n-th console retry; the first job is named by the notification id alone. */
function jobIdOf(id: string, retries: number): string {
  return retries === 0 ? id : `${id}-retry-${retries}`;
}
