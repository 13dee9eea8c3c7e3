import { PasswordHasher } from '../../api/src/core/auth/password-hasher.service';
import type { BenchDatabase } from '../scheduler/bench-database';

/** The password of the bench's coordinators (one per organisation), who send the requests. */
export const COORDINATOR_PASSWORD = 'bench-reactivation-2026';

/** The tables onboarding writes, whose foreign keys are checked set-based afterwards (as an import). */
const ONBOARDED_TABLES = ['watches', 'watch_events', 'check_ins', 'timers'];

/** Rows per seeding statement, and statements at once. */
const BATCH = 50_000;
const PARALLEL = 2;

/** A watch a request will be for: its organisation and the e-mail of its primary caseworker (the assignee). */
export interface ReactivationWatch {
  watchId: string;
  organisationId: string;
  assigneeEmail: string;
}

export interface Coordinator {
  organisationId: string;
  email: string;
}

/**
 * The bench's data, seeded set-based with the scheduler bench's building blocks (BenchDatabase: organisations with
 * 200 caseworkers each, clients, and active watches onboarded as the product writes them, each with a planned
 * check-in): watches 1 … `requestWatches` get the reactivation requests (one each: no merges), the check-ins of the
 * next `timerWatches` watches get the planner's due timers. Plus one coordinator per organisation, with a real
 * argon2 password hash (the product's PasswordHasher), who signs in to send the requests.
 */
export class ReactivationSeed {
  constructor(private readonly db: BenchDatabase) {}

  async seed(
    requestWatches: number,
    timerWatches: number,
  ): Promise<{ organisations: number; caseworkers: number; watches: number; coordinators: Coordinator[] }> {
    const db = this.db;
    const watches = requestWatches + timerWatches;
    const { organisations, caseworkers } = await db.seedOrganisations(watches);
    await db.inRanges(1, watches, BATCH, PARALLEL, (lo, hi) => db.seedClients(lo, hi));
    const deferForeignKeys = db.canDeferForeignKeys;
    await db.inRanges(1, watches, BATCH, PARALLEL, (lo, hi) => db.onboard(lo, hi, deferForeignKeys));
    if (deferForeignKeys) await db.checkForeignKeys(ONBOARDED_TABLES, PARALLEL);
    const passwordHash = await new PasswordHasher().hash(COORDINATOR_PASSWORD);
    const coordinators = await db.query<Coordinator>(
      `INSERT INTO users (organisation_id, email, display_name, role, password_hash)
       SELECT o.id, 'coordinator-' || o.n || '@bench.example', 'Regievoerder ' || o.n, 'coordinator', $1
       FROM (SELECT id, row_number() OVER (ORDER BY name) AS n FROM organisations) o
       RETURNING organisation_id AS "organisationId", email`,
      [passwordHash],
    );
    await db.query('VACUUM ANALYZE');
    return { organisations, caseworkers, watches, coordinators };
  }

  /** The watches of the requests, in order (watch n is the client with reference `B<n>`). */
  requestWatches(count: number): Promise<ReactivationWatch[]> {
    return this.db.query<ReactivationWatch>(
      `SELECT w.id AS "watchId", w.organisation_id AS "organisationId", u.email AS "assigneeEmail"
       FROM clients c
       JOIN watches w ON w.client_id = c.id AND w.organisation_id = c.organisation_id
       JOIN users u ON u.id = w.primary_caseworker_id
       WHERE substr(c.reference, 2)::int BETWEEN 1 AND $1
       ORDER BY substr(c.reference, 2)::int`,
      [count],
    );
  }

  /**
   * The planner's work: a `check_in_overdue` timer (an e-mail to the caseworker and the next timer, by the product's
   * processor) for the planned check-in of each of the timer watches, falling due `rate` per second from `startsIn`
   * ms from now on. Returns how many were written.
   */
  async dueTimers(requestWatches: number, count: number, rate: number, startsInMs: number): Promise<number> {
    if (count === 0 || rate === 0) return 0;
    const [row] = await this.db.query<{ n: string }>(
      `WITH due AS (
         SELECT ci.organisation_id, ci.id, row_number() OVER (ORDER BY ci.id) - 1 AS i
         FROM clients c
         JOIN watches w ON w.client_id = c.id AND w.organisation_id = c.organisation_id
         JOIN check_ins ci ON ci.watch_id = w.id AND ci.status = 'planned'
         WHERE substr(c.reference, 2)::int > $1
         LIMIT $2
       ), inserted AS (
         INSERT INTO timers (organisation_id, kind, subject_id, fire_at)
         SELECT organisation_id, 'check_in_overdue', id,
                now() + make_interval(secs => $4::float8 / 1000 + i / $3::float8)
         FROM due
         ON CONFLICT (subject_id, kind) WHERE state IN ('pending', 'claimed') DO NOTHING
         RETURNING 1
       )
       SELECT count(*) AS n FROM inserted`,
      [requestWatches, count, rate, startsInMs],
    );
    return Number(row.n);
  }

  /** The planner's work so far: overdue timers by state, and their e-mails in the outbox by status. */
  async plannerWork(): Promise<PlannerWork> {
    const [row] = await this.db.query<Record<string, string>>(
      `SELECT count(*) FILTER (WHERE state = 'pending' AND fire_at <= now()) AS due_pending,
              count(*) FILTER (WHERE state = 'claimed') AS claimed,
              count(*) FILTER (WHERE state = 'done') AS done,
              (SELECT count(*) FROM notifications
                 WHERE idempotency_key LIKE 'check-in-overdue-%' AND status = 'sent') AS mails_sent,
              (SELECT count(*) FROM notifications
                 WHERE idempotency_key LIKE 'check-in-overdue-%' AND status IN ('pending', 'sending')) AS mails_waiting
       FROM timers WHERE kind = 'check_in_overdue'`,
    );
    return {
      at: Date.now(),
      duePending: Number(row['due_pending']),
      claimed: Number(row['claimed']),
      done: Number(row['done']),
      mailsSent: Number(row['mails_sent']),
      mailsWaiting: Number(row['mails_waiting']),
    };
  }

  /** Every reactivation request (the bench's database has only the bench's). */
  requests(): Promise<Array<{ id: string; watchId: string }>> {
    return this.db.query(`SELECT id, watch_id AS "watchId" FROM reactivation_requests`);
  }

  /** The outbox rows of these requests' e-mails: one per request, sent, is the invariant. */
  async requestMails(
    requestIds: readonly string[],
  ): Promise<Array<{ requestId: string; id: string; status: string; recipient: string }>> {
    return this.db.query(
      `SELECT split_part(substr(n.idempotency_key, length('reactivation-') + 1), '-reason-', 1) AS "requestId",
              n.id, n.status, n.recipient
       FROM notifications n
       WHERE n.idempotency_key LIKE 'reactivation-%'
         AND split_part(substr(n.idempotency_key, length('reactivation-') + 1), '-reason-', 1) = ANY($1::text[])`,
      [requestIds],
    );
  }
}

/** A reading of the planner's work: timers and their e-mails (counts). */
export interface PlannerWork {
  at: number;
  /** Pending timers already due: the planner is behind by these. */
  duePending: number;
  /** Claimed, their job queued or running. */
  claimed: number;
  done: number;
  mailsSent: number;
  /** Written by the processors, not sent yet: the mail queue's backlog. */
  mailsWaiting: number;
}
