/**
 * `npm run test:fault [-- --short] [-- --cluster]`: the reliability promise under faults, on the real build.
 *
 * Starts services of its own, so that it disturbs nobody: a Redis server (or a local 3-master Redis Cluster), a
 * PostgreSQL instance in a temporary directory (migrated as the owner; the application connects as its login role
 * under row-level security), an SMTP server that records every message and can refuse or cut, and 2 api and 3 worker
 * processes of the real build. Each scenario lets reminders fall due (check_in_overdue timers: one e-mail each) and
 * sends reactivation requests over HTTP while it injects its fault, then checks the outbox and the SMTP server:
 * nothing lost, nothing doubled but at injected DATA→reply cuts, nothing dead. Prints a Markdown table, writes the
 * JSON results to test/fault/results/ (short runs: test/fault/results/smoke/, git-ignored), and exits 1 when an
 * invariant broke. The processes' logs are in tmp/fault-runs/<run>/. See docs/reliability.md.
 */
import { mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppFleet, suiteEnv } from './app-fleet';
import { runSuite } from './suite-main';
import { FaultDatabase } from './fault-database';
import {
  type FaultContext,
  type LoadPlan,
  type ScenarioResult,
  duplicatesOf,
  unexplainedDuplicates,
  round,
  runScenario,
  sleep,
} from './fault-harness';
import { type FaultOptions, parseOptions } from './fault-options';
import { type FaultRedis, startRedisCluster, startSingleRedis } from './fault-redis';
import { markdown, writeResults } from './fault-report';
import { FaultSmtpSink } from './fault-smtp-sink';
import { restartPostgres } from './postgres-restart.scenario';
import { PrivatePostgres } from './private-postgres';
import { drainOnSigterm, freezeWorker, sigkillWorkers } from './process-faults.scenario';
import { QueueMonitor } from './queue-monitor';
import { ReactivationLoad } from './reactivation-load';
import { flushAll, restartRedis } from './redis-faults.scenario';
import { baseline, refuseSmtp } from './smtp-faults.scenario';

const ROOT = path.resolve(__dirname, '..', '..');
const PREFIX = 'wvfault';
/**
 * The application's settings in the suite: a fast planner and short leases, so recoveries fit in minutes. The lease
 * outlasts the PostgreSQL outage with its crash recovery (a message accepted by SMTP during the outage is marked
 * sent within its claim's lease once PostgreSQL is back; past the lease the outbox may send it again), as the
 * product's default (300 s) outlasts a restart.
 */
const settingsFor = (o: FaultOptions) => ({
  plannerIntervalMs: 500,
  timerLeaseMs: 2 * o.outageMs + 10_000,
  horizonMs: 5_000,
});

const SCENARIOS: ReadonlyArray<(ctx: Pick<FaultContext, 'options'>) => LoadPlan> = [
  baseline,
  sigkillWorkers,
  flushAll,
  restartRedis,
  restartPostgres,
  refuseSmtp,
  freezeWorker,
  drainOnSigterm,
];

const started = Date.now();
const log = (message: string) =>
  console.log(`[${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s] ${message}`);

class FaultSuite {
  private redis: FaultRedis | null = null;
  private postgres: PrivatePostgres | null = null;
  private sink: FaultSmtpSink | null = null;
  private fleet: AppFleet | null = null;
  private db: FaultDatabase | null = null;
  private monitor: QueueMonitor | null = null;
  readonly runDir: string;
  private readonly settings: ReturnType<typeof settingsFor>;

  constructor(private readonly o: FaultOptions) {
    this.settings = settingsFor(o);
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    this.runDir = path.join(ROOT, 'tmp', 'fault-runs', `${stamp}${o.cluster ? '-cluster' : ''}`);
    mkdirSync(this.runDir, { recursive: true });
  }

  async run(): Promise<number> {
    const o = this.o;
    const plans = SCENARIOS.map((make) => make({ options: o })).filter(
      (p) => !o.only || o.only.includes(p.name),
    );
    if (plans.length === 0) throw new Error(`No scenario named ${o.only?.join(', ')}`);
    log(
      `Fault suite${o.short ? ' (short)' : ''}${o.cluster ? ' on a Redis Cluster' : ''}; logs in ${path.relative(ROOT, this.runDir)}`,
    );

    this.redis = o.cluster
      ? await startRedisCluster(path.join(this.runDir, 'redis'))
      : await startSingleRedis(path.join(this.runDir, 'redis'));
    this.postgres = await PrivatePostgres.start();
    log(`Redis (${this.redis.mode}) at ${this.redis.url}, PostgreSQL on port ${this.postgres.port}`);
    this.db = new FaultDatabase(this.postgres);
    const slices = plans.length;
    const migrations = await this.db.create(slices, o.reactivations, slices * Math.max(o.reminders, 300));
    log(`Database migrated (${migrations} migrations) and seeded`);
    this.sink = new FaultSmtpSink();
    await this.sink.start();

    this.fleet = await AppFleet.create({
      root: ROOT,
      runDir: this.runDir,
      apis: 2,
      workers: 3,
      env: {
        ...suiteEnv({
          appDatabaseUrl: this.db.appUrl,
          ownerDatabaseUrl: this.db.ownerUrl,
          redisUrl: this.redis.url,
          redisPrefix: PREFIX,
          smtpUrl: this.sink.url,
        }),
        ...(o.cluster ? { REDIS_CLUSTER: 'true' } : {}),
        DATABASE_POOL_SIZE: '10',
        PLANNER_INTERVAL_MS: String(this.settings.plannerIntervalMs),
        PLANNER_HORIZON_SECONDS: String(this.settings.horizonMs / 1000),
        TIMER_LEASE_SECONDS: String(this.settings.timerLeaseMs / 1000),
        WORKER_CONCURRENCY: '50',
      },
    });
    const t0 = Date.now();
    await this.fleet.start();
    log(`2 api and 3 worker processes up (${round((Date.now() - t0) / 1000)} s)`);
    this.monitor = new QueueMonitor((name) => (this.redis as FaultRedis).connect(name), `{${PREFIX}}`);
    await this.monitor.start();
    const load = new ReactivationLoad(this.fleet.apis.map((a) => a.url));
    await load.signIn(this.db.coordinators);

    const ctx: FaultContext = {
      options: o,
      redis: this.redis,
      postgres: this.postgres,
      sink: this.sink,
      fleet: this.fleet,
      db: this.db,
      load,
      monitor: this.monitor,
      settings: this.settings,
      log,
    };
    const results: ScenarioResult[] = [];
    for (const plan of plans) {
      const result = await runScenario(ctx, plan);
      results.push(result);
      log(
        `  ${result.pass ? 'PASS' : 'FAIL'} ${result.name}: ${result.delivered}/${result.notifications} delivered, ` +
          `${result.duplicates} duplicates (${result.cuts} cuts), settled in ${result.settleSeconds} s` +
          (result.failures.length > 0 ? `\n    ${result.failures.join('\n    ')}` : ''),
      );
      // A crashed process is a finding of the scenario that crashed it; the next one starts with a full fleet.
      for (const p of this.fleet.all) if (!p.running) await p.start();
    }

    // A late duplicate (a lease that ran out after a scenario settled) counts too.
    await sleep(this.settings.timerLeaseMs + 3_000);
    const counts = this.sink.counts();
    for (const r of results) {
      const duplicates = duplicatesOf(r.notificationIds, counts);
      const unexplained = unexplainedDuplicates(r.notificationIds, counts, r.allowance);
      r.duplicates = duplicates;
      if (unexplained > r.unexplainedDuplicates) {
        r.failures.push(
          `${unexplained - r.unexplainedDuplicates} more duplicate deliveries after the scenario, explained by no ` +
            `cut or acknowledgement gap`,
        );
        r.unexplainedDuplicates = unexplained;
        r.pass = false;
      }
    }
    const dead = await this.db.deadCount();
    const metrics = await this.metricsCheck();
    if (metrics) console.error(`BROKEN: ${metrics}`);
    const title =
      `Fault suite${o.short ? ' (short)' : ''}, ${this.redis.mode === 'cluster' ? '3-master Redis Cluster' : 'single Redis'}, ` +
      `${os.cpus().length} cores, ${new Date().toISOString().slice(0, 16)}Z`;
    const table = markdown(title, results);
    console.log(`\n${table}\n`);
    const processExits = Object.fromEntries(this.fleet.all.map((p) => [p.name, p.exits]));
    const file = writeResults(
      ROOT,
      {
        run: {
          date: new Date().toISOString(),
          options: o,
          settings: this.settings,
          durationSeconds: round((Date.now() - started) / 1000),
        },
        machine: {
          cpus: os.cpus().length,
          cpuModel: os.cpus()[0]?.model ?? 'unknown',
          node: process.version,
        },
        results: results.map(({ notificationIds: _ids, allowance: _allowance, ...r }) => r),
        cutLog: this.sink.cutLog,
        deadInOutbox: dead,
        metricsCheck: metrics ?? 'ok',
        processExits,
        markdown: table,
      },
      o,
    );
    log(`Results written to ${path.relative(ROOT, file)}`);
    const broken = results.filter((r) => !r.pass);
    if (dead > 0) console.error(`BROKEN: ${dead} dead notifications in the outbox`);
    if (broken.length > 0) console.error(`BROKEN: ${broken.map((r) => r.name).join(', ')}`);
    console.log(`${results.length - broken.length} passed, ${broken.length} failed`);
    return broken.length > 0 || dead > 0 || metrics ? 1 : 0;
  }

  /**
   * GET /metrics reads every queue's counts and BullMQ's completed/failed metrics (Lua scripts of their own): on a
   * Redis Cluster as on one server, each source must be up and the completed jobs counted. Null when fine.
   */
  private async metricsCheck(): Promise<string | null> {
    const api = (this.fleet as AppFleet).apis[0];
    const response = await fetch(`${api.url}/metrics`).catch((e: unknown) => e as Error);
    if (response instanceof Error) return `GET /metrics failed: ${response.message}`;
    const text = await response.text();
    if (response.status !== 200) return `GET /metrics answered ${response.status}`;
    if (/waakvlam_metrics_source_up\{[^}]*\} 0/.test(text)) return 'GET /metrics reports a source down';
    if (!/waakvlam_queue_jobs_completed_total\{[^}]*queue="mail"[^}]*\} [1-9]/.test(text))
      return 'GET /metrics counts no completed mail jobs';
    return null;
  }

  async cleanUp(): Promise<void> {
    await this.fleet?.stop().catch(() => undefined);
    await this.monitor?.close().catch(() => undefined);
    await this.sink?.stop().catch(() => undefined);
    await this.db?.close();
    await this.redis?.destroy().catch(() => undefined);
    await this.postgres?.destroy(this.runDir).catch(() => undefined);
  }
}

void runSuite({
  root: ROOT,
  label: 'fault suite',
  parse: parseOptions,
  create: (o) => new FaultSuite(o),
  log,
});
