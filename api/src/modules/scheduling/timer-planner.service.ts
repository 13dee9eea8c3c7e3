import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../core/config/app.config';
import { QueueName } from '../../core/queue/queue.constants';
import { QueueService } from '../../core/queue/queue.service';
import { RedisEpoch } from '../../core/queue/redis-epoch.service';
import { updateCount, updateReturning } from '../../core/database/update-returning.util';
import { NotificationsService } from '../notifications/notifications.service';
import { type ClaimedTimer, timerJobs } from './timer-jobs.util';

export interface PlannerTick {
  /** Timers claimed and handed to BullMQ in this tick (including re-claimed ones). */
  enqueued: number;
  /** The jobs they went into (one per kind and second of fire time, at most TIMERS_PER_JOB timers each). */
  jobs: number;
  /** Of those, timers whose lease had expired (or was released): their first job was lost. */
  reclaimed: number;
  /** Timers claimed and e-mails pending under an earlier Redis epoch, queued again at once (Redis lost its data). */
  released: number;
  /** True when the timer queue reached its cap during the tick (the tick then waits for room, up to its interval). */
  capped: boolean;
  /** Outbox messages whose job was lost, queued again. */
  recoveredNotifications: number;
  batches: number;
  /** Time spent in the claim statements. */
  claimMs: number;
  ms: number;
}

/** How often a capped tick looks whether the workers made room. */
const CAP_POLL_MS = 100;

/** Retries of a timer's job before its lease takes over. */
const TIMER_JOB_ATTEMPTS = 5;

/**
 * The planner: claims timers due within the horizon in batches (one statement each, `FOR UPDATE SKIP LOCKED`, so
 * planners never wait for or double-claim each other) and adds their jobs with `addBulk`, a deterministic job id and
 * the remaining delay. Timers whose lease passed without completion (their job was lost) are claimed again first;
 * when Redis lost its data (a new RedisEpoch), every timer claimed under the old one is claimed again at once.
 */
@Injectable()
export class TimerPlannerService {
  private readonly logger = new Logger('TimerPlanner');

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly queues: QueueService,
    private readonly notifications: NotificationsService,
    private readonly epoch: RedisEpoch,
  ) {}

  async tick(now: () => Date = () => new Date()): Promise<PlannerTick> {
    const started = Date.now();
    // A tick works for at most one interval; the next one continues where it stopped.
    const budgetMs = this.config.plannerIntervalMs;
    const queue = this.queues.queue(QueueName.Timers);
    const result: PlannerTick = {
      enqueued: 0,
      jobs: 0,
      reclaimed: 0,
      released: 0,
      capped: false,
      recoveredNotifications: 0,
      batches: 0,
      claimMs: 0,
      ms: 0,
    };
    // Redis lost its data (or this process has not looked yet): the jobs of earlier claims are gone with it.
    const { epoch, changed } = await this.epoch.read();
    if (changed)
      result.released =
        (await this.releaseLostClaims(now(), epoch)) +
        (await this.notifications.releaseLost(now(), epoch, this.epoch.family));
    const [recovered, queued] = await Promise.all([this.notifications.recoverLost(now()), queue.count()]);
    result.recoveredNotifications = recovered;
    // The cap counts jobs (each up to TIMERS_PER_JOB timers); a batch may pass it by its own jobs, then adding stops.
    let room = this.config.plannerQueueCap - queued;
    for (;;) {
      if (room <= 0) {
        // Back-pressure: wait for the workers to make room within this tick, rather than idle until the next one.
        result.capped = true;
        if (Date.now() - started > budgetMs) break;
        await new Promise((resolve) => setTimeout(resolve, CAP_POLL_MS));
        room = this.config.plannerQueueCap - (await queue.count());
        continue;
      }
      const size = this.config.plannerBatchSize;
      const claimStarted = performance.now();
      const claimed = await this.claim(now(), size, epoch);
      result.claimMs += performance.now() - claimStarted;
      result.batches++;
      if (claimed.length > 0) {
        const jobs = timerJobs(claimed);
        const sentAt = Date.now();
        await this.queues.addMany(
          jobs.map((job) => ({
            name: job.name,
            data: { timerIds: job.timerIds },
            opts: {
              jobId: job.jobId,
              delay: Math.max(0, job.runAt.getTime() - sentAt),
              attempts: TIMER_JOB_ATTEMPTS,
              backoff: { type: 'exponential', delay: 2_000, jitter: 0.5 },
            },
          })),
        );
        result.enqueued += claimed.length;
        result.jobs += jobs.length;
        result.reclaimed += claimed.filter((t) => t.attempts > 1).length;
        room -= jobs.length;
      }
      if (claimed.length < size || Date.now() - started > budgetMs) break;
    }
    result.ms = Date.now() - started;
    if (result.released > 0)
      this.logger.warn(`Redis lost its data: ${result.released} timers and e-mails of its jobs queued again`);
    if (result.reclaimed > 0) this.logger.warn(`Re-claimed ${result.reclaimed} timers whose job was lost`);
    if (result.capped)
      this.logger.warn(`Timer queue is over its cap (${this.config.plannerQueueCap}): waiting`);
    return result;
  }

  /**
   * One batch in one statement: expired leases first, then pending timers by fire time. The CTEs are read lazily,
   * so no more rows are locked than the batch takes.
   */
  private async claim(now: Date, size: number, epoch: string): Promise<ClaimedTimer[]> {
    const horizon = new Date(now.getTime() + this.config.plannerHorizonMs);
    return updateReturning<ClaimedTimer>(
      this.dataSource.manager,
      `WITH expired AS (
         SELECT id FROM timers WHERE state = 'claimed' AND lease_until < $1
         ORDER BY lease_until LIMIT $3 FOR UPDATE SKIP LOCKED
       ), due AS (
         SELECT id FROM timers WHERE state = 'pending' AND fire_at <= $2
         ORDER BY fire_at LIMIT $3 FOR UPDATE SKIP LOCKED
       ), batch AS (
         (SELECT id FROM expired) UNION ALL (SELECT id FROM due) LIMIT $3
       )
       UPDATE timers t
       SET state = 'claimed', attempts = t.attempts + 1, claim_epoch = $5,
           lease_until = greatest(t.fire_at, $1::timestamptz) + make_interval(secs => $4::float8 / 1000)
       WHERE t.id = ANY(ARRAY(SELECT id FROM batch))
       RETURNING t.id::text AS id, t.kind, t.fire_at, t.attempts`,
      [now, horizon, size, this.config.timerLeaseMs, epoch],
    );
  }

  /**
   * Ends the lease of every timer claimed under an earlier epoch of this prefix (its job went with Redis's data), so
   * that this tick claims it again. Idempotent: a timer claimed again carries the new epoch. Timers a worker is still
   * on are safe to claim again: their effect takes them in its transaction, once.
   */
  private async releaseLostClaims(now: Date, epoch: string): Promise<number> {
    return updateCount(
      this.dataSource.manager,
      `UPDATE timers SET lease_until = $1::timestamptz - interval '1 millisecond'
       WHERE state = 'claimed' AND claim_epoch <> $2 AND starts_with(claim_epoch, $3) AND lease_until >= $1`,
      [now, epoch, this.epoch.family],
    );
  }
}
