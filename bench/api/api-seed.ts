import { REACTIVATION_SOURCES, SIGNAL_CATEGORIES } from '@waakvlam/contracts';
import { PasswordHasher } from '../../api/src/core/auth/password-hasher.service';
import type { BenchDatabase } from '../scheduler/bench-database';

/** The password of the bench's coordinator and caseworkers (who sign in to read). */
export const BENCH_PASSWORD = 'bench-api-2026';
export const COORDINATOR_EMAIL = 'coordinator@bench-api.example';
/** The caseworker who signs in: caseworker 1 (every caseworker has the same share of the watches). */
export const CASEWORKER_EMAIL = 'caseworker-1@bench-api.example';

export const CASEWORKERS = 25;
export const PARTNERS = 4;
export const NEIGHBOURHOODS = [
  'Centrum',
  'Noord',
  'Oost',
  'Zuid',
  'West',
  'Nieuw-West',
  'Haven',
  'Binnenstad',
  'Tuindorp',
  'Rivierenwijk',
  'Overvecht',
  'Leidsche Rijn',
];
/** At the full 50,000 watches; fewer watches get proportionally fewer (at least the minimum). */
const REACTIVATIONS_PER_50K = 2_000;
const SIGNALS_PER_50K = 1_500;
/** Days of history: the dashboard's default period (12 weeks). */
const HISTORY_DAYS = 84;
/** Rows per seeding statement (watch ranges). */
const BATCH = 25_000;

/**
 * Ids are derived from a number (an md5 with the version 4 and variant bits set: a valid random UUID, as the API's
 * validation wants), so each row finds its parents without a join.
 */
const id = (kind: string, n: string) =>
  `overlay(overlay(md5('wvapi-${kind}-' || ${n}) placing '4' from 13) placing '8' from 17)::uuid`;
const ORG = id('org', '1');
const COORDINATOR = id('coordinator', '1');
const caseworkerOf = (n: string, shift = 0) => id('cw', `(((${n}) - 1 + ${shift}) % ${CASEWORKERS} + 1)`);
/** A well-spread number in [0, mod) from `n` and a salt (hashint4: the same each run, uncorrelated with n % k). */
const rnd = (n: string, salt: number, mod: number | string) =>
  `((hashint4((${n}) * 131 + ${salt})::bigint + 2147483648) % (${mod}))::int`;
const textArray = (values: readonly string[]) => `ARRAY[${values.map((v) => `'${v}'`).join(', ')}]::text[]`;
const TZ = `'Europe/Amsterdam'`;

export interface SeedCounts {
  watches: number;
  caseworkers: number;
  neighbourhoods: number;
  checkIns: number;
  watchEvents: number;
  lapses: number;
  reactivations: number;
  signals: number;
  partners: number;
}

/** Ids the bench asks for in its requests. */
export interface SeedIds {
  organisationId: string;
  caseworkerId: string;
}

/**
 * ONE organisation with `watches` watches, bulk-loaded set-based (INSERT … SELECT generate_series): clients spread
 * over 12 wijken (5 % without one), 25 caseworkers, watches in every status; check-ins over the last 12 weeks
 * settled as on time, late, missed or cancelled, and one planned check-in per active or reactivated watch (8 %
 * of them overdue, the rest in the coming five weeks); the watches' events (created, check-in completed, lapsed,
 * reactivated); reactivation requests of every source and state; signals of four partners in every category and
 * state. Then VACUUM ANALYZE.
 */
export class ApiSeed {
  constructor(private readonly db: BenchDatabase) {}

  async seed(watches: number): Promise<SeedCounts> {
    const db = this.db;
    const hash = await new PasswordHasher().hash(BENCH_PASSWORD);
    await db.query(`INSERT INTO organisations (id, name) VALUES (${ORG}, 'Bench API organisation')`);
    await db.query(
      `INSERT INTO partner_organisations (id, organisation_id, name, kind)
       SELECT ${id('partner', 'p')}, ${ORG}, 'Partner ' || p,
              (${textArray(['housing_corporation', 'police', 'debt_help', 'other'])})[1 + (p - 1) % 4]
       FROM generate_series(1, ${PARTNERS}) AS p`,
    );
    await db.query(
      `INSERT INTO users (id, organisation_id, partner_organisation_id, email, display_name, role, password_hash)
       SELECT ${COORDINATOR}, ${ORG}, NULL::uuid, '${COORDINATOR_EMAIL}', 'Regievoerder', 'coordinator', $1
       UNION ALL
       SELECT ${id('cw', 'u')}, ${ORG}, NULL::uuid, 'caseworker-' || u || '@bench-api.example', 'Begeleider ' || u,
              'caseworker', $1
       FROM generate_series(1, ${CASEWORKERS}) AS u
       UNION ALL
       SELECT ${id('partner-user', 'p')}, ${ORG}, ${id('partner', 'p')}, 'partner-' || p || '@bench-api.example',
              'Melder ' || p, 'partner', $1
       FROM generate_series(1, ${PARTNERS}) AS p`,
      [hash],
    );
    await db.inRanges(1, watches, BATCH, 2, (lo, hi) => this.clientsAndWatches(lo, hi));
    await db.inRanges(1, watches, BATCH, 2, (lo, hi) => this.checkIns(lo, hi));
    await db.inRanges(1, watches, BATCH, 2, (lo, hi) => this.events(lo, hi));
    const reactivations = Math.max(40, Math.round((REACTIVATIONS_PER_50K * watches) / 50_000));
    const signals = Math.max(30, Math.round((SIGNALS_PER_50K * watches) / 50_000));
    await this.reactivations(watches, reactivations);
    await this.signals(watches, signals);
    await db.query('VACUUM ANALYZE');
    const [counts] = await db.query<Record<string, string>>(
      `SELECT (SELECT count(*) FROM check_ins) AS check_ins, (SELECT count(*) FROM watch_events) AS events,
              (SELECT count(*) FROM watch_events WHERE type = 'lapsed') AS lapses`,
    );
    return {
      watches,
      caseworkers: CASEWORKERS,
      neighbourhoods: NEIGHBOURHOODS.length,
      checkIns: Number(counts['check_ins']),
      watchEvents: Number(counts['events']),
      lapses: Number(counts['lapses']),
      reactivations,
      signals,
      partners: PARTNERS,
    };
  }

  async ids(): Promise<SeedIds> {
    const [row] = await this.db.query<SeedIds>(
      `SELECT ${ORG}::text AS "organisationId", ${id('cw', '1')}::text AS "caseworkerId"`,
    );
    return row;
  }

  /**
   * Clients [lo, hi] and their watches. Status of watch n: 80 % active, 6 % paused, 5 % lapsed, 4 % reactivated,
   * 5 % ended; interval 14, 21, 28 or 35 days; started 4 to 14 months ago.
   */
  private async clientsAndWatches(lo: number, hi: number): Promise<void> {
    await this.db.query(
      `INSERT INTO clients (id, organisation_id, reference, name, preferred_channel, postcode, house_number,
         neighbourhood, legal_basis, consent_recorded_by)
       SELECT ${id('client', 'n')}, ${ORG}, 'B' || n, 'Inwoner ' || n, 'phone', (1000 + n % 9000) || 'AB',
              (1 + n % 200)::text,
              CASE WHEN ${rnd('n', 1, 100)} < 5 THEN NULL
                   ELSE (${textArray(NEIGHBOURHOODS)})[1 + ${rnd('n', 2, NEIGHBOURHOODS.length)}] END,
              'wmo_task', ${COORDINATOR}
       FROM generate_series($1::int, $2::int) AS n`,
      [lo, hi],
    );
    await this.db.query(
      `WITH s AS (
         SELECT n, ${rnd('n', 3, 100)} AS r, 14 + 7 * ${rnd('n', 4, 4)} AS interval_days,
                current_date - 120 - ${rnd('n', 5, 300)} AS start_date
         FROM generate_series($1::int, $2::int) AS n
       )
       INSERT INTO watches (id, organisation_id, client_id, status, primary_caseworker_id, backup_caseworker_id,
         interval_days, min_interval_days, max_interval_days, contact_mode, signaleringsplan, start_date,
         review_date, ended_at, end_reason)
       SELECT ${id('watch', 'n')}, ${ORG}, ${id('client', 'n')},
              CASE WHEN r < 80 THEN 'active' WHEN r < 86 THEN 'paused' WHEN r < 91 THEN 'lapsed'
                   WHEN r < 95 THEN 'reactivated' ELSE 'ended' END,
              ${caseworkerOf('n')}, ${caseworkerOf('n', 1)}, interval_days, 7, 90, 'phone',
              '{"green":{"signs":"","actions":""},"orange":{"signs":"","actions":""},"red":{"signs":"","actions":""}}',
              start_date, start_date + 365,
              CASE WHEN r >= 95 THEN now() - make_interval(days => ${rnd('n', 6, HISTORY_DAYS)}) END,
              CASE WHEN r >= 95 THEN 'support_no_longer_needed' END
       FROM s`,
      [lo, hi],
    );
  }

  /**
   * The check-ins of watches [lo, hi]: every interval from 12 weeks ago until today, settled (68 % on time, 12 %
   * late, 13 % missed, 3 % cancelled, the rest on time), and one planned per active or reactivated watch: the last
   * past one for 8 % of them (overdue), else the next one.
   */
  private async checkIns(lo: number, hi: number): Promise<void> {
    await this.db.query(
      `WITH w AS (
         SELECT n, ${id('watch', 'n')} AS watch_id, ${caseworkerOf('n')} AS cw, 14 + 7 * ${rnd('n', 4, 4)} AS iv,
                ${rnd('n', 3, 100)} AS status_r, ${rnd('n', 7, 100)} < 8 AS overdue
         FROM generate_series($1::int, $2::int) AS n
       ), d AS (
         SELECT w.*, k, current_date - ${HISTORY_DAYS} + ${rnd('w.n', 8, 'w.iv')} + k * w.iv AS due,
                ${rnd('w.n * 64 + k', 9, 100)} AS r
         FROM w CROSS JOIN LATERAL generate_series(0, ${HISTORY_DAYS} / 14 + 3) AS k
       ), c AS (
         SELECT d.*,
                CASE
                  WHEN status_r < 80 OR status_r BETWEEN 91 AND 94 THEN
                    CASE WHEN due >= current_date AND due - iv < current_date AND NOT overdue THEN 'planned'
                         WHEN due < current_date AND due + iv >= current_date AND overdue THEN 'planned'
                         WHEN due >= current_date THEN NULL
                         WHEN r < 68 THEN 'on_time' WHEN r < 80 THEN 'late' WHEN r < 93 THEN 'missed'
                         WHEN r < 96 THEN 'cancelled' ELSE 'on_time' END
                  WHEN due >= current_date THEN NULL
                  WHEN r < 60 THEN 'on_time' WHEN r < 75 THEN 'late' WHEN r < 97 THEN 'missed' ELSE 'cancelled'
                END AS kind
         FROM d
       )
       INSERT INTO check_ins (organisation_id, watch_id, caseworker_id, due_date, grace_ends_on, status, outcome,
         channel, completed_at, completed_by)
       SELECT ${ORG}, watch_id, cw, due, due + 3,
              CASE kind WHEN 'on_time' THEN 'done' WHEN 'late' THEN 'done' ELSE kind END,
              CASE WHEN kind IN ('on_time', 'late') THEN
                (${textArray(['well', 'well', 'well', 'concern', 'needs_support', 'not_reached', 'declined'])})[1 + r % 7]
              END,
              CASE WHEN kind IN ('on_time', 'late') THEN 'phone' END,
              CASE kind
                WHEN 'on_time' THEN ((due - r % 3) + time '11:00') AT TIME ZONE ${TZ}
                WHEN 'late' THEN least(((due + 1 + r % 4) + time '14:00') AT TIME ZONE ${TZ},
                                       now() - interval '1 minute')
              END,
              CASE WHEN kind IN ('on_time', 'late') THEN cw END
       FROM c WHERE kind IS NOT NULL`,
      [lo, hi],
    );
  }

  /**
   * The events of watches [lo, hi]: `created`, one `check_in_completed` per recorded check-in, and `lapsed` for
   * lapsed and reactivated watches (80 % within the 12 weeks), then `reactivated` for the latter.
   */
  private async events(lo: number, hi: number): Promise<void> {
    await this.db.query(
      `WITH w AS (
         SELECT n, ${id('watch', 'n')} AS watch_id, ${caseworkerOf('n')} AS cw, ${rnd('n', 3, 100)} AS status_r,
                now() - make_interval(days => ${rnd('n', 10, 105)}, mins => ${rnd('n', 11, 1440)}) AS lapsed_at
         FROM generate_series($1::int, $2::int) AS n
       )
       INSERT INTO watch_events (organisation_id, watch_id, type, actor_id, at)
       SELECT ${ORG}, w.watch_id, 'created', w.cw, (wa.start_date + time '10:00') AT TIME ZONE ${TZ}
       FROM w JOIN watches wa ON wa.id = w.watch_id
       UNION ALL
       SELECT ${ORG}, ci.watch_id, 'check_in_completed', ci.completed_by, ci.completed_at
       FROM w JOIN check_ins ci ON ci.watch_id = w.watch_id AND ci.status = 'done'
       UNION ALL
       SELECT ${ORG}, w.watch_id, 'lapsed', NULL, w.lapsed_at FROM w WHERE w.status_r BETWEEN 86 AND 94
       UNION ALL
       SELECT ${ORG}, w.watch_id, 'reactivated', w.cw, least(now(), w.lapsed_at + interval '2 days')
       FROM w WHERE w.status_r BETWEEN 91 AND 94`,
      [lo, hi],
    );
  }

  /**
   * `count` requests over the 12 weeks, each on its own watch: 10 % open (some in the pool), 8 % accepted, 12 %
   * contacted, 55 % resolved (every resolution), 15 % cancelled; one or two sources; one reason each.
   */
  private async reactivations(watches: number, count: number): Promise<void> {
    const step = Math.floor(watches / count);
    await this.db.query(
      `WITH s AS (
         SELECT i, (i - 1) * ${step} + 1 AS n, ${rnd('i', 20, 100)} AS r, ${rnd('i', 21, 5)} AS s1,
                ${rnd('i', 22, 100)} < 30 AS two, ${rnd('i', 23, 4)} AS s2, ${rnd('i', 24, 100)} < 20 AS urgent
         FROM generate_series(1, $1::int) AS i
       ), t AS (
         SELECT s.*,
                CASE WHEN r < 10 THEN 'open' WHEN r < 18 THEN 'accepted' WHEN r < 30 THEN 'contacted'
                     WHEN r < 85 THEN 'resolved' ELSE 'cancelled' END AS status,
                now() - make_interval(mins => CASE WHEN r < 18 THEN ${rnd('i', 25, 7 * 1440)}
                                                   ELSE ${rnd('i', 25, HISTORY_DAYS * 1440)} END) AS created_at,
                (${textArray(REACTIVATION_SOURCES)})[1 + s1] AS first_source
         FROM s
       ), u AS (
         SELECT t.*,
                CASE WHEN two THEN ARRAY[first_source, (${textArray(REACTIVATION_SOURCES)})[1 + (s1 + 1 + s2) % 5]]
                     ELSE ARRAY[first_source] END AS sources,
                CASE WHEN status = 'open' AND r % 2 = 0 THEN NULL ELSE ${caseworkerOf('n')} END AS assignee,
                created_at + make_interval(mins => ${rnd('i', 26, 600)}) AS accepted_at,
                created_at + make_interval(mins => 30 + ${rnd('i', 27, 1800)}) AS contacted_at
         FROM t
       ), ins AS (
         INSERT INTO reactivation_requests (id, organisation_id, watch_id, client_id, status, resolution,
           cancel_reason, urgency, assignee_id, sources, created_by, created_at, accepted_at, accepted_by,
           contacted_at, resolved_at, cancelled_at, sla_due_at, updated_at)
         SELECT ${id('rr', 'i')}, ${ORG}, ${id('watch', 'n')}, ${id('client', 'n')}, status,
                CASE WHEN status = 'resolved' THEN
                  (${textArray(['back_to_watch', 'support_resumed', 'referred', 'closed'])})[1 + r % 4] END,
                CASE WHEN status = 'cancelled' THEN 'Bench' END,
                CASE WHEN urgent THEN 'urgent' ELSE 'normal' END, assignee, sources,
                CASE first_source WHEN 'coordinator' THEN ${COORDINATOR} WHEN 'caseworker' THEN ${caseworkerOf('n')}
                END,
                created_at,
                CASE WHEN status IN ('accepted', 'contacted', 'resolved') THEN least(now(), accepted_at) END,
                CASE WHEN status IN ('accepted', 'contacted', 'resolved') THEN assignee END,
                CASE WHEN status IN ('contacted', 'resolved') THEN least(now(), contacted_at) END,
                CASE WHEN status = 'resolved' THEN least(now(), contacted_at + interval '1 day') END,
                CASE WHEN status = 'cancelled' THEN least(now(), created_at + interval '2 hours') END,
                created_at + CASE WHEN urgent THEN interval '4 hours' ELSE interval '16 hours' END,
                created_at
         FROM u
         RETURNING id, sources[1] AS source, urgency, created_by, created_at
       )
       INSERT INTO reactivation_reasons (organisation_id, request_id, source, urgency, reason, actor_id, created_at)
       SELECT ${ORG}, id, source, urgency, 'Bench: reden', created_by, created_at FROM ins`,
      [count],
    );
  }

  /**
   * `count` signals over the 12 weeks from the four partners, every category; 60 % about a known client; 35 %
   * received, 40 % triaged (linked to the client's watch when known and decided so), 25 % handled; 70 % of the
   * triaged and handled ones with the partner's first feedback.
   */
  private async signals(watches: number, count: number): Promise<void> {
    await this.db.query(
      `WITH s AS (
         SELECT j, 1 + ${rnd('j', 30, watches)} AS n, ${rnd('j', 31, 100)} AS r, ${rnd('j', 32, PARTNERS)} + 1 AS p,
                ${rnd('j', 33, 100)} < 60 AS matched, ${rnd('j', 34, 100)} AS f,
                now() - make_interval(mins => ${rnd('j', 35, HISTORY_DAYS * 1440)}) AS received_at
         FROM generate_series(1, $1::int) AS j
       ), t AS (
         SELECT s.*,
                CASE WHEN r < 35 THEN 'received' WHEN r < 75 THEN 'triaged' ELSE 'handled' END AS status,
                CASE WHEN r < 35 THEN NULL WHEN matched AND r % 2 = 0 THEN 'linked'
                     WHEN r % 3 = 0 THEN 'no_action' ELSE 'forwarded' END AS decision,
                least(now(), received_at + interval '1 day') AS triaged_at
         FROM s
       )
       INSERT INTO signals (organisation_id, partner_organisation_id, reported_by_user_id, postcode, house_number,
         client_id, category, description, observed_on, status, triage_decision, triage_reason, triaged_by,
         watch_id, received_at, triaged_at, handled_by, handled_at, first_feedback_at, updated_at)
       SELECT ${ORG}, ${id('partner', 'p')}, ${id('partner-user', 'p')}, '1234AB', (1 + j % 200)::text,
              CASE WHEN matched THEN ${id('client', 'n')} END,
              (${textArray(SIGNAL_CATEGORIES)})[1 + j % ${SIGNAL_CATEGORIES.length}], 'Bench-melding',
              (received_at AT TIME ZONE ${TZ})::date, status, decision,
              CASE WHEN decision IS NOT NULL THEN 'Bench' END,
              CASE WHEN decision IS NOT NULL THEN ${COORDINATOR} END,
              CASE WHEN decision = 'linked' THEN ${id('watch', 'n')} END,
              received_at,
              CASE WHEN decision IS NOT NULL THEN triaged_at END,
              CASE WHEN status = 'handled' THEN ${COORDINATOR} END,
              CASE WHEN status = 'handled' THEN least(now(), triaged_at + interval '1 day') END,
              CASE WHEN status <> 'received' AND f < 70 THEN least(now(), received_at + make_interval(mins => 30 + f * 60))
              END,
              received_at
       FROM t`,
      [count],
    );
  }
}
