import { BenchDatabase } from '../../bench/scheduler/bench-database';
import { ReactivationSeed, type ReactivationWatch } from '../../bench/reactivation/reactivation-seed';
import type { PrivatePostgres } from './private-postgres';

/** The suite's database on its own PostgreSQL: created, migrated as the owner and seeded set-based. */
export const FAULT_DATABASE = 'waakvlam_fault';

/** One scenario's share of the seeded watches: reactivations for the first ones, reminders for the rest. */
export interface Slice {
  reactivationWatches: ReactivationWatch[];
  /** Watch numbers (client reference `B<n>`) of the reminders: [from, to]. */
  reminderFrom: number;
  reminderTo: number;
}

/** What the outbox says about a set of notifications. */
export interface OutboxState {
  ids: string[];
  byStatus: Record<string, number>;
  maxAttempts: number;
}

export class FaultDatabase {
  readonly db: BenchDatabase;
  private readonly seed: ReactivationSeed;
  private watches: ReactivationWatch[] = [];
  private next = 0;
  private remindersUsed = 0;
  private reactivationsPerSlice = 0;
  private remindersStart = 0;
  coordinators: Array<{ organisationId: string; email: string }> = [];

  constructor(pg: PrivatePostgres) {
    this.db = new BenchDatabase(pg.url('postgres'), FAULT_DATABASE, 6);
    this.seed = new ReactivationSeed(this.db);
  }

  /** The owner's URL (migrations) and the application login role's (row-level security applies to it). */
  get ownerUrl(): string {
    return this.db.url;
  }
  get appUrl(): string {
    return this.db.appUrl;
  }

  /**
   * Creates and migrates the database (the project's migrations, as the owner; the application's login role as a
   * member of waakvlam_app) and seeds watches for `slices` scenarios: each gets `reactivations` watches for
   * requests, and `reminders` watches in all are kept for the scenarios' due reminders.
   */
  async create(slices: number, reactivations: number, reminders: number): Promise<number> {
    const { migrations } = await this.db.create();
    this.reactivationsPerSlice = reactivations;
    const requestWatches = slices * reactivations;
    this.remindersStart = requestWatches + 1;
    const seeded = await this.seed.seed(requestWatches, reminders);
    this.coordinators = seeded.coordinators;
    this.watches = await this.seed.requestWatches(requestWatches);
    return migrations.length;
  }

  takeSlice(reminders: number): Slice {
    const i = this.next++;
    const from = this.remindersStart + this.remindersUsed;
    this.remindersUsed += reminders;
    return {
      reactivationWatches: this.watches.slice(
        i * this.reactivationsPerSlice,
        (i + 1) * this.reactivationsPerSlice,
      ),
      reminderFrom: from,
      reminderTo: from + reminders - 1,
    };
  }

  /**
   * A check_in_overdue timer (the caseworker's e-mail) for the planned check-in of each reminder watch of the
   * slice, falling due evenly from `startsInMs` over `overMs`. Returns the check-in ids.
   */
  async dueReminders(slice: Slice, startsInMs: number, overMs: number): Promise<string[]> {
    const count = slice.reminderTo - slice.reminderFrom + 1;
    if (count <= 0) return [];
    const rows = await this.db.query<{ subject_id: string }>(
      `INSERT INTO timers (organisation_id, kind, subject_id, fire_at)
       SELECT ci.organisation_id, 'check_in_overdue', ci.id,
              now() + make_interval(secs => ($3::float8 + (s.n - $1) * $4::float8 / $5) / 1000)
       FROM generate_series($1::int, $2::int) AS s(n)
       JOIN watches w ON w.client_id = md5('wvbench-client-' || s.n)::uuid
       JOIN check_ins ci ON ci.watch_id = w.id AND ci.status = 'planned'
       ON CONFLICT (subject_id, kind) WHERE state IN ('pending', 'claimed') DO NOTHING
       RETURNING subject_id::text`,
      [slice.reminderFrom, slice.reminderTo, startsInMs, overMs, count],
    );
    return rows.map((r) => r.subject_id);
  }

  /** The notification ids of a scenario: its reminders' e-mails and the e-mails of every request on its watches. */
  async notificationIds(checkInIds: readonly string[], watchIds: readonly string[]): Promise<string[]> {
    const rows = await this.db.query<{ id: string }>(
      `SELECT id FROM notifications WHERE idempotency_key = ANY(SELECT 'check-in-overdue-' || unnest($1::text[]))
       UNION ALL
       -- reactivation-<request id>-…: one pass over the reactivation e-mails, not one per request.
       SELECT n.id FROM notifications n
       WHERE n.idempotency_key LIKE 'reactivation-%'
         AND substr(n.idempotency_key, 14, 36) IN (
           SELECT id::text FROM reactivation_requests WHERE watch_id = ANY($2::uuid[]))`,
      [checkInIds, watchIds],
    );
    return rows.map((r) => r.id);
  }

  async outbox(ids: readonly string[]): Promise<OutboxState> {
    const rows = await this.db.query<{ status: string; n: string; attempts: number }>(
      `SELECT status, count(*) AS n, max(attempts)::int AS attempts FROM notifications
       WHERE id = ANY($1::uuid[]) GROUP BY status`,
      [ids],
    );
    return {
      ids: [...ids],
      byStatus: Object.fromEntries(rows.map((r) => [r.status, Number(r.n)])),
      maxAttempts: Math.max(0, ...rows.map((r) => r.attempts)),
    };
  }

  /** Timers of these check-ins by state, and how many were claimed more than once (their job was lost). */
  async timerStates(checkInIds: readonly string[]): Promise<Record<string, number> & { reclaimed: number }> {
    const rows = await this.db.query<{ state: string; n: string; reclaimed: string }>(
      `SELECT state, count(*) AS n, count(*) FILTER (WHERE attempts > 1) AS reclaimed FROM timers
       WHERE kind = 'check_in_overdue' AND subject_id = ANY($1::uuid[]) GROUP BY state`,
      [checkInIds],
    );
    const states: Record<string, number> = {};
    let reclaimed = 0;
    for (const r of rows) {
      states[r.state] = Number(r.n);
      reclaimed += Number(r.reclaimed);
    }
    return Object.assign(states, { reclaimed });
  }

  /**
   * Timers of these check-ins, due by `faultAt`, still on their first claim: their job was in Redis when it lost
   * everything, and they wait for the planner to claim them again (zero: all re-enqueued or done).
   */
  async waitingForReclaim(checkInIds: readonly string[], faultAt: number): Promise<number> {
    const [row] = await this.db.query<{ n: string }>(
      `SELECT count(*) AS n FROM timers
       WHERE kind = 'check_in_overdue' AND subject_id = ANY($1::uuid[]) AND state = 'claimed' AND attempts = 1
         AND fire_at <= $2`,
      [checkInIds, new Date(faultAt)],
    );
    return Number(row.n);
  }

  /** Which of these notifications the outbox has not recorded as sent. */
  async unrecorded(ids: readonly string[]): Promise<string[]> {
    const rows = await this.db.query<{ id: string }>(
      `SELECT id::text FROM notifications WHERE id = ANY($1::uuid[]) AND status <> 'sent'`,
      [ids],
    );
    return rows.map((r) => r.id);
  }

  /** Which of these reactivation request ids exist. */
  async existingRequests(ids: readonly string[]): Promise<Set<string>> {
    const rows = await this.db.query<{ id: string }>(
      `SELECT id::text FROM reactivation_requests WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    return new Set(rows.map((r) => r.id));
  }

  async deadCount(): Promise<number> {
    const [row] = await this.db.query<{ n: string }>(
      `SELECT count(*) AS n FROM notifications WHERE status = 'dead'`,
    );
    return Number(row.n);
  }

  /** The pool reconnects by itself after a restart; errors of idle connections cut by it are expected. */
  async close(): Promise<void> {
    await this.db.close().catch(() => undefined);
  }
}
