import { Client, Pool } from 'pg';
import { ensureApplicationLoginRole } from '../../api/src/core/database/application-role.util';
import { createMigrationDataSource } from '../../api/src/core/database/data-source.factory';
import { runPendingMigrations } from '../../api/src/core/database/migration-runner.util';

/** Watches per organisation, and caseworkers per organisation (one per 50 watches). */
export const WATCHES_PER_ORGANISATION = 10_000;
export const CASEWORKERS_PER_ORGANISATION = 200;

/**
 * Ids are derived from the watch number (`md5(...)::uuid`: as random as gen_random_uuid(), but a watch finds its
 * client and caseworkers without a join). Organisation of watch n: (n - 1) / 10,000 + 1.
 */
const ORG_OF = (n: string) => `((${n} - 1) / ${WATCHES_PER_ORGANISATION} + 1)`;
const CASEWORKER_OF = (n: string, shift: number) =>
  `(((${n} - 1) / ${WATCHES_PER_ORGANISATION}) * ${CASEWORKERS_PER_ORGANISATION} + ` +
  `(((${n} - 1) % ${WATCHES_PER_ORGANISATION}) + ${shift}) % ${CASEWORKERS_PER_ORGANISATION} + 1)`;

const EMPTY_PLAN = JSON.stringify({
  green: { signs: '', actions: '' },
  orange: { signs: '', actions: '' },
  red: { signs: '', actions: '' },
});

/**
 * Onboarding of watches [$1, $2] in one statement, as the product writes a new watch (WatchesService.create and
 * CheckInPlanner.plan): the watch, its `created` event, its first planned check-in, and the check-in's first timer
 * (the pre-notice, N working days before the due date at 09:00 in the organisation's time zone; here N calendar
 * days). The timer insert keeps the product's ON CONFLICT on the one-live-timer-per-subject index.
 */
const ONBOARD_SQL = `
WITH s AS (
  SELECT md5('wvbench-org-' || ${ORG_OF('n')})::uuid AS organisation_id,
         md5('wvbench-client-' || n)::uuid AS client_id,
         md5('wvbench-cw-' || ${CASEWORKER_OF('n', 0)})::uuid AS primary_id,
         md5('wvbench-cw-' || ${CASEWORKER_OF('n', 1)})::uuid AS backup_id,
         14 + 7 * (n % 5) AS interval_days,
         current_date + 3 + (n % 60) AS due_date
  FROM generate_series($1::int, $2::int) AS n
), w AS (
  INSERT INTO watches (organisation_id, client_id, primary_caseworker_id, backup_caseworker_id, interval_days,
    min_interval_days, max_interval_days, contact_mode, signaleringsplan, start_date, review_date)
  SELECT organisation_id, client_id, primary_id, backup_id, interval_days, 7, 90, 'phone', $3::jsonb,
         due_date - interval_days, (due_date - interval_days + interval '12 months')::date
  FROM s
  RETURNING id, organisation_id, primary_caseworker_id, start_date, interval_days, grace_period_days,
            pre_notice_working_days
), e AS (
  INSERT INTO watch_events (organisation_id, watch_id, type, actor_id, details)
  SELECT organisation_id, id, 'created', primary_caseworker_id,
         jsonb_build_object('intervalDays', interval_days, 'firstDueDate', start_date + interval_days)
  FROM w
), c AS (
  INSERT INTO check_ins (organisation_id, watch_id, caseworker_id, due_date, grace_ends_on)
  SELECT organisation_id, id, primary_caseworker_id, start_date + interval_days,
         start_date + interval_days + grace_period_days
  FROM w
  RETURNING id, organisation_id, watch_id, due_date
)
INSERT INTO timers (organisation_id, kind, subject_id, fire_at)
SELECT c.organisation_id, 'check_in_pre_notice', c.id,
       ((c.due_date - w.pre_notice_working_days) + time '09:00') AT TIME ZONE 'Europe/Amsterdam'
FROM c JOIN w ON w.id = c.watch_id
ON CONFLICT (subject_id, kind) WHERE state IN ('pending', 'claimed') DO NOTHING`;

/** The login role the application connects as in a bench (a member of waakvlam_app; trust auth on loopback). */
export const BENCH_APP_ROLE = 'waakvlam';

/** The bench's own database: created, migrated with the project's migrations, seeded and dropped by the bench. */
export class BenchDatabase {
  /** As the owner (the admin URL's user): migrations and seeding. */
  readonly url: string;
  /** As the application connects: its own login role, under row-level security. */
  readonly appUrl: string;
  pool!: Pool;
  /** Seeding skips foreign-key checks only as a superuser (session_replication_role). */
  private superuser = false;

  constructor(
    private readonly adminUrl: string,
    readonly name: string,
    private readonly poolSize: number,
  ) {
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    this.url = url.toString();
    url.username = BENCH_APP_ROLE;
    url.password = '';
    this.appUrl = url.toString();
  }

  /** Drops and creates the database, runs every migration, and adds the bench's effect table. */
  async create(): Promise<{ migrations: string[] }> {
    await this.admin(async (admin) => {
      await admin.query(`DROP DATABASE IF EXISTS ${this.name} WITH (FORCE)`);
      await admin.query(`CREATE DATABASE ${this.name}`);
    });
    const dataSource = createMigrationDataSource(
      { databaseMigrationUrl: this.url },
      'waakvlam-bench-migrate',
    );
    await dataSource.initialize();
    let migrations: string[];
    try {
      migrations = await runPendingMigrations(dataSource);
      await ensureApplicationLoginRole(dataSource, BENCH_APP_ROLE);
    } finally {
      await dataSource.destroy();
    }
    this.pool = new Pool({
      connectionString: this.url,
      max: this.poolSize,
      application_name: 'waakvlam-bench',
    });
    // pool.end() resolves before its idle connections have closed, so the drop's FORCE can still end one: an idle
    // connection the server ends is no failure of the bench (a query on a broken one still fails as it should).
    this.pool.on('error', () => undefined);
    const [role] = await this.query<{ rolsuper: boolean }>(
      `SELECT rolsuper FROM pg_roles WHERE rolname = current_user`,
    );
    this.superuser = role?.rolsuper === true;
    // The effect the burst's processors write (one row per timer, unique: a second run adds nothing).
    await this.pool.query(`
      CREATE TABLE bench_effects (
        timer_id bigint PRIMARY KEY,
        subject_id uuid NOT NULL,
        done_at timestamptz NOT NULL DEFAULT now()
      )`);
    return { migrations };
  }

  async drop(): Promise<void> {
    await this.pool?.end();
    await this.admin((admin) => admin.query(`DROP DATABASE IF EXISTS ${this.name} WITH (FORCE)`));
  }

  async close(): Promise<void> {
    await this.pool?.end();
  }

  async query<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    return (await this.pool.query(sql, params)).rows as T[];
  }

  /** Organisations and their caseworkers for `watches` watches (not timed: they exist before onboarding). */
  async seedOrganisations(watches: number): Promise<{ organisations: number; caseworkers: number }> {
    const organisations = Math.ceil(watches / WATCHES_PER_ORGANISATION);
    const caseworkers = organisations * CASEWORKERS_PER_ORGANISATION;
    await this.pool.query(
      `INSERT INTO organisations (id, name)
       SELECT md5('wvbench-org-' || o)::uuid, 'Bench organisation ' || o FROM generate_series(1, $1::int) AS o`,
      [organisations],
    );
    await this.pool.query(
      `INSERT INTO users (id, organisation_id, email, display_name, role, password_hash)
       SELECT md5('wvbench-cw-' || u)::uuid, md5('wvbench-org-' || ((u - 1) / $2 + 1))::uuid,
              'caseworker-' || u || '@bench.example', 'Begeleider ' || u, 'caseworker', 'not-a-password-hash'
       FROM generate_series(1, $1::int) AS u`,
      [caseworkers, CASEWORKERS_PER_ORGANISATION],
    );
    return { organisations, caseworkers };
  }

  /**
   * Clients [from, to] (not timed: clients are registered before their watch starts). As a superuser their foreign
   * keys are not checked (session_replication_role = replica, in this transaction only): the ids are built to match.
   */
  async seedClients(from: number, to: number): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      if (this.superuser) await client.query('SET LOCAL session_replication_role = replica');
      await client.query(
        `INSERT INTO clients (id, organisation_id, reference, name, preferred_channel, postcode, house_number,
           legal_basis, consent_recorded_by)
         SELECT md5('wvbench-client-' || n)::uuid, md5('wvbench-org-' || ${ORG_OF('n')})::uuid, 'B' || n,
                'Inwoner ' || n, 'phone', (1000 + n % 9000) || 'AB', (1 + n % 200)::text, 'wmo_task',
                md5('wvbench-cw-' || ${CASEWORKER_OF('n', 0)})::uuid
         FROM generate_series($1::int, $2::int) AS n`,
        [from, to],
      );
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /**
   * Watches [from, to] with their event, first check-in and first timer: one statement. Returns timers inserted.
   * With `deferForeignKeys` (superusers only) the per-row foreign-key triggers are off for this transaction: the
   * caller checks the constraints set-based afterwards (`checkForeignKeys`), as a bulk import does.
   */
  async onboard(from: number, to: number, deferForeignKeys: boolean): Promise<number> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      if (deferForeignKeys && this.superuser)
        await client.query('SET LOCAL session_replication_role = replica');
      const result = await client.query(ONBOARD_SQL, [from, to, EMPTY_PLAN]);
      await client.query('COMMIT');
      return result.rowCount ?? 0;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /** Whether foreign keys can be deferred to a set-based check (it takes a superuser to turn the triggers off). */
  get canDeferForeignKeys(): boolean {
    return this.superuser;
  }

  /**
   * Checks every foreign key of `tables` set-based, one anti-join per constraint (what VALIDATE CONSTRAINT does),
   * `parallel` at a time. Returns the constraints checked; throws when a row breaks one.
   */
  async checkForeignKeys(tables: readonly string[], parallel: number): Promise<number> {
    const constraints = await this.query<{ name: string; child: string; parent: string; pairs: string[][] }>(
      `SELECT c.conname AS name, c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent,
              array(SELECT ARRAY[quote_ident(a.attname), quote_ident(b.attname)]
                    FROM unnest(c.conkey, c.confkey) AS k(ck, pk)
                    JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.ck
                    JOIN pg_attribute b ON b.attrelid = c.confrelid AND b.attnum = k.pk) AS pairs
       FROM pg_constraint c
       WHERE c.contype = 'f' AND c.conrelid::regclass::text = ANY($1)`,
      [tables],
    );
    let next = 0;
    const broken: string[] = [];
    await Promise.all(
      Array.from({ length: Math.min(parallel, constraints.length) }, async () => {
        while (next < constraints.length) {
          const { name, child, parent, pairs } = constraints[next++];
          const [row] = await this.query<{ n: string }>(
            `SELECT count(*) AS n FROM ${child} c
             WHERE ${pairs.map(([ck]) => `c.${ck} IS NOT NULL`).join(' AND ')}
               AND NOT EXISTS (SELECT 1 FROM ${parent} p WHERE ${pairs
                 .map(([ck, pk]) => `p.${pk} = c.${ck}`)
                 .join(' AND ')})`,
          );
          if (Number(row.n) > 0) broken.push(`${name}: ${row.n} rows`);
        }
      }),
    );
    if (broken.length > 0) throw new Error(`Foreign keys broken after onboarding: ${broken.join(', ')}`);
    return constraints.length;
  }

  /**
   * Runs `work` over [1, total] in ranges of `batch`, `parallel` at a time, and returns the wall time in ms.
   */
  async inRanges(
    from: number,
    to: number,
    batch: number,
    parallel: number,
    work: (from: number, to: number) => Promise<unknown>,
  ): Promise<number> {
    const ranges: Array<[number, number]> = [];
    for (let lo = from; lo <= to; lo += batch) ranges.push([lo, Math.min(to, lo + batch - 1)]);
    const started = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: Math.min(parallel, ranges.length) }, async () => {
        while (next < ranges.length) {
          const [lo, hi] = ranges[next++];
          await work(lo, hi);
        }
      }),
    );
    return performance.now() - started;
  }

  async settings(): Promise<Record<string, string>> {
    const names = [
      'server_version',
      'shared_buffers',
      'synchronous_commit',
      'fsync',
      'wal_level',
      'max_wal_size',
      'checkpoint_timeout',
      'work_mem',
      'effective_cache_size',
      'max_connections',
    ];
    const rows = await this.query<{ name: string; setting: string }>(
      `SELECT name, current_setting(name) AS setting FROM pg_settings WHERE name = ANY($1) ORDER BY name`,
      [names],
    );
    return Object.fromEntries(rows.map((r) => [r.name, r.setting]));
  }

  private async admin<T>(work: (admin: Client) => Promise<T>): Promise<T> {
    const admin = new Client({ connectionString: this.adminUrl, application_name: 'waakvlam-bench-admin' });
    await admin.connect();
    try {
      return await work(admin);
    } finally {
      await admin.end();
    }
  }
}
