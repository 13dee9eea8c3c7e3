import { randomBytes } from 'node:crypto';
/**
 * `npm run bench:reactivation [-- --smoke | --duration S | --json-out FILE]`: the reactivation request's way from
 * the console's POST to the assignee's e-mail, while the planner is busy.
 *
 * Creates its own database (waakvlam_bench_reactivation: dropped, created and migrated with the project's
 * migrations, seeded set-based) and uses its own Redis prefix (its keys are deleted before and after; never
 * FLUSHALL). Runs the real application in processes of its own: the product's HTTP app (role api) and worker
 * process (role worker: the urgent, mail, timers and planner queues), with a local SMTP server as the mail server.
 * Two load generators POST /api/reactivations at fixed open-loop rates (50/s, then 50/s measured beside 200/s of
 * background), each request for its own watch with a fresh Idempotency-Key, while timers fall due for the planner.
 * Measures per request POST → response, POST → the reactivation-notify job's pickup and POST → the e-mail accepted
 * by the SMTP server; prints p50/p95/p99, the targets with PASS/MISS, where the CPU went, and writes the JSON results
 * to bench/results/ (smoke runs: bench/results/smoke/, not kept in git). See docs/benchmarks.md.
 */
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { closeSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppConfig } from '../../api/src/core/config/app.config';
import { JobName, QueueName } from '../../api/src/core/queue/queue.constants';
import { HttpClient } from '../../test/support/http-client';
import { BenchDatabase } from '../scheduler/bench-database';
import { deleteKeys, redisVersion } from '../scheduler/bench-redis';
import {
  type InfoLine,
  type TargetResult,
  int,
  printReport,
  seconds,
  writeResults,
} from '../scheduler/bench-report';
import { type CpuAccount, CpuMeter, cpuIdle, describeCpu, waitQuiet } from '../scheduler/machine-load';
import type { AppProcessReply, AppProcessSetup, LoopDelay } from './app-process';
import { BenchChild, wallClock } from './bench-child';
import { type LatencySummary } from './latency-summary';
import type { GeneratorReply, GeneratorSetup, RequestRecord, RequestTarget } from './load-generator';
import { type ReactivationBenchOptions, parseOptions } from './reactivation-options';
import { COORDINATOR_PASSWORD, ReactivationSeed, type ReactivationWatch } from './reactivation-seed';
import { type AppShape, type Run, analyseRun, latenciesOf } from './run-analysis';
import type { SinkCounts, SinkMail, SinkReply, SinkSetup } from './smtp-sink-process';

const ROOT = path.resolve(__dirname, '..', '..');
/** The application processes' JSON logs (tmp/ is git-ignored). */
const LOG_DIR = path.join(ROOT, 'tmp', 'bench-reactivation');
const started = performance.now();
const log = (message: string) =>
  console.log(`[${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s] ${message}`);

type QueueCounts = Record<string, number>;

class ReactivationBench {
  private readonly db: BenchDatabase;
  private readonly seeding: ReactivationSeed;
  private readonly redis: Redis;
  private readonly queues = new Map<string, Queue>();
  private readonly queueConnection: Redis;
  private sink: BenchChild<SinkReply> | null = null;
  private apis: Array<BenchChild<AppProcessReply>> = [];
  private appShape!: AppShape;
  private workers: Array<BenchChild<AppProcessReply>> = [];
  private generators: Array<BenchChild<GeneratorReply>> = [];
  private readonly logFiles: number[] = [];
  private readonly targets: TargetResult[] = [];
  private readonly info: InfoLine[] = [];
  private readonly results: Record<string, unknown> = {};
  /** Broken invariants (a request without exactly one e-mail, a lost job): the run fails whatever the targets say. */
  private readonly errors: string[] = [];
  private readonly idle: Record<string, number | null> = {};
  private readonly meters: Record<string, CpuMeter>;
  private readonly meter: CpuMeter;

  constructor(private readonly o: ReactivationBenchOptions) {
    this.db = new BenchDatabase(o.adminDatabaseUrl, o.databaseName, 4);
    this.seeding = new ReactivationSeed(this.db);
    this.redis = new Redis(o.redisUrl, { maxRetriesPerRequest: null, connectionName: 'waakvlam-bench' });
    this.queueConnection = new Redis(o.redisUrl, {
      maxRetriesPerRequest: null,
      connectionName: 'waakvlam-bench',
    });
    for (const name of [QueueName.Urgent, QueueName.Mail, QueueName.Timers])
      this.queues.set(
        name,
        new Queue(name, { connection: this.queueConnection, prefix: `{${o.redisPrefix}}` }),
      );
    const redisPort = new URL(o.redisUrl).port || '6379';
    const meter = (pids: () => number[]) => new CpuMeter(pids, o.databaseName, redisPort);
    this.meter = meter(() => this.pids);
    // One meter per process group: its `bench` figure is that group's CPU time.
    this.meters = {
      'bench (orchestrator)': meter(() => [process.pid]),
      'load generators': meter(() => this.generators.map((g) => g.pid)),
      'SMTP server': meter(() => (this.sink ? [this.sink.pid] : [])),
      'API process(es)': meter(() => this.apis.map((a) => a.pid)),
      'worker process(es)': meter(() => this.workers.map((w) => w.pid)),
    };
  }

  private get pids(): number[] {
    return [
      process.pid,
      ...this.generators.map((g) => g.pid),
      ...(this.sink ? [this.sink.pid] : []),
      ...this.apis.map((a) => a.pid),
      ...this.workers.map((w) => w.pid),
    ];
  }

  async run(): Promise<number> {
    const o = this.o;
    const warmUp = Math.round((o.rate * o.warmUpMs) / 1000);
    const alone = Math.round((o.rate * o.durationMs) / 1000);
    const loaded = Math.round((o.rate * o.loadedDurationMs) / 1000);
    const background = Math.round((o.backgroundRate * (o.loadedDurationMs + 2 * o.backgroundLeadMs)) / 1000);
    const requestWatches = warmUp + alone + loaded + background;
    // Timers fall due from the end of the warm-up on, for long enough to cover the second run even if an overloaded
    // API stretches it to twice its length.
    const loadSeconds = (o.durationMs + 2 * (o.loadedDurationMs + 2 * o.backgroundLeadMs)) / 1000 + 30;
    const timers = Math.round(o.timerRate * loadSeconds);
    log(
      `Reactivation bench${o.smoke ? ' (smoke)' : ''}: ${o.rate}/s for ${seconds(o.durationMs)}, then ${o.rate}/s ` +
        `for ${seconds(o.loadedDurationMs)} beside ${o.backgroundRate}/s; ${int(o.timerRate)} timers/s due meanwhile`,
    );
    await this.deleteOwnKeys();
    const { migrations } = await this.db.create();
    log(`Database ${o.databaseName} created; ${migrations.length} migrations ran`);
    this.results['machine'] = await this.machine();
    this.results['run'] = { date: new Date().toISOString(), options: { ...o, adminDatabaseUrl: undefined } };

    // The application starts while the data is seeded (it needs only the schema).
    const booting = this.startProcesses();
    booting.catch(() => undefined);
    const t0 = performance.now();
    const seeded = await this.seeding.seed(requestWatches, timers);
    const seedMs = performance.now() - t0;
    log(
      `Seeded ${seeded.organisations} organisations, ${int(seeded.caseworkers)} caseworkers, ` +
        `${int(seeded.watches)} clients with active watches and planned check-ins (${seconds(seedMs)})`,
    );
    this.info.push({
      name: 'Seed (untimed): organisations, caseworkers, active watches (with a planned check-in)',
      value: `${seeded.organisations} / ${int(seeded.caseworkers)} / ${int(seeded.watches)} in ${seconds(seedMs)}`,
    });
    const baseUrls = await booting;
    log(
      `Application up: API ${baseUrls.join(', ')}, ${this.workers.length} worker process(es), ` +
        `SMTP server ${this.sinkUrl}`,
    );

    const watches = await this.seeding.requestWatches(requestWatches);
    if (watches.length !== requestWatches)
      throw new Error(`Found ${watches.length} of ${requestWatches} watches`);
    const assignees = new Map(watches.map((w) => [w.watchId, w.assigneeEmail]));
    const sessions = await this.signIn(baseUrls[0], seeded.coordinators, watches);
    await this.startGenerators(baseUrls, sessions);

    const targets = (from: number, count: number): RequestTarget[] =>
      watches.slice(from, from + count).map(({ watchId, organisationId }) => ({ watchId, organisationId }));
    let next = 0;
    const warmUpTargets = targets(next, warmUp);
    next += warmUp;
    const aloneTargets = targets(next, alone);
    next += alone;
    const loadedTargets = targets(next, loaded);
    next += loaded;
    const backgroundTargets = targets(next, background);

    await this.quiet('before the load');
    const { all: warmUpRecords, warm } =
      warmUp > 1 ? await this.warmUp(warmUpTargets) : { all: [], warm: [] };

    // The planner's work starts now and lasts past the second run.
    const due = await this.seeding.dueTimers(requestWatches, timers, o.timerRate, 0);
    log(`${int(due)} check_in_overdue timers fall due, ${int(o.timerRate)} per second from now on`);
    this.results['plannerLoad'] = { timers: due, perSecond: o.timerRate, seconds: loadSeconds };
    if (due > 0) await this.plannerStarted();

    const runs: Run[] = [];
    runs.push(await this.measure('alone', `${o.rate}/s`, aloneTargets, [], 0));
    runs.push(
      await this.measure(
        'loaded',
        `${o.rate}/s beside ${o.backgroundRate}/s of background`,
        loadedTargets,
        backgroundTargets,
        o.backgroundRate,
      ),
    );

    const all = [...warmUpRecords, ...runs.flatMap((r) => [...r.measured, ...r.background])];
    const requests = await this.settledRequests();
    const mails = await this.drain(requests.length);
    await this.check(all, mails, assignees, requests);
    this.report(warm, runs, mails);

    this.results['idleBeforeLoad'] = this.idle;
    this.results['targets'] = this.targets;
    this.results['figures'] = this.info;
    this.results['errors'] = this.errors;
    this.results['durationSeconds'] = Math.round((performance.now() - started) / 100) / 10;
    printReport(
      `Reactivation bench${o.smoke ? ' (smoke)' : ''}: ${o.rate}/s, and ${o.rate}/s beside ${o.backgroundRate}/s, ` +
        `${int(o.timerRate)} timers/s due, ${os.cpus().length} cores`,
      this.targets,
      this.info,
    );
    const file = writeResults(ROOT, this.results, {
      smoke: o.smoke,
      jsonOut: o.jsonOut,
      bench: 'reactivation',
    });
    log(`Results written to ${path.relative(ROOT, file)}`);
    if (this.errors.length > 0) {
      console.error(`\nBROKEN: ${this.errors.join('; ')}`);
      return 2;
    }
    return o.strict && this.targets.some((t) => !t.pass) ? 1 : 0;
  }

  /** Stops every process of the bench (its own, by pid), deletes its Redis keys and drops its database. */
  async cleanUp(): Promise<void> {
    await Promise.all(this.generators.map((g) => g.stop(5_000).catch(() => undefined)));
    this.generators = [];
    await Promise.all(
      [...this.apis, ...this.workers].map((p) =>
        p.stop(this.o.smoke ? 10_000 : 30_000).catch(() => undefined),
      ),
    );
    this.apis = [];
    this.workers = [];
    await this.sink?.stop(5_000).catch(() => undefined);
    this.sink = null;
    for (const fd of this.logFiles.splice(0)) closeSync(fd);
    await Promise.all([...this.queues.values()].map((q) => q.close().catch(() => undefined)));
    this.queueConnection.disconnect();
    await this.deleteOwnKeys().catch(() => undefined);
    this.redis.disconnect();
    if (this.o.keepDatabase) await this.db.close().catch(() => undefined);
    else await this.db.drop().catch(() => undefined);
  }

  /** The application's keys: BullMQ's `{prefix}:…` and the plain `prefix:…` (login throttle). Never FLUSHALL. */
  private async deleteOwnKeys(): Promise<number> {
    const prefix = this.o.redisPrefix;
    return (await deleteKeys(this.redis, `{${prefix}}:*`)) + (await deleteKeys(this.redis, `${prefix}:*`));
  }

  private sinkUrl = '';

  /** The SMTP server, then the API and worker processes; returns the API processes' base URLs. */
  private async startProcesses(): Promise<string[]> {
    const o = this.o;
    const sink = await BenchChild.start<SinkReply>('SMTP server', 'smtp-sink-process.ts', {
      redisUrl: o.redisUrl,
      queuePrefix: `{${o.redisPrefix}}`,
    } satisfies SinkSetup);
    this.sink = sink.child;
    this.sinkUrl = sink.ready.url;
    // The product's production configuration, pointed at the bench's database, Redis prefix and SMTP server;
    // everything else at its defaults (pools, concurrency, planner, log level info).
    const env: Record<string, string> = {
      NODE_ENV: 'production',
      // Production requires it; a bench run's own, thrown away with its database.
      AUTH_ENCRYPTION_KEY: randomBytes(32).toString('hex'),
      // As in production: the application's role, under row-level security.
      DATABASE_URL: this.db.appUrl,
      DATABASE_MIGRATION_URL: this.db.url,
      MIGRATE_ON_START: 'false',
      REDIS_URL: o.redisUrl,
      REDIS_PREFIX: o.redisPrefix,
      SMTP_URL: sink.ready.url,
      PUBLIC_URL: 'http://127.0.0.1',
      COOKIE_SECURE: 'false',
      SEED_DEMO: 'false',
      ADMIN_DIST: '',
    };
    mkdirSync(LOG_DIR, { recursive: true });
    const start = (role: AppProcessSetup['role'], name: string) => {
      const output = openSync(path.join(LOG_DIR, `${name}.log`), 'w');
      this.logFiles.push(output);
      return BenchChild.start<AppProcessReply>(
        name,
        'app-process.ts',
        { role, env } satisfies AppProcessSetup,
        { output },
      );
    };
    const config = AppConfig.fromEnv(env);
    this.appShape = {
      apiProcesses: o.apiProcesses,
      workerProcesses: o.workers,
      workerConcurrency: config.workerConcurrency,
      databasePoolSize: config.databasePoolSize,
      cpuMsPerPost: null,
      ceilingPostsPerSecond: null,
    };
    this.results['application'] = {
      apiProcesses: o.apiProcesses,
      workerProcesses: o.workers,
      workerConcurrency: config.workerConcurrency,
      databasePoolSize: config.databasePoolSize,
      plannerIntervalMs: config.plannerIntervalMs,
      plannerBatchSize: config.plannerBatchSize,
      plannerQueueCap: config.plannerQueueCap,
      plannerHorizonMs: config.plannerHorizonMs,
      logLevel: config.logLevel,
    };
    const [apis, workers] = await Promise.all([
      Promise.all(Array.from({ length: o.apiProcesses }, (_, i) => start('api', `api-${i + 1}`))),
      Promise.all(Array.from({ length: o.workers }, (_, i) => start('worker', `worker-${i + 1}`))),
    ]);
    this.apis = apis.map((a) => a.child);
    this.workers = workers.map((w) => w.child);
    return apis.map((a) => {
      if (!a.ready.port) throw new Error('An API process did not report its port');
      return `http://127.0.0.1:${a.ready.port}`;
    });
  }

  /** Signs in the coordinator of each organisation that gets requests, as the console does (CSRF cookie first). */
  private async signIn(
    baseUrl: string,
    coordinators: ReadonlyArray<{ organisationId: string; email: string }>,
    watches: readonly ReactivationWatch[],
  ): Promise<Record<string, Record<string, string>>> {
    const organisations = new Set(watches.map((w) => w.organisationId));
    const sessions: Record<string, Record<string, string>> = {};
    for (const coordinator of coordinators) {
      if (!organisations.has(coordinator.organisationId)) continue;
      const client = new HttpClient(baseUrl);
      const response = await client.login(coordinator.email, COORDINATOR_PASSWORD);
      if (response.status !== 200)
        throw new Error(
          `Sign-in of ${coordinator.email} failed: ${response.status} ${JSON.stringify(response.body)}`,
        );
      sessions[coordinator.organisationId] = Object.fromEntries(client.cookies);
    }
    log(`Signed in ${Object.keys(sessions).length} coordinator(s)`);
    return sessions;
  }

  private async startGenerators(
    baseUrls: string[],
    sessions: Record<string, Record<string, string>>,
  ): Promise<void> {
    const start = (name: string) =>
      BenchChild.start<GeneratorReply>(name, 'load-generator.ts', {
        name,
        baseUrls,
        sessions,
      } satisfies GeneratorSetup);
    const started = await Promise.all([start('measured load'), start('background load')]);
    this.generators = started.map((g) => g.child);
  }

  /** Sends `targets` from generator `index` at `rate` from `startAt` (epoch ms) on; resolves with every answer. */
  private async generate(
    index: number,
    rate: number,
    targets: RequestTarget[],
    reason: string,
    startAt = wallClock() + 200,
  ): Promise<RequestRecord[]> {
    const timeoutMs = (targets.length / rate) * 1000 + 120_000;
    const done = await this.generators[index].ask(
      { cmd: 'run', rate, startAt, targets, reason },
      'done',
      timeoutMs,
    );
    return done.records;
  }

  /**
   * The warm-up, at the measured rate before the planner has work (JIT, connection pools): not in the latencies, but
   * its CPU time per POST, by process group, is what one request costs end to end.
   */
  private async warmUp(targets: RequestTarget[]): Promise<{ all: RequestRecord[]; warm: RequestRecord[] }> {
    const o = this.o;
    // The first half compiles and connects; the second half is metered.
    const half = Math.floor(targets.length / 2);
    const cold = await this.generate(0, o.rate, targets.slice(0, half), 'Bench: warm-up');
    const snapshots = this.snapshots();
    const records = await this.generate(0, o.rate, targets.slice(half), 'Bench: warm-up');
    const { cpu, groups } = this.accounts(snapshots);
    const n = Math.max(1, records.length);
    const perPost = (cpuSeconds: number) => Math.round((cpuSeconds * 10_000) / n) / 10;
    const cost: Record<string, number> = {
      'API process(es)': perPost(groups['API process(es)'] ?? 0),
      'PostgreSQL (bench)': perPost(cpu.postgresBench),
      'worker process(es)': perPost(groups['worker process(es)'] ?? 0),
      Redis: perPost(cpu.redis),
    };
    const total = Object.values(cost).reduce((a, b) => a + b, 0);
    const ceiling = (os.cpus().length * 1000) / Math.max(0.1, total);
    this.appShape.cpuMsPerPost = total;
    this.appShape.ceilingPostsPerSecond = ceiling;
    this.results['warmUp'] = {
      requests: records.length,
      cpuMsPerPost: cost,
      cpu,
      cpuSecondsPerGroup: groups,
    };
    this.info.push({
      name: `CPU per POST, no planner load (the warm-up's second half, ${records.length} POSTs at ${o.rate}/s)`,
      value:
        Object.entries(cost)
          .map(([group, ms]) => `${group} ${ms.toFixed(1)} ms`)
          .join(', ') +
        ` = ${total.toFixed(1)} ms: at most about ${int(ceiling)} POST/s on ${os.cpus().length} cores, before ` +
        'the load generators, the SMTP server and the planner take their share',
    });
    log(
      `Warm-up: ${cold.length + records.length} POSTs at ${o.rate}/s (not measured); ${total.toFixed(1)} ms CPU ` +
        `per POST over the second half`,
    );
    return { all: [...cold, ...records], warm: records };
  }

  /** Waits (up to two planner intervals) until the first due timers have been processed: the planner is busy. */
  private async plannerStarted(): Promise<void> {
    const until = performance.now() + 15_000;
    for (;;) {
      const work = await this.seeding.plannerWork();
      if (work.done > 0 || performance.now() > until) {
        log(`Planner busy: ${int(work.claimed)} timers claimed, ${int(work.done)} done`);
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  /** One run: the measured requests (and the background ones), with the CPU, event loops, planner and queues. */
  private async measure(
    key: Run['key'],
    label: string,
    measuredTargets: RequestTarget[],
    backgroundTargets: RequestTarget[],
    backgroundRate: number,
  ): Promise<Run> {
    const o = this.o;
    const durationMs = key === 'alone' ? o.durationMs : o.loadedDurationMs;
    log(`Run "${label}": ${measuredTargets.length} measured requests over ${seconds(durationMs)}`);
    const plannerBefore = await this.seeding.plannerWork();
    const sinkBefore = await this.sinkCounts();
    await this.loopDelays(); // resets the histograms
    const snapshots = this.snapshots();
    const startAt = wallClock() + 300;
    const [measured, background] = await Promise.all([
      this.generate(
        0,
        o.rate,
        measuredTargets,
        `Bench: ${key}`,
        startAt + (backgroundTargets.length > 0 ? o.backgroundLeadMs : 0),
      ),
      backgroundTargets.length > 0
        ? this.generate(1, backgroundRate, backgroundTargets, 'Bench: background', startAt)
        : Promise.resolve([]),
    ]);
    const { cpu, groups, others } = this.accounts(snapshots);
    const loopDelay = await this.loopDelays();
    const plannerAfter = await this.seeding.plannerWork();
    const sinkAfter = await this.sinkCounts();
    const queuesAfter = await this.queueCounts();
    const failed = [...measured, ...background].filter((r) => r.status !== 201).length;
    log(
      `  ${measured.length + background.length} requests answered${failed > 0 ? ` (${failed} not 201)` : ''}; ` +
        `planner: ${int(plannerAfter.done - plannerBefore.done)} timers done, ` +
        `${int(sinkAfter.other - sinkBefore.other)} of its e-mails accepted, ` +
        `${int(plannerAfter.mailsWaiting)} e-mails waiting; ${describeCpu(cpu)}`,
    );
    return {
      key,
      label,
      rate: o.rate,
      durationMs,
      backgroundRate,
      measured,
      background,
      cpu,
      groups,
      others,
      loopDelay,
      plannerBefore,
      plannerAfter,
      sinkBefore,
      sinkAfter,
      queuesAfter,
    };
  }

  private snapshots(): Record<string, ReturnType<CpuMeter['snapshot']>> {
    const all: Record<string, ReturnType<CpuMeter['snapshot']>> = { '': this.meter.snapshot() };
    for (const [group, meter] of Object.entries(this.meters)) all[group] = meter.snapshot();
    return all;
  }

  private accounts(before: Record<string, ReturnType<CpuMeter['snapshot']>>): {
    cpu: CpuAccount;
    groups: Record<string, number>;
    others: Array<{ process: string; cpuSeconds: number }>;
  } {
    const after = this.meter.snapshot();
    const cpu = this.meter.account(before[''], after);
    const groups: Record<string, number> = {};
    for (const [group, meter] of Object.entries(this.meters))
      groups[group] = meter.account(before[group], meter.snapshot()).bench;
    return { cpu, groups, others: topOthers(before[''], after) };
  }

  private async loopDelays(): Promise<{ apis: LoopDelay[]; workers: LoopDelay[] }> {
    const read = async (p: BenchChild<AppProcessReply>) =>
      (await p.ask({ cmd: 'loop-delay' }, 'loop-delay')).delay;
    const [apis, workers] = await Promise.all([
      Promise.all(this.apis.map(read)),
      Promise.all(this.workers.map(read)),
    ]);
    return { apis, workers };
  }

  private async sinkCounts(): Promise<SinkCounts> {
    const { type: _type, ...counts } = await (this.sink as BenchChild<SinkReply>).ask(
      { cmd: 'counts' },
      'counts',
    );
    return counts;
  }

  private async queueCounts(): Promise<Record<string, QueueCounts>> {
    const counts: Record<string, QueueCounts> = {};
    for (const [name, queue] of this.queues)
      counts[name] = await queue.getJobCounts('waiting', 'prioritized', 'delayed', 'active', 'failed');
    return counts;
  }

  /** Waits for the e-mails of every answered request (or the drain time-out), then collects the SMTP server's record. */
  private async drain(expected: number): Promise<SinkMail[]> {
    const sink = this.sink as BenchChild<SinkReply>;
    const until = performance.now() + this.o.drainTimeoutMs;
    let counts = await this.sinkCounts();
    while (counts.reactivation < expected && performance.now() < until) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      counts = await this.sinkCounts();
    }
    log(`Drain: ${int(counts.reactivation)} of ${int(expected)} reactivation e-mails accepted`);
    // A duplicate would come right after; the job lookups finish.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    while ((await this.sinkCounts()).pendingLookups > 0)
      await new Promise((resolve) => setTimeout(resolve, 50));
    const collected = await sink.ask({ cmd: 'collect' }, 'collected');
    if (collected.unmatched > 0)
      this.errors.push(`${collected.unmatched} e-mails link to a request but have no outbox Message-ID`);
    return collected.mails;
  }

  /**
   * Invariants, over every request in the database (the bench's are the only ones): one outbox message, sent; one
   * e-mail accepted, to the watch's primary caseworker (the assignee), by the request's `reactivation-notify` job.
   * Every POST is for its own watch, so none may be merged, and a 201 must name a request that exists. A POST answered
   * otherwise is not an invariant (an overloaded API may fail a request) but is counted, and so is a request that was
   * committed although its POST was not answered 201.
   */
  private async check(
    all: readonly RequestRecord[],
    mails: readonly SinkMail[],
    assignees: Map<string, string>,
    requests: ReadonlyArray<{ id: string; watchId: string }>,
  ): Promise<void> {
    const byRequest = new Map<string, SinkMail[]>();
    for (const mail of mails) byRequest.set(mail.requestId, [...(byRequest.get(mail.requestId) ?? []), mail]);
    const recordOf = new Map(all.map((r) => [r.watchId, r]));
    const exists = new Set(requests.map((r) => r.id));
    const statuses = new Map<string, number>();
    for (const r of all) {
      if (r.status === 201) continue;
      const key = `${r.status}${r.error ? ` ${r.error.replace(/\s+/g, ' ').slice(0, 100)}` : ''}`;
      statuses.set(key, (statuses.get(key) ?? 0) + 1);
    }
    const merged = all.filter((r) => r.status === 201 && r.merged !== false).length;
    const phantom = all.filter((r) => r.status === 201 && (!r.requestId || !exists.has(r.requestId))).length;
    const committedNot201 = requests.filter((q) => recordOf.get(q.watchId)?.status !== 201).length;
    // By the answer the caller got instead: a 500 after the commit, or no answer (time-out, connection reset).
    const committedAnswered = new Map<string, number>();
    for (const q of requests) {
      const r = recordOf.get(q.watchId);
      if (!r || r.status === 201) continue;
      const answer = r.status === 0 ? `no answer (${r.error ?? ''})` : String(r.status);
      committedAnswered.set(answer, (committedAnswered.get(answer) ?? 0) + 1);
    }
    let none = 0;
    let doubled = 0;
    let misdirected = 0;
    let lostJobs = 0;
    const examples: string[] = [];
    const example = (text: string) => {
      if (examples.length < 3) examples.push(text);
    };
    for (const q of requests) {
      const delivered = byRequest.get(q.id) ?? [];
      if (delivered.length === 0) {
        none++;
        example(`request ${q.id}: no e-mail`);
        continue;
      }
      if (delivered.length > 1) {
        doubled++;
        example(`request ${q.id}: ${delivered.length} e-mails`);
      }
      const expected = assignees.get(q.watchId);
      const wrong = delivered.find((m) => m.to.length !== 1 || m.to[0] !== expected);
      if (wrong) {
        misdirected++;
        example(`request ${q.id}: to ${wrong.to.join(', ') || 'nobody'}, not ${expected}`);
      }
      if (delivered.some((m) => !m.job || m.job.name !== JobName.ReactivationNotify || !m.job.processedOn)) {
        lostJobs++;
        example(`request ${q.id}: e-mail without its urgent job`);
      }
    }
    const strays = mails.filter((m) => !exists.has(m.requestId)).length;
    const broken: Array<[number, string]> = [
      [merged, 'POSTs answered as merged (each watch gets one request)'],
      [phantom, 'POSTs answered 201 without a request in the database'],
      [none, 'requests without an e-mail'],
      [doubled, 'requests with more than one e-mail'],
      [misdirected, 'requests whose e-mail did not go to the assignee'],
      [lostJobs, 'requests whose e-mail was not sent by their reactivation-notify job (lost job)'],
      [strays, 'e-mails for requests that do not exist'],
    ];
    for (const [n, what] of broken) if (n > 0) this.errors.push(`${n} ${what}`);
    if (examples.length > 0 && this.errors.length > 0) this.errors.push(`e.g. ${examples.join('; ')}`);
    const notAnswered = [...statuses].map(([status, n]) => `${n} × ${status}`).join(', ');
    if (notAnswered) log(`  POSTs not answered 201: ${notAnswered}`);
    const apiErrors = this.apiErrors();
    if (apiErrors.length > 0)
      this.info.push({
        name: "The API's logged errors (its 500s), by message",
        value: apiErrors.map((e) => `${int(e.count)} × ${e.message}`).join('; '),
      });
    this.results['invariants'] = {
      posts: all.length,
      answered201: all.filter((r) => r.status === 201).length,
      notAnswered201: Object.fromEntries(statuses),
      apiErrors,
      requestsInDatabase: requests.length,
      committedButNotAnswered201: committedNot201,
      committedButAnswered: Object.fromEntries(committedAnswered),
      mails: mails.length,
      merged,
      phantom,
      withoutEmail: none,
      withMoreThanOneEmail: doubled,
      misdirected,
      lostJobs,
      strays,
    };
    this.info.push({
      name: 'POSTs; answered 201; other answers',
      value: `${int(all.length)}; ${int(all.length - [...statuses.values()].reduce((a, b) => a + b, 0))}; ${notAnswered || 'none'}`,
    });
    if (committedNot201 > 0)
      this.info.push({
        name: 'Requests committed although their POST was not answered 201',
        value:
          `${int(committedNot201)} (${[...committedAnswered].map(([answer, n]) => `${int(n)} × ${answer}`).join(', ')}): ` +
          'the request and its e-mail exist, but the caller saw an error',
      });
    log(
      `Invariants: ${int(requests.length)} requests in the database, ${int(mails.length)} e-mails; ` +
        (this.errors.length === 0
          ? 'every request has exactly one e-mail, sent by its urgent job'
          : 'BROKEN'),
    );

    const rows = await this.seeding.requestMails(requests.map((q) => q.id));
    const perRequest = new Map<string, number>();
    for (const row of rows) perRequest.set(row.requestId, (perRequest.get(row.requestId) ?? 0) + 1);
    const notOne = requests.filter((q) => perRequest.get(q.id) !== 1).length;
    const unsent = rows.filter((r) => r.status !== 'sent').length;
    if (notOne > 0) this.errors.push(`${notOne} requests without exactly one outbox message`);
    if (unsent > 0) this.errors.push(`${unsent} outbox messages of requests not sent`);
    const failed = (await this.queueCounts())[QueueName.Urgent]?.['failed'] ?? 0;
    this.results['outbox'] = {
      messages: rows.length,
      notOnePerRequest: notOne,
      unsent,
      urgentJobsFailed: failed,
    };
    this.info.push({
      name: 'Outbox: reactivation messages; not sent; urgent jobs failed',
      value: `${int(rows.length)} for ${int(requests.length)} requests; ${unsent}; ${failed}`,
    });
  }

  /** The errors the API processes logged (level error), counted by message: why a POST was answered 500. */
  private apiErrors(): Array<{ message: string; count: number }> {
    const counts = new Map<string, number>();
    for (let i = 1; i <= this.o.apiProcesses; i++) {
      let text = '';
      try {
        text = readFileSync(path.join(LOG_DIR, `api-${i}.log`), 'utf8');
      } catch {
        continue;
      }
      for (const line of text.split('\n')) {
        if (!line.includes('"level":50')) continue;
        try {
          const entry = JSON.parse(line) as { err?: { message?: string }; msg?: string };
          const message = (entry.err?.message ?? entry.msg ?? 'unknown').slice(0, 120);
          counts.set(message, (counts.get(message) ?? 0) + 1);
        } catch {
          // not a JSON line
        }
      }
    }
    return [...counts]
      .map(([message, count]) => ({ message, count }))
      .sort((a, b) => b.count - a.count)
      .slice(0, 5);
  }

  /** The requests in the database, once their number stops changing (a POST may still be in the API). */
  private async settledRequests(): Promise<Array<{ id: string; watchId: string }>> {
    let last = -1;
    for (;;) {
      const requests = await this.seeding.requests();
      if (requests.length === last) return requests;
      last = requests.length;
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  }

  private report(warm: readonly RequestRecord[], runs: readonly Run[], mails: readonly SinkMail[]): void {
    const byRequest = new Map(mails.map((m) => [m.requestId, m]));
    if (warm.length > 0) {
      const baseline = latenciesOf(warm, byRequest);
      this.results['warmUpLatencyMs'] = baseline;
      const p = (x: LatencySummary) => `p50 ${x.p50.toFixed(0)} / p99 ${x.p99.toFixed(0)} ms`;
      this.info.push({
        name: `Warm-up at ${this.o.rate}/s, no planner load (second half): response; pickup; e-mail`,
        value: `${p(baseline.response)}; ${p(baseline.pickup)}; ${p(baseline.email)}`,
      });
    }
    const results: Record<string, unknown> = {};
    const cpuRows: string[] = [];
    for (const run of runs) {
      const analysis = analyseRun(run, byRequest, this.appShape);
      results[run.key] = analysis.result;
      this.targets.push(...analysis.targets);
      this.info.push(...analysis.info);
      cpuRows.push(analysis.cpuRow);
    }
    for (const row of cpuRows) this.info.push({ name: 'CPU (share of all cores × wall time)', value: row });
    const idle = this.idle['before the load'];
    if (idle !== null && idle !== undefined)
      this.info.push({
        name: 'Machine idle just before the load (the application up, nothing to do)',
        value:
          `${(idle * 100).toFixed(0)} %` +
          (idle < 0.8 ? ': OTHER LOAD ON THE MACHINE, the figures are pessimistic' : ''),
      });
    this.results['runs'] = results;
  }

  /** Before the load: optionally waits for other load to pass, then records how idle the machine is. */
  private async quiet(phase: string): Promise<void> {
    const o = this.o;
    const idle =
      o.waitQuietMs > 0
        ? await waitQuiet(0.9, o.waitQuietMs, (reading) =>
            log(`  waiting for other load to pass ${phase} (idle ${(reading * 100).toFixed(0)} %)`),
          )
        : await cpuIdle(1_000);
    this.idle[phase] = idle;
    if (idle !== null) log(`Machine ${(idle * 100).toFixed(0)} % idle ${phase}`);
  }

  private async machine(): Promise<Record<string, unknown>> {
    return {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? 'unknown',
      memoryGB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
      node: process.version,
      bullmq: (require('bullmq/package.json') as { version: string }).version,
      redis: await redisVersion(this.redis),
      postgres: await this.db.settings(),
    };
  }
}

/** Clock ticks per second in /proc (USER_HZ), as machine-load.ts reads them. */
const USER_HZ = 100;

/**
 * The busiest processes that are not the bench's, PostgreSQL or the Redis server during a stretch: who "other" is
 * (other people's builds and tests on a shared machine). Processes that ended meanwhile are not listed.
 */
function topOthers(
  before: ReturnType<CpuMeter['snapshot']>,
  after: ReturnType<CpuMeter['snapshot']>,
): Array<{ process: string; cpuSeconds: number }> {
  const busy: Array<{ pid: number; ticks: number }> = [];
  for (const [pid, now] of after.processes) {
    if (now.label !== 'unlisted') continue;
    const ticks = now.ticks - (before.processes.get(pid)?.ticks ?? 0);
    if (ticks > 0) busy.push({ pid, ticks });
  }
  return busy
    .sort((a, b) => b.ticks - a.ticks)
    .slice(0, 5)
    .map(({ pid, ticks }) => {
      let name = String(pid);
      try {
        name =
          readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ').trim().slice(0, 48) ||
          `[${readFileSync(`/proc/${pid}/comm`, 'utf8').trim()}]`;
      } catch {
        // ended meanwhile
      }
      return { process: name, cpuSeconds: ticks / USER_HZ };
    });
}

async function main(): Promise<void> {
  let options: ReactivationBenchOptions;
  try {
    options = parseOptions(process.argv.slice(2), process.env);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(64);
  }
  const bench = new ReactivationBench(options);
  // One clean-up, whoever asks first (the end of the run or a signal); both wait for it to finish.
  let cleaning: Promise<void> | null = null;
  const cleanUp = () => (cleaning ??= bench.cleanUp());
  let signalled = false;
  const stopOnSignal = (signal: NodeJS.Signals) => {
    if (signalled) return;
    signalled = true;
    console.error(`\n${signal}: cleaning up`);
    void cleanUp().finally(() => process.exit(130));
  };
  process.once('SIGINT', stopOnSignal);
  process.once('SIGTERM', stopOnSignal);
  let code = 1;
  try {
    code = await bench.run();
  } catch (error) {
    if (!signalled) {
      console.error(`\nReactivation bench failed: ${(error as Error).stack ?? String(error)}`);
      console.error(`The application's logs: ${path.relative(ROOT, LOG_DIR)}/`);
    }
  } finally {
    await cleanUp();
  }
  log(`Done in ${seconds(performance.now() - started)}`);
  process.exit(signalled ? 130 : code);
}

void main();
