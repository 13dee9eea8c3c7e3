import { randomBytes } from 'node:crypto';
/**
 * `npm run bench:api [-- --smoke | --watches N | --iterations N | --json-out FILE]`: how fast the coordinator's
 * dashboard and the console's lists answer at 50,000 watches of one organisation.
 *
 * Creates its own database (waakvlam_bench_api: dropped, created and migrated with the project's migrations, then
 * bulk-loaded set-based, see ApiSeed) and uses its own Redis prefix (its keys are deleted before and after; never
 * FLUSHALL). Starts the real HTTP application in this process (`createHttpApp`, as the e2e tests do), signs in a
 * coordinator and a caseworker, warms up, and measures sequential requests (and a few rounds of concurrent ones) of
 * every endpoint: p50/p95/p99/max against the bar "the dashboard answers in under 300 ms at 50,000 watches" (p95).
 * When the dashboard misses it, the plans of its statements (EXPLAIN ANALYZE, BUFFERS) say why. Writes the JSON
 * results to bench/results/ (smoke runs: bench/results/smoke/, not kept in git). See docs/benchmarks.md.
 */
import 'reflect-metadata';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import Redis from 'ioredis';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { AppConfig } from '../../api/src/core/config/app.config';
import { createHttpApp } from '../../api/src/core/http/http-app.factory';
import { TenantContext } from '../../api/src/core/database/tenant-context.store';
import { CheckInTallies } from '../../api/src/modules/dashboard/check-in-tallies.service';
import { HttpClient } from '../../test/support/http-client';
import { describeLatency } from '../reactivation/latency-summary';
import { BenchDatabase } from '../scheduler/bench-database';
import { benchKeys, deleteKeys, redisVersion } from '../scheduler/bench-redis';
import {
  type InfoLine,
  type TargetResult,
  int,
  printReport,
  seconds,
  writeResults,
} from '../scheduler/bench-report';
import { type CpuAccount, CpuMeter, cpuIdle, describeCpu, waitQuiet } from '../scheduler/machine-load';
import { type ApiBenchOptions, apiBenchOptionsFromCommandLine } from './api-bench-options';
import { type EndpointResult, endpoints, measureEndpoint } from './api-endpoints';
import {
  ApiSeed,
  BENCH_PASSWORD,
  CASEWORKER_EMAIL,
  COORDINATOR_EMAIL,
  NEIGHBOURHOODS,
  type SeedIds,
} from './api-seed';
import { type StatementPlan, explainDashboard } from './dashboard-explain';

const ROOT = path.resolve(__dirname, '..', '..');
const TIME_ZONE = 'Europe/Amsterdam';
const started = performance.now();
const log = (message: string) =>
  console.log(`[${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s] ${message}`);

class ApiBench {
  private readonly db: BenchDatabase;
  private readonly redis: Redis;
  private app: NestFastifyApplication | null = null;
  private readonly targets: TargetResult[] = [];
  private readonly info: InfoLine[] = [];
  private readonly results: Record<string, unknown> = {};

  constructor(private readonly o: ApiBenchOptions) {
    this.db = new BenchDatabase(o.adminDatabaseUrl, o.databaseName, 2);
    this.redis = new Redis(o.redisUrl, { maxRetriesPerRequest: null, connectionName: 'waakvlam-bench' });
  }

  async run(): Promise<number> {
    const o = this.o;
    log(
      `API bench${o.smoke ? ' (smoke)' : ''}: ${int(o.watches)} watches; ${o.iterations} sequential requests ` +
        `per endpoint after ${o.warmUp} to warm up, then ${o.concurrentRounds} round(s) of ${o.concurrency} at once`,
    );
    await this.deleteOwnKeys();
    const { migrations } = await this.db.create();
    log(`Database ${o.databaseName} created; ${migrations.length} migrations ran`);
    const seeding = new ApiSeed(this.db);
    const t0 = performance.now();
    const seeded = await seeding.seed(o.watches);
    const seedMs = performance.now() - t0;
    const ids = await seeding.ids();
    log(
      `Seeded ${int(seeded.watches)} watches, ${int(seeded.checkIns)} check-ins, ${int(seeded.watchEvents)} ` +
        `events (${int(seeded.lapses)} lapses), ${int(seeded.reactivations)} reactivation requests, ` +
        `${int(seeded.signals)} signals, then ANALYZE (${seconds(seedMs)})`,
    );
    this.info.push({
      name: 'Seed: watches / caseworkers / wijken / check-ins / events (lapses) / reactivations / signals',
      value:
        `${int(seeded.watches)} / ${seeded.caseworkers} / ${seeded.neighbourhoods} / ${int(seeded.checkIns)} / ` +
        `${int(seeded.watchEvents)} (${int(seeded.lapses)}) / ${int(seeded.reactivations)} / ` +
        `${int(seeded.signals)} in ${seconds(seedMs)}`,
    });
    this.results['seed'] = { ...seeded, seconds: Math.round(seedMs / 100) / 10 };
    this.results['machine'] = await this.machine();
    this.results['run'] = { date: new Date().toISOString(), options: { ...o, adminDatabaseUrl: undefined } };

    const baseUrl = await this.startApp();
    log(`Application up at ${baseUrl}`);
    // What the workers' check-in-tally-compact job does every 5 minutes: the seed's check-ins folded into tallies.
    const tallies = this.app?.get(CheckInTallies);
    if (!tallies) throw new Error('The application did not start');
    const folded = await TenantContext.asSystem('bench', () => tallies.compact());
    await this.db.query('VACUUM ANALYZE check_in_tallies, check_in_tally_changes');
    log(`Folded ${int(folded)} check-in tally changes`);
    const signIn = async (email: string) => {
      const client = new HttpClient(baseUrl);
      const response = await client.login(email, BENCH_PASSWORD);
      if (response.status !== 200) throw new Error(`Sign-in of ${email} failed: ${response.status}`);
      return client;
    };
    // One after another: sign-ins of one account that are still in flight count towards its delay (docs/security.md).
    const sessionsOf = async (email: string): Promise<HttpClient[]> => {
      const sessions: HttpClient[] = [];
      for (let i = 0; i < o.concurrency; i += 1) sessions.push(await signIn(email));
      return sessions;
    };
    const clients = {
      coordinator: await sessionsOf(COORDINATOR_EMAIL),
      caseworker: await sessionsOf(CASEWORKER_EMAIL),
    };
    await this.quiet();

    const measured: Array<EndpointResult & { cpu: CpuAccount }> = [];
    let dashboardMissed = false;
    const meter = new CpuMeter(() => [process.pid], o.databaseName, new URL(o.redisUrl).port || '6379');
    const first = meter.snapshot();
    for (const endpoint of endpoints(ids, NEIGHBOURHOODS[0])) {
      const before = meter.snapshot();
      const latencies = await measureEndpoint(endpoint, clients[endpoint.asker], o);
      const result = { ...latencies, cpu: meter.account(before, meter.snapshot()) };
      measured.push(result);
      log(`${endpoint.name}: ${describeLatency(result.sequential)}`);
      const pass = result.sequential.p95 < o.targetP95Ms;
      if (endpoint.dashboard && !pass) dashboardMissed = true;
      this.targets.push({
        name: `${endpoint.dashboard ? '' : '(list) '}${endpoint.name}`,
        measured: describeLatency(result.sequential),
        target: `p95 < ${o.targetP95Ms} ms`,
        pass,
      });
      const size = `${result.items === null ? '' : `${result.items} items, `}${(result.bytes / 1000).toFixed(1)} kB`;
      this.info.push({
        name: `${endpoint.name}: ${o.concurrency} at once; answer size`,
        value:
          `${result.concurrent ? describeLatency(result.concurrent) : 'not measured'}; ${size}; ` +
          `other load ${Math.round((result.cpu.other / Math.max(0.1, result.cpu.capacitySeconds)) * 100)} %`,
      });
    }
    const cpu = meter.account(first, meter.snapshot());
    this.info.push({ name: 'CPU while measuring (share of cores × wall time)', value: describeCpu(cpu) });
    this.results['cpuWhileMeasuring'] = cpu;
    this.results['endpoints'] = measured;

    if (dashboardMissed || o.explain) await this.explain(ids, dashboardMissed);

    this.results['targets'] = this.targets;
    this.results['figures'] = this.info;
    this.results['durationSeconds'] = Math.round((performance.now() - started) / 100) / 10;
    printReport(
      `API bench${o.smoke ? ' (smoke)' : ''}: ${int(o.watches)} watches, one organisation, ${os.cpus().length} cores ` +
        `(sequential, n ${o.iterations} per endpoint)`,
      this.targets,
      this.info,
    );
    const file = writeResults(ROOT, this.results, { smoke: o.smoke, jsonOut: o.jsonOut, bench: 'api' });
    log(`Results written to ${path.relative(ROOT, file)}`);
    return o.strict && this.targets.some((t) => !t.pass) ? 1 : 0;
  }

  /** Closes the application, deletes the bench's Redis keys and drops its database (unless --keep-db). */
  async cleanUp(): Promise<void> {
    await this.app?.close().catch(() => undefined);
    this.app = null;
    await this.deleteOwnKeys().catch(() => undefined);
    this.redis.disconnect();
    await (this.o.keepDatabase ? this.db.close() : this.db.drop()).catch(() => undefined);
  }

  /** The application's Redis keys: BullMQ's `{prefix}:…` and the plain `prefix:…` (sessions, login throttle). */
  private async deleteOwnKeys(): Promise<void> {
    for (const pattern of [benchKeys(this.o.redisPrefix), `${this.o.redisPrefix}:*`])
      await deleteKeys(this.redis, pattern);
  }

  /**
   * The product's production configuration (role api), pointed at the bench's database and Redis prefix; pools at
   * their defaults; logs at warn (the request log would share this process's output).
   */
  private async startApp(): Promise<string> {
    const config = AppConfig.fromEnv({
      NODE_ENV: 'production',
      // Production requires it; a bench run's own, thrown away with its database.
      AUTH_ENCRYPTION_KEY: randomBytes(32).toString('hex'),
      WAAKVLAM_ROLES: 'api',
      // As in production: the application's role, under row-level security.
      DATABASE_URL: this.db.appUrl,
      DATABASE_MIGRATION_URL: this.db.url,
      MIGRATE_ON_START: 'false',
      REDIS_URL: this.o.redisUrl,
      REDIS_PREFIX: this.o.redisPrefix,
      SMTP_URL: 'smtp://127.0.0.1:2525',
      PUBLIC_URL: 'http://127.0.0.1',
      COOKIE_SECURE: 'false',
      SEED_DEMO: 'false',
      ADMIN_DIST: '',
      LOG_LEVEL: 'warn',
      LOGIN_LIMIT_PER_ACCOUNT: '100',
    });
    this.results['application'] = { databasePoolSize: config.databasePoolSize, logLevel: config.logLevel };
    this.app = await createHttpApp(config);
    await this.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = this.app.getHttpServer().address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  /** The dashboard statements' plans: printed (the slowest first) and kept in the results. */
  private async explain(ids: SeedIds, missed: boolean): Promise<void> {
    const plans: StatementPlan[] = [];
    for (const [label, filter] of [
      ['default', { organisationId: ids.organisationId, caseworkerId: null, neighbourhood: null }],
      [
        'caseworkerId',
        { organisationId: ids.organisationId, caseworkerId: ids.caseworkerId, neighbourhood: null },
      ],
    ] as const)
      for (const plan of await explainDashboard(this.db, filter, TIME_ZONE))
        plans.push({ ...plan, statement: `${plan.statement} (${label})` });
    plans.sort((a, b) => b.executionMs - a.executionMs);
    this.results['dashboardPlans'] = plans;
    this.info.push({
      name: 'Dashboard statements (EXPLAIN ANALYZE execution time, slowest first)',
      value: plans.map((p) => `${p.statement} ${p.executionMs.toFixed(1)} ms`).join('; '),
    });
    if (missed) {
      const slowest = plans[0];
      for (const t of this.targets.filter((x) => !x.pass && !x.name.startsWith('(list)'))) {
        t.reason = `slowest statement: ${slowest.statement}, ${slowest.executionMs.toFixed(1)} ms (plan in the results)`;
        t.fix = 'see the plan: an index on the filtered columns, or narrow the scan to the period';
      }
    }
    console.log('\nPlans of the dashboard statements, slowest first:');
    for (const p of plans)
      console.log(`\n-- ${p.statement}: ${p.executionMs.toFixed(1)} ms\n${p.plan.join('\n')}`);
  }

  /** Waits for other load to pass when asked (--wait-quiet); records how idle the machine was. */
  private async quiet(): Promise<void> {
    const { waitQuietMs } = this.o;
    const report = (reading: number) =>
      log(`  waiting for other load to pass (idle ${Math.round(reading * 100)} %)`);
    const idle = waitQuietMs > 0 ? await waitQuiet(0.9, waitQuietMs, report) : await cpuIdle(1_000);
    this.results['idleBeforeMeasuring'] = idle;
    if (idle !== null) log(`Machine ${Math.round(idle * 100)} % idle before measuring`);
  }

  private async machine(): Promise<Record<string, unknown>> {
    const cpus = os.cpus();
    return {
      cpus: cpus.length,
      cpuModel: cpus[0]?.model ?? 'unknown',
      memoryBytes: os.totalmem(),
      node: process.version,
      redis: await redisVersion(this.redis),
      postgres: await this.db.settings(),
    };
  }
}

async function main(): Promise<void> {
  const bench = new ApiBench(apiBenchOptionsFromCommandLine());
  let signalled = false;
  const interrupted = new Promise<number>((resolve) => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const)
      process.once(signal, () => {
        signalled = true;
        console.error(`\n${signal}: cleaning up`);
        resolve(130);
      });
  });
  const finished = bench.run().catch((error: unknown) => {
    // After a signal the clean-up closes what the run still uses: its errors are expected.
    if (!signalled) console.error(`\nAPI bench failed: ${(error as Error).stack ?? String(error)}`);
    return 1;
  });
  const code = await Promise.race([finished, interrupted]);
  await bench.cleanUp();
  log(`Done in ${seconds(performance.now() - started)}`);
  process.exit(code);
}

void main();
