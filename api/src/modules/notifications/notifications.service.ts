import { Injectable, Logger } from '@nestjs/common';
import type { Locale, NotificationStatus, NotificationSummary, Page } from '@waakvlam/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import type { TenantScope } from '../../core/database/tenant-scope.model';
import { JobName } from '../../core/queue/queue.constants';
import { QueueService } from '../../core/queue/queue.service';
import { RedisEpoch } from '../../core/queue/redis-epoch.service';
import { settleWithin } from '../../core/queue/settle-within.util';
import { AppConfig } from '../../core/config/app.config';
import { updateCount, updateReturning } from '../../core/database/update-returning.util';
import { NOTIFICATION_ORDER, notificationListWhere } from './notification-list-filter.util';
import { DEFAULT_NOTIFICATION_RETRY_POLICY, type NotificationRetryPolicy } from './notification-retry.policy';
import {
  NOTIFICATION_SUMMARY_COLUMNS,
  type NotificationRow,
  toNotificationSummary,
} from './notification-row.util';

export interface NewNotification {
  /** One e-mail per key, however often it is written (e.g. `check-in-overdue-<checkInId>`). */
  idempotencyKey: string;
  recipient: string;
  subject: string;
  text: string;
  html?: string;
  locale: Locale;
  /** The sender's display name (an organisation's discreet mode); the configured MAIL_FROM name otherwise. */
  senderName?: string | null;
  /** The secret of a self check-in link: `{{link}}` in the body becomes the link when sending, then it is erased. */
  linkSecret?: string | null;
}

/** How long a message may wait for its job before the planner presumes the job lost: TIMER_LEASE_SECONDS. */
const lease = (millisecondsParam: string): string =>
  `make_interval(secs => ${millisecondsParam}::float8 / 1000)`;
const RECOVERY_BATCH = 1000;
/** How long one tick may spend queueing lost messages again; the next tick goes on. */
const RECOVERY_BUDGET_MS = 2_000;
/**
 * How long `dispatch` waits for Redis to take the first jobs of messages already committed to the outbox. Redis
 * down or restarting must not hold a request (or a job) for the length of the outage: the jobs are added when it is
 * back, and a message whose job never came is queued again by `recoverLost`.
 */
export const DISPATCH_WAIT_MS = 1_000;

/**
 * The notifications outbox: every e-mail is a row first, then a `notification-send` job on the mail queue.
 * Write the row in the transaction of the change that causes it (`write`), and queue its job after commit
 * (`dispatch`); a job lost in between (crash, Redis flush) is queued again by `recoverLost` once the lease passes.
 */
@Injectable()
export class NotificationsService {
  private readonly logger = new Logger('Notifications');
  /** Read by the processor too; tests shorten the delays. */
  retryPolicy: NotificationRetryPolicy = DEFAULT_NOTIFICATION_RETRY_POLICY;

  constructor(
    private readonly dataSource: DataSource,
    private readonly queues: QueueService,
    private readonly config: AppConfig,
    private readonly epoch: RedisEpoch,
  ) {}

  /**
   * Records messages in the caller's transaction; returns the ids of the new ones (a key that exists already is
   * skipped: one e-mail per key). Pass the ids to `dispatch` after the transaction commits.
   */
  async write(
    tx: EntityManager,
    organisationId: string,
    mails: readonly NewNotification[],
  ): Promise<string[]> {
    if (mails.length === 0) return [];
    const rows: Array<{ id: string }> = await tx.query(
      `INSERT INTO notifications (organisation_id, idempotency_key, recipient, locale, subject, body_text, body_html,
         sender_name, link_secret, dispatches, lease_until, dispatch_epoch)
       SELECT $1, m.idempotency_key, m.recipient, m.locale, m.subject, m.body_text, m.body_html, m.sender_name,
              m.link_secret, 1, now() + ${lease('$3')}, $4
       FROM jsonb_to_recordset($2::jsonb) AS m(idempotency_key text, recipient text, locale text, subject text,
         body_text text, body_html text, sender_name text, link_secret text)
       ON CONFLICT (idempotency_key) DO NOTHING
       RETURNING id`,
      [
        organisationId,
        JSON.stringify(
          mails.map((m) => ({
            idempotency_key: m.idempotencyKey,
            recipient: m.recipient,
            locale: m.locale,
            subject: m.subject,
            body_text: m.text,
            body_html: m.html ?? null,
            sender_name: m.senderName ?? null,
            link_secret: m.linkSecret ?? null,
          })),
        ),
        this.config.timerLeaseMs,
        this.epoch.cached(),
      ],
    );
    return rows.map((r) => r.id);
  }

  /**
   * Queues the first job of messages written by `write`, once their transaction has committed. Never fails the
   * caller, whose change is committed: Redis trouble is logged, and the outbox recovers the messages.
   */
  async dispatch(ids: readonly string[], options: { priority?: number } = {}): Promise<void> {
    if (ids.length === 0) return;
    // Keeps the epoch that `write` stamps current in processes that never run the planner.
    this.epoch.refreshSoon();
    const jobs = this.addJobs(
      ids.map((id) => ({ id, jobId: `${id}-1` })),
      options.priority,
    );
    try {
      if ((await settleWithin(jobs, DISPATCH_WAIT_MS)) === 'timeout')
        this.logger.warn(
          `Redis did not take ${ids.length} e-mail jobs within ${DISPATCH_WAIT_MS} ms; left to Redis and the outbox`,
        );
    } catch (err: unknown) {
      this.logger.error({ err, notificationIds: ids }, 'Queueing e-mails failed; the outbox recovers them');
    }
  }

  /** Writes one message and queues it: for callers without a transaction of their own. Returns its id. */
  async enqueue(scope: TenantScope, mail: NewNotification): Promise<string> {
    const [id] = await this.dataSource.transaction((tx) => this.write(tx, scope.organisationId, [mail]));
    if (id) {
      await this.dispatch([id]);
      return id;
    }
    const [existing]: Array<{ id: string }> = await this.dataSource.query(
      `SELECT id FROM notifications WHERE organisation_id = $1 AND idempotency_key = $2`,
      [scope.organisationId, mail.idempotencyKey],
    );
    if (!existing) throw new Error('Notification idempotency key is taken by another organisation');
    return existing.id;
  }

  /**
   * Queues again, under a new job id, messages still pending or sending whose lease passed: their job was lost
   * (Redis flushed or restarted, a process crashed between commit and dispatch). Run by the planner every tick: in
   * batches until none is left (after Redis lost its data there may be thousands), for at most RECOVERY_BUDGET_MS.
   */
  async recoverLost(now: Date): Promise<number> {
    const started = Date.now();
    let total = 0;
    for (;;) {
      const recovered = await this.recoverBatch(now);
      total += recovered;
      if (recovered < RECOVERY_BATCH || Date.now() - started > RECOVERY_BUDGET_MS) return total;
    }
  }

  private async recoverBatch(now: Date): Promise<number> {
    const rows = await updateReturning<{ id: string; dispatches: number }>(
      this.dataSource.manager,
      // A message still `sending` past its lease was cut off mid-send (its process died): it is pending again.
      `UPDATE notifications n
       SET status = 'pending', dispatches = n.dispatches + 1, lease_until = $1::timestamptz + ${lease('$2')},
           dispatch_epoch = $3
       WHERE n.id IN (
         SELECT id FROM notifications WHERE status IN ('pending', 'sending') AND lease_until < $1
         ORDER BY lease_until LIMIT ${RECOVERY_BATCH} FOR UPDATE SKIP LOCKED)
       RETURNING n.id, n.dispatches`,
      [now, this.config.timerLeaseMs, this.epoch.cached()],
    );
    await this.addJobs(rows.map((r) => ({ id: r.id, jobId: `${r.id}-${r.dispatches}` })));
    return rows.length;
  }

  /**
   * Ends the lease of every message still `pending` under an earlier Redis epoch of this prefix (its job went with
   * Redis's data), so that `recoverLost` queues it again at once. A message `sending` may be on the wire in a live
   * worker: its lease decides. Idempotent (a message queued again carries the new epoch); a job queued twice sends
   * once, as the send claims the message first.
   */
  async releaseLost(now: Date, epoch: string, family: string): Promise<number> {
    return updateCount(
      this.dataSource.manager,
      `UPDATE notifications SET lease_until = $1::timestamptz - interval '1 millisecond'
       WHERE status = 'pending' AND dispatch_epoch <> $2 AND starts_with(dispatch_epoch, $3) AND lease_until >= $1`,
      [now, epoch, family],
    );
  }

  async list(
    scope: TenantScope,
    query: { page: number; pageSize: number; status?: NotificationStatus },
  ): Promise<Page<NotificationSummary>> {
    // One filter for the page, the count and the export (notification-list-filter.util).
    const where = notificationListWhere(scope, query);
    const filters = where.params;
    const limit = where.param(query.pageSize);
    const offset = where.param((query.page - 1) * query.pageSize);
    const rows: NotificationRow[] = await this.dataSource.query(
      `SELECT ${NOTIFICATION_SUMMARY_COLUMNS} FROM notifications n WHERE ${where.sql}
       ORDER BY ${NOTIFICATION_ORDER} LIMIT ${limit} OFFSET ${offset}`,
      where.params,
    );
    const [{ total }]: Array<{ total: number }> = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM notifications n WHERE ${where.sql}`,
      filters,
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
   * Gives a dead notification a fresh set of attempts under a new job id (`<id>-<dispatches>`).
   * Null when there is no such notification in the organisation; 'not-dead' when it is not dead.
   */
  async retry(scope: TenantScope, id: string): Promise<NotificationSummary | null | 'not-dead'> {
    const rows = await updateReturning<NotificationRow & { dispatches: number }>(
      this.dataSource.manager,
      `UPDATE notifications n SET status = 'pending', attempts = 0, next_attempt_at = NULL, retries = retries + 1,
         dispatches = dispatches + 1, lease_until = now() + ${lease('$3')}, dispatch_epoch = $4
       WHERE n.organisation_id = $1 AND n.id = $2 AND n.status = 'dead'
       RETURNING ${NOTIFICATION_SUMMARY_COLUMNS}, n.dispatches`,
      [scope.organisationId, id, this.config.timerLeaseMs, this.epoch.cached()],
    );
    if (!rows[0]) return (await this.get(scope, id)) ? 'not-dead' : null;
    await this.addJobs([{ id, jobId: `${id}-${rows[0].dispatches}` }]);
    return toNotificationSummary(rows[0]);
  }

  /** Queues send jobs in one round trip. */
  private async addJobs(
    jobs: ReadonlyArray<{ id: string; jobId: string }>,
    priority?: number,
  ): Promise<void> {
    if (jobs.length === 0) return;
    const policy = this.retryPolicy;
    await this.queues.addMany(
      jobs.map(({ id, jobId }) => ({
        name: JobName.NotificationSend,
        data: { notificationId: id },
        opts: {
          jobId,
          ...(priority ? { priority } : {}),
          attempts: policy.attempts,
          backoff: { type: 'exponential', delay: policy.delayMs, jitter: policy.jitter },
        },
      })),
    );
  }
}
