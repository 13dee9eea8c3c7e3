/**
 * `npm run bench:scheduler [-- --smoke | --watches N | --json-out FILE]`: the scheduling engine at scale.
 *
 * Creates its own database (waakvlam_bench: dropped, created and migrated with the project's migrations) and uses
 * its own Redis prefix (wvbench: its keys are deleted before and after; never FLUSHALL). Measures onboarding,
 * Redis memory in steady state, the planner tick, an aligned burst (claim→enqueue and claim→effect), BullMQ's
 * no-op throughput and the naive design (one job scheduler per watch) side by side, prints every target with
 * PASS/MISS, and writes the JSON results to bench/results/ (smoke runs: bench/results/smoke/, not kept in git).
 * See docs/benchmarks.md.
 */
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import os from 'node:os';
import path from 'node:path';
import { AppModule } from '../../api/src/app.module';
import { AppConfig } from '../../api/src/core/config/app.config';
import { QueueName } from '../../api/src/core/queue/queue.constants';
import { QueueService } from '../../api/src/core/queue/queue.service';
import { TimerPlannerService } from '../../api/src/modules/scheduling/timer-planner.service';
import { BenchDatabase } from './bench-database';
import { type BenchOptions, parseOptions } from './bench-options';
import { benchKeys, deleteKeys, keysMemory, redisVersion, usedMemory } from './bench-redis';
import {
  type InfoLine,
  MB,
  type TargetResult,
  int,
  mb,
  median,
  percentile,
  perSecond,
  printReport,
  seconds,
  writeResults,
} from './bench-report';
import { type CpuAccount, CpuMeter, cpuIdle, describeCpu, waitQuiet } from './machine-load';
import { runProductEffects } from './product-effects';
import { WorkerPool } from './worker-pool';

const ROOT = path.resolve(__dirname, '..', '..');
/** The tables onboarding writes, whose foreign keys an import checks set-based. */
const ONBOARDED_TABLES = ['watches', 'watch_events', 'check_ins', 'timers'];

/** The product's default queue cap: the effect burst runs with it, the enqueue burst with a cap above N. */
const PRODUCT_QUEUE_CAP = 2_000;
const NAIVE_QUEUE = 'naive-watches';
const NOOP_QUEUE = 'bench-noop';
const DAY_MS = 86_400_000;

const started = performance.now();
const log = (message: string) =>
  console.log(`[${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s] ${message}`);

interface MemoryReading {
  watches: number;
  usedMemory: number;
  benchKeys: number;
  benchKeysBytes: number;
  jobsQueued: number;
}

class SchedulerBench {
  private readonly db: BenchDatabase;
  private readonly redis: Redis;
  private readonly keys: string;
  private app: INestApplicationContext | null = null;
  private workers: WorkerPool | null = null;
  private readonly targets: TargetResult[] = [];
  private readonly info: InfoLine[] = [];
  private readonly results: Record<string, unknown> = {};
  /** Broken invariants (lost or doubled effects): the run fails whatever the targets say. */
  private readonly errors: string[] = [];
  /** The machine's idle CPU share just before each timed phase (the bench itself idle): other load. */
  private readonly idle: Record<string, number | null> = {};
  /** Where the CPU went during each timed phase. */
  private readonly cpu: Record<string, CpuAccount> = {};
  private readonly meter: CpuMeter;

  constructor(private readonly o: BenchOptions) {
    this.db = new BenchDatabase(o.adminDatabaseUrl, o.databaseName, o.parallel + 2);
    this.redis = new Redis(o.redisUrl, { maxRetriesPerRequest: null, connectionName: 'waakvlam-bench' });
    this.keys = benchKeys(o.redisPrefix);
    this.meter = new CpuMeter(
      () => [process.pid, ...(this.workers?.pids ?? [])],
      o.databaseName,
      new URL(o.redisUrl).port || '6379',
    );
  }

  /** Runs one timed stretch and records where the machine's CPU went meanwhile. */
  private async metered<T>(phase: string, work: () => Promise<T>): Promise<T> {
    const before = this.meter.snapshot();
    try {
      return await work();
    } finally {
      this.cpu[phase] = this.meter.account(before, this.meter.snapshot());
    }
  }

  async run(): Promise<number> {
    const o = this.o;
    log(`Scheduler bench: ${int(o.watches)} watches${o.smoke ? ' (smoke)' : ''}`);
    await deleteKeys(this.redis, this.keys);
    const { migrations } = await this.db.create();
    log(`Database ${o.databaseName} created; ${migrations.length} migrations ran`);
    this.results['machine'] = await this.machine();
    this.results['run'] = { date: new Date().toISOString(), options: { ...o, adminDatabaseUrl: undefined } };

    this.workers = await WorkerPool.start(Math.max(1, o.burstWorkers), {
      redisUrl: o.redisUrl,
      queuePrefix: `{${o.redisPrefix}}`,
      databaseUrl: this.db.url,
    });
    await this.boot(o.watches + 1_000_000);
    const baseline = await this.memory(0, 0);
    this.results['memoryBaseline'] = baseline;

    await this.seed();
    const checkpoint = await this.onboard();
    await this.memoryPhase(baseline, checkpoint);
    await this.tickPhase();
    await this.noopPhase();
    await this.burstPhase();
    await this.productPhase();
    await this.naivePhase(baseline);

    const readings = Object.values(this.idle).filter((v): v is number => v !== null);
    const leastIdle = readings.length > 0 ? Math.min(...readings) : null;
    this.results['idleBeforePhase'] = this.idle;
    this.results['cpu'] = this.cpu;
    for (const [phase, account] of Object.entries(this.cpu))
      this.info.push({ name: `CPU during ${phase}`, value: describeCpu(account) });
    if (leastIdle !== null)
      this.info.push({
        name: 'Machine idle just before each timed phase (least)',
        value:
          `${(leastIdle * 100).toFixed(0)} %` +
          (leastIdle < 0.8 ? ': OTHER LOAD ON THE MACHINE, the figures are pessimistic' : ''),
      });
    this.results['targets'] = this.targets;
    this.results['figures'] = this.info;
    this.results['errors'] = this.errors;
    this.results['durationSeconds'] = Math.round((performance.now() - started) / 100) / 10;
    printReport(
      `Scheduler bench: ${int(o.watches)} watches${o.smoke ? ' (smoke)' : ''}, ${os.cpus().length} cores`,
      this.targets,
      this.info,
    );
    const file = writeResults(ROOT, this.results, {
      smoke: o.smoke,
      jsonOut: o.jsonOut,
      bench: 'scheduler',
      suffix: `-${o.watches}`,
    });
    log(`Results written to ${path.relative(ROOT, file)}`);
    if (this.errors.length > 0) {
      console.error(`\nBROKEN: ${this.errors.join('; ')}`);
      return 2;
    }
    return o.strict && this.targets.some((t) => !t.pass) ? 1 : 0;
  }

  /** Deletes the bench's Redis keys, stops the worker processes, closes the app and drops the database. */
  async cleanUp(): Promise<void> {
    await this.workers?.close().catch(() => undefined);
    this.workers = null;
    await this.app?.close().catch(() => undefined);
    this.app = null;
    await deleteKeys(this.redis, this.keys).catch(() => undefined);
    this.redis.disconnect();
    if (this.o.keepDatabase) await this.db.close().catch(() => undefined);
    else await this.db.drop().catch(() => undefined);
  }

  /** The application as an application context (no HTTP, no queue workers): the planner under test. */
  private async boot(queueCap: number): Promise<void> {
    await this.app?.close();
    const config = AppConfig.fromEnv({
      NODE_ENV: 'test',
      WAAKVLAM_ROLES: 'api',
      DATABASE_URL: this.db.url,
      DATABASE_POOL_SIZE: '4',
      MIGRATE_ON_START: 'false',
      REDIS_URL: this.o.redisUrl,
      REDIS_PREFIX: this.o.redisPrefix,
      SEED_DEMO: 'false',
      LOG_LEVEL: 'error',
      ADMIN_DIST: '',
      PLANNER_QUEUE_CAP: String(Math.min(queueCap, 1_000_000)),
    });
    this.app = await NestFactory.createApplicationContext(AppModule.forConfig(config), { logger: false });
    await this.app.init();
    this.results['plannerConfig'] = {
      batchSize: config.plannerBatchSize,
      horizonMs: config.plannerHorizonMs,
      intervalMs: config.plannerIntervalMs,
      leaseMs: config.timerLeaseMs,
      productQueueCap: PRODUCT_QUEUE_CAP,
    };
  }

  /** Before a timed phase: optionally waits for other load to pass, then records how idle the machine is. */
  private async quiet(phase: string): Promise<void> {
    const o = this.o;
    let idle: number | null;
    if (o.waitQuietMs > 0)
      idle = await waitQuiet(0.9, o.waitQuietMs, (reading) =>
        log(`  waiting for other load to pass before ${phase} (idle ${(reading * 100).toFixed(0)} %)`),
      );
    else idle = await cpuIdle(500);
    this.idle[phase] = idle;
    if (idle !== null && idle < 0.8)
      log(`  note: the machine is only ${(idle * 100).toFixed(0)} % idle (${phase})`);
  }

  private get planner(): TimerPlannerService {
    return (this.app as INestApplicationContext).get(TimerPlannerService);
  }

  private get timersQueue(): Queue {
    return (this.app as INestApplicationContext).get(QueueService).queue(QueueName.Timers);
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

  private async seed(): Promise<void> {
    const o = this.o;
    const t0 = performance.now();
    const { organisations, caseworkers } = await this.db.seedOrganisations(o.watches);
    await this.db.inRanges(1, o.watches, o.batchSize, o.parallel, (lo, hi) => this.db.seedClients(lo, hi));
    await this.db.query('ANALYZE');
    const ms = performance.now() - t0;
    log(
      `Seeded ${organisations} organisations, ${caseworkers} caseworkers, ${int(o.watches)} clients (${seconds(ms)})`,
    );
    this.results['seed'] = { organisations, caseworkers, clients: o.watches, seconds: ms / 1000 };
    this.info.push({
      name: 'Seed (untimed): organisations, caseworkers, clients',
      value: `${organisations} / ${int(caseworkers)} / ${int(o.watches)} in ${seconds(ms)}`,
    });
  }

  /** Onboards the watches in two stretches, reading the memory in between; returns the reading at the checkpoint. */
  private async onboard(): Promise<MemoryReading> {
    const o = this.o;
    const deferForeignKeys = o.setBasedForeignKeys && this.db.canDeferForeignKeys;
    const onboard = (lo: number, hi: number) => this.db.onboard(lo, hi, deferForeignKeys);
    const checkForeignKeys = async (): Promise<number> => {
      if (!deferForeignKeys) return 0;
      const t0 = performance.now();
      foreignKeyChecks = await this.db.checkForeignKeys(ONBOARDED_TABLES, o.parallel);
      return performance.now() - t0;
    };
    let foreignKeyChecks = 0;
    await this.quiet('onboarding (first stretch)');
    let checkMs = 0;
    const first = await this.metered('onboarding (first stretch)', async () => {
      const ms = await this.db.inRanges(1, o.memoryCheckpoint, o.batchSize, o.parallel, onboard);
      const check = await checkForeignKeys();
      checkMs += check;
      return ms + check;
    });
    log(`Onboarded ${int(o.memoryCheckpoint)} watches (${seconds(first)})`);
    const checkpoint = await this.steadyState(o.memoryCheckpoint);
    await this.quiet('onboarding (second stretch)');
    const rest = await this.metered('onboarding (second stretch)', async () => {
      const ms = await this.db.inRanges(o.memoryCheckpoint + 1, o.watches, o.batchSize, o.parallel, onboard);
      const check = await checkForeignKeys();
      checkMs += check;
      return ms + check;
    });
    const ms = first + rest;
    const [counts] = await this.db.query<Record<string, string>>(
      `SELECT (SELECT count(*) FROM watches) AS watches, (SELECT count(*) FROM watch_events) AS events,
              (SELECT count(*) FROM check_ins WHERE status = 'planned') AS check_ins,
              (SELECT count(*) FROM timers WHERE state = 'pending') AS timers`,
    );
    if (Number(counts['timers']) !== o.watches || Number(counts['check_ins']) !== o.watches)
      this.errors.push(`onboarding wrote ${counts['check_ins']} check-ins and ${counts['timers']} timers`);
    const rate = perSecond(o.watches, ms);
    log(`Onboarded ${int(o.watches)} watches in ${seconds(ms)} (${int(rate)}/s)`);
    const t0 = performance.now();
    await this.db.query('VACUUM ANALYZE timers');
    await this.db.query('ANALYZE');
    const vacuumMs = performance.now() - t0;
    this.results['onboarding'] = {
      watches: o.watches,
      seconds: ms / 1000,
      watchesPerSecond: rate,
      batchSize: o.batchSize,
      parallel: o.parallel,
      foreignKeys: deferForeignKeys
        ? {
            mode: 'set-based check after the inserts (timed)',
            constraints: foreignKeyChecks,
            seconds: checkMs / 1000,
          }
        : { mode: 'per row (triggers)' },
      rows: counts,
      vacuumAnalyzeSeconds: vacuumMs / 1000,
    };
    const targetRate = 1_000_000 / 60;
    const pgSeconds =
      this.cpu['onboarding (first stretch)'].postgresBench +
      this.cpu['onboarding (second stretch)'].postgresBench;
    const pgPerWatch = (pgSeconds * 1_000_000) / o.watches;
    this.targets.push({
      name: 'Onboarding: watches + event + check-in + timer',
      measured: `${seconds(ms)} for ${int(o.watches)} (${int(rate)}/s)`,
      target: '≤ 60 s for 1,000,000 (≥ 16,667/s)',
      pass: rate >= targetRate,
      reason:
        `each watch is four rows (watch, created event, check-in, timer) with 19 index entries; ` +
        (deferForeignKeys
          ? `foreign keys checked as an import does, by ${foreignKeyChecks} set-based anti-joins after the inserts ` +
            `(${seconds(checkMs)}, included)`
          : '12 per-row foreign-key checks (about half of the statement time)') +
        `: PostgreSQL spent ${int(pgPerWatch)} µs CPU per watch, with ${o.parallel} statements of up to ` +
        `${int(o.batchSize)} rows at a time on ${os.cpus().length} cores`,
      fix:
        'it is CPU-bound in PostgreSQL: more cores and more statements at once; or fewer index entries per ' +
        'watch (random uuid keys make every index insert a random page)',
    });
    this.info.push({
      name: 'Onboarding: foreign keys',
      value: deferForeignKeys
        ? `checked set-based after the inserts: ${foreignKeyChecks} constraints in ${seconds(checkMs)} ` +
          '(per-row triggers off during the inserts, session_replication_role = replica; --row-fk-checks for ' +
          'per-row checks)'
        : 'checked per row by their triggers',
    });
    this.info.push({ name: 'VACUUM ANALYZE timers after onboarding (untimed)', value: seconds(vacuumMs) });
    return checkpoint;
  }

  /**
   * Steady state at `watches`: the bench's keys cleared, `dueInHorizon` timers made due within the horizon, one
   * planner tick (their jobs are now in Redis), then used_memory and the bench's own keys. The timers are put back
   * afterwards.
   */
  private async steadyState(watches: number): Promise<MemoryReading> {
    await deleteKeys(this.redis, this.keys);
    const ids = await this.makeDue(this.o.dueInHorizon, watches);
    const tick = await this.planner.tick();
    const reading = await this.memory(watches, tick.enqueued);
    if (tick.enqueued !== ids.length)
      this.errors.push(`steady-state tick enqueued ${tick.enqueued} of ${ids.length}`);
    await this.db.query(
      `UPDATE timers SET state = 'pending', lease_until = NULL, fire_at = now() + interval '30 days'
       WHERE id = ANY($1::bigint[])`,
      [ids],
    );
    await deleteKeys(this.redis, this.keys);
    log(`Steady state at ${int(watches)} watches: used_memory ${mb(reading.usedMemory)}`);
    return reading;
  }

  private async memory(watches: number, jobsQueued: number): Promise<MemoryReading> {
    const own = await keysMemory(this.redis, this.keys);
    return {
      watches,
      usedMemory: await usedMemory(this.redis),
      benchKeys: own.keys,
      benchKeysBytes: own.bytes,
      jobsQueued,
    };
  }

  /** Makes `count` random pending timers (of the first `watches`) due 30 s from now, inside the horizon. */
  private async makeDue(count: number, watches: number): Promise<string[]> {
    const picked = new Set<number>();
    while (picked.size < Math.min(count, watches)) picked.add(1 + Math.floor(Math.random() * watches));
    const rows = await this.db.query<{ id: string }>(
      `UPDATE timers SET fire_at = now() + interval '30 seconds'
       WHERE id = ANY($1::bigint[]) AND state = 'pending' RETURNING id::text AS id`,
      [[...picked]],
    );
    return rows.map((r) => r.id);
  }

  private async memoryPhase(baseline: MemoryReading, checkpoint: MemoryReading): Promise<void> {
    const o = this.o;
    const atN = await this.steadyState(o.watches);
    const growth = (atN.usedMemory - checkpoint.usedMemory) / checkpoint.usedMemory;
    const ownGrowth =
      (atN.benchKeysBytes - checkpoint.benchKeysBytes) / Math.max(1, checkpoint.benchKeysBytes);
    this.results['memory'] = { baseline, checkpoint, atN, growth, benchKeysGrowth: ownGrowth };
    const foreign = atN.usedMemory - baseline.usedMemory - atN.benchKeysBytes;
    this.targets.push({
      name: `Redis used_memory at ${int(o.watches)} watches (${o.dueInHorizon} due in horizon)`,
      measured: mb(atN.usedMemory),
      target: '≤ 50 MB',
      pass: atN.usedMemory <= 50 * MB,
      reason:
        `the bench's own keys hold ${mb(atN.benchKeysBytes)}; the baseline before the bench was ` +
        `${mb(baseline.usedMemory)} and ${mb(foreign)} more belongs to other users of this Redis`,
      fix: 'run the bench on a Redis of its own, or look at the keys that are not under {wvbench}',
    });
    this.targets.push({
      name: `Redis growth ${int(checkpoint.watches)} → ${int(o.watches)} watches`,
      measured: `${(growth * 100).toFixed(1)} % (${mb(checkpoint.usedMemory)} → ${mb(atN.usedMemory)})`,
      target: '< 10 %',
      pass: growth < 0.1,
      reason:
        `the bench's own keys went from ${mb(checkpoint.benchKeysBytes)} to ${mb(atN.benchKeysBytes)} ` +
        `(${(ownGrowth * 100).toFixed(1)} %): the rest is other users of this Redis`,
      fix: 'run the bench on a Redis of its own',
    });
    this.info.push(
      { name: 'Redis used_memory before the bench (baseline)', value: mb(baseline.usedMemory) },
      {
        name: `Bench keys in Redis at ${int(checkpoint.watches)} / ${int(o.watches)} watches`,
        value:
          `${int(checkpoint.benchKeys)} keys, ${mb(checkpoint.benchKeysBytes)} / ` +
          `${int(atN.benchKeys)} keys, ${mb(atN.benchKeysBytes)}`,
      },
    );
  }

  /** Ticks with `dueInHorizon` due among N; the same timers are put back to pending (and their jobs removed) between ticks. */
  private async tickPhase(): Promise<void> {
    const o = this.o;
    const queue = this.timersQueue;
    const addBulk = queue.addBulk.bind(queue);
    let addBulkMs = 0;
    queue.addBulk = (async (jobs: Parameters<Queue['addBulk']>[0]) => {
      const t0 = performance.now();
      try {
        return await addBulk(jobs);
      } finally {
        addBulkMs += performance.now() - t0;
      }
    }) as Queue['addBulk'];
    const ids = await this.makeDue(o.dueInHorizon, o.watches);
    const samples: number[] = [];
    const addBulkSamples: number[] = [];
    const claimSamples: number[] = [];
    const jobSamples: number[] = [];
    const cpuSamples: number[] = [];
    await this.quiet('planner tick');
    const m0 = this.meter.snapshot();
    try {
      for (let i = -2; i < o.ticks; i++) {
        await this.db.query(
          `UPDATE timers SET state = 'pending', lease_until = NULL, fire_at = now() + interval '30 seconds'
           WHERE id = ANY($1::bigint[])`,
          [ids],
        );
        await queue.drain(true);
        addBulkMs = 0;
        const cpu0 = process.cpuUsage();
        const t0 = performance.now();
        const tick = await this.planner.tick();
        const ms = performance.now() - t0;
        const cpu = process.cpuUsage(cpu0);
        if (tick.enqueued !== ids.length) this.errors.push(`tick enqueued ${tick.enqueued} of ${ids.length}`);
        if (i >= 0) {
          samples.push(ms);
          addBulkSamples.push(addBulkMs);
          claimSamples.push(tick.claimMs);
          jobSamples.push(tick.jobs);
          cpuSamples.push((cpu.user + cpu.system) / 1000);
        }
      }
    } finally {
      queue.addBulk = addBulk;
      this.cpu['planner ticks (with the resets between them)'] = this.meter.account(
        m0,
        this.meter.snapshot(),
      );
    }
    await this.db.query(
      `UPDATE timers SET state = 'pending', lease_until = NULL, fire_at = now() + interval '30 days'
       WHERE id = ANY($1::bigint[])`,
      [ids],
    );
    await deleteKeys(this.redis, this.keys);
    const med = median(samples);
    const p95 = percentile(samples, 95);
    const addMed = median(addBulkSamples);
    const claimMed = median(claimSamples);
    const jobsMed = median(jobSamples);
    this.results['tick'] = {
      due: ids.length,
      watches: o.watches,
      samplesMs: samples,
      addBulkMs: addBulkSamples,
      medianMs: med,
      p95Ms: p95,
      addBulkMedianMs: addMed,
      claimMs: claimSamples,
      claimMedianMs: claimMed,
      jobsPerTick: jobSamples,
      plannerProcessCpuMs: cpuSamples,
      plannerProcessCpuMedianMs: median(cpuSamples),
    };
    log(`Planner tick with ${ids.length} due: median ${med.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms`);
    const cpuMed = median(cpuSamples);
    const why =
      `of the median tick, the claim statement (${ids.length} rows updated, one statement) took ` +
      `${claimMed.toFixed(1)} ms and addBulk of ${int(jobsMed)} jobs (one per kind and second) ` +
      `${addMed.toFixed(1)} ms; the queue count and the outbox recovery query run beside the claim; the planner ` +
      `process spent ${median(cpuSamples).toFixed(1)} ms CPU`;
    const fix =
      'the claim is PostgreSQL updating each claimed row and three of its index entries: fewer indexes on ' +
      'timers, or a faster machine; or claim ahead of time in smaller, more frequent ticks';
    this.targets.push(
      {
        name: `Planner tick, ${ids.length} due among ${int(o.watches)} (median)`,
        measured: `${med.toFixed(1)} ms`,
        target: '≤ 10 ms',
        pass: med <= 10,
        reason: why,
        fix,
      },
      {
        name: `Planner tick, ${ids.length} due among ${int(o.watches)} (p95)`,
        measured: `${p95.toFixed(1)} ms`,
        target: '≤ 10 ms',
        pass: p95 <= 10,
        reason: why,
        fix,
      },
    );
    this.info.push({
      name: 'Planner tick: claim statement; addBulk (jobs); CPU of the planner process (medians)',
      value: `${claimMed.toFixed(1)} ms; ${addMed.toFixed(1)} ms (${int(jobsMed)} jobs); ${cpuMed.toFixed(1)} ms`,
    });
  }

  /**
   * The aligned burst: every timer due within the last minute, as a 09:00 morning makes them. First the planner
   * alone (cap above N, ticks back to back) claims and enqueues all of them: claim → enqueue. Then the same burst
   * again, from pending, as production runs it: the worker processes already waiting, the planner ticking back to
   * back, until every timer's effect is written: claim → effect.
   */
  private async burstPhase(): Promise<void> {
    const o = this.o;
    const pool = this.workers as WorkerPool;
    const alignMs = await this.alignBurst();
    log(`Aligned ${int(o.watches)} timers within one minute (${seconds(alignMs)}, untimed)`);

    await this.quiet('burst: claim → enqueue');
    const m1 = this.meter.snapshot();
    let t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const enqueue = await this.tickUntilClaimed();
    const enqueueMs = performance.now() - t0;
    const plannerCpu = process.cpuUsage(cpu0);
    this.cpu['burst: claim → enqueue'] = this.meter.account(m1, this.meter.snapshot());
    const enqueued = enqueue.enqueued;
    const enqueueRate = perSecond(enqueued, enqueueMs);
    if (enqueued !== o.watches) this.errors.push(`burst enqueued ${enqueued} of ${o.watches}`);
    log(
      `Burst: ${int(enqueued)} claimed and enqueued in ${seconds(enqueueMs)} (${int(enqueueRate)}/s, ` +
        `${int(enqueue.jobs)} jobs)`,
    );
    const queued = await this.memory(o.watches, await this.timersQueue.count());

    // The same burst again, from pending, with the workers running.
    await deleteKeys(this.redis, this.keys);
    await this.db.query(`UPDATE timers SET state = 'pending', lease_until = NULL, attempts = 0`);
    await this.alignBurst();
    await pool.run('effect', QueueName.Timers, o.burstConcurrency);
    await this.quiet('burst: claim → effect');
    const m2 = this.meter.snapshot();
    t0 = performance.now();
    const planning = this.tickUntilClaimed();
    const effectsAt = await pool.waitFor(o.watches, Math.max(900_000, o.watches * 3), (done) =>
      log(`  … ${int(done)} effects`),
    );
    await planning;
    const totalMs = effectsAt - t0;
    this.cpu['burst: claim → effect'] = this.meter.account(m2, this.meter.snapshot());
    const workerCpuMs = await pool.stop();
    const { failed } = pool.progress;
    const rate = perSecond(o.watches, totalMs);
    const [check] = await this.db.query<{ effects: string; done: string; live: string }>(
      `SELECT (SELECT count(*) FROM bench_effects) AS effects,
              (SELECT count(*) FROM timers WHERE state = 'done') AS done,
              (SELECT count(*) FROM timers WHERE state IN ('pending', 'claimed')) AS live`,
    );
    if (Number(check.effects) !== o.watches || Number(check.done) !== o.watches || failed > 0)
      this.errors.push(
        `burst effects: ${check.effects} effects, ${check.done} timers done, ${check.live} live, ${failed} jobs failed`,
      );
    log(`Burst: ${int(o.watches)} effects in ${seconds(totalMs)} (${int(rate)}/s); effects ${check.effects}`);
    await deleteKeys(this.redis, this.keys);
    const plannerCpuMs = (plannerCpu.user + plannerCpu.system) / 1000;
    const effectCpu = this.cpu['burst: claim → effect'];
    const enqueueCpu = this.cpu['burst: claim → enqueue'];
    const enqueueIdle = Math.max(0, enqueueCpu.capacitySeconds - enqueueCpu.busySeconds);
    const perTimer = (cpuSeconds: number) => int((cpuSeconds * 1_000_000) / o.watches);
    const batchSize = (this.results['plannerConfig'] as { batchSize: number }).batchSize;
    this.results['burst'] = {
      timers: o.watches,
      alignSeconds: alignMs / 1000,
      enqueue: {
        seconds: enqueueMs / 1000,
        timersPerSecond: enqueueRate,
        ticks: enqueue.ticks,
        batches: enqueue.batches,
        jobs: enqueue.jobs,
        plannerProcessCpuSeconds: plannerCpuMs / 1000,
        redisWithBurstQueued: queued,
      },
      claimToEffect: {
        seconds: totalMs / 1000,
        timersPerSecond: rate,
        workerProcesses: pool.size,
        concurrencyPerProcess: o.burstConcurrency,
        workerProcessesCpuSeconds: workerCpuMs / 1000,
        failedJobs: failed,
      },
      check,
    };
    this.targets.push(
      {
        name: 'Aligned burst: claim → enqueue (planner, cap above N)',
        measured: `${int(enqueueRate)} timers/s (${int(enqueued)} in ${seconds(enqueueMs)})`,
        target: '≥ 25,000/s',
        pass: enqueueRate >= 25_000,
        reason:
          `one planner, claims of ${int(batchSize)} timers, each waiting for its claim statement and then for ` +
          `addBulk of its jobs (one per kind and second of fire time, ${int(enqueue.jobs)} in all; the machine ` +
          `stayed ${Math.round((enqueueIdle / Math.max(0.1, enqueueCpu.capacitySeconds)) * 100)} % idle); per ` +
          `timer the planner process spent ${int((plannerCpuMs * 1000) / Math.max(1, enqueued))} µs CPU, ` +
          `PostgreSQL ${perTimer(enqueueCpu.postgresBench)} µs and Redis ${perTimer(enqueueCpu.redis)} µs`,
        fix: 'overlap the claim of batch n+1 with the addBulk of batch n, or run a second planner (SKIP LOCKED)',
      },
      {
        name: 'Aligned burst: claim → effect (planner and workers together, to the last effect)',
        measured: `${int(rate)} timers/s (${int(o.watches)} in ${seconds(totalMs)})`,
        target: '≥ 25,000/s',
        pass: rate >= 25_000,
        reason:
          `a job carries up to 500 timers of one kind and second; its processor takes them with one UPDATE and ` +
          `writes their effects with one INSERT, in one transaction. Per timer PostgreSQL spent ` +
          `${perTimer(effectCpu.postgresBench)} µs CPU (the claim's and the take's row updates with their index ` +
          `entries, the effect row), the bench processes (planner and workers) ${perTimer(effectCpu.bench)} µs and ` +
          `Redis ${perTimer(effectCpu.redis)} µs; the machine was ` +
          `${Math.round((1 - effectCpu.busySeconds / Math.max(0.1, effectCpu.capacitySeconds)) * 100)} % idle`,
        fix:
          'fewer index entries per timer row (each claim and take is a non-HOT update), or delete timers when ' +
          'taken instead of marking them done; more cores',
      },
    );
    this.info.push(
      {
        name: 'Burst workers',
        value:
          `${pool.size} worker processes (bench/scheduler/bench-worker.ts), BullMQ Worker concurrency ` +
          `${o.burstConcurrency} each; processor: TimersService.takeMany + one INSERT, one transaction per job`,
      },
      {
        name: `Redis used_memory with the whole burst queued (${int(queued.jobsQueued)} jobs)`,
        value: `${mb(queued.usedMemory)} (bench keys ${mb(queued.benchKeysBytes)})`,
      },
    );
  }

  /**
   * The product's own overdue processor (e-mail to the caseworker, next timer) on up to 20,000 check-ins: what the
   * burst's minimal processor leaves out. An extra figure, not a target.
   */
  private async productPhase(): Promise<void> {
    const timers = Math.min(20_000, this.o.watches);
    await this.quiet('product processor (check-in-overdue)');
    const result = await this.metered('product processor (check-in-overdue)', () =>
      runProductEffects(this.app as INestApplicationContext, this.db, timers, 2),
    );
    await deleteKeys(this.redis, this.keys);
    if (result.notifications !== result.timers)
      this.errors.push(
        `product processor: ${result.timers} timers, ${result.notifications} e-mails, ${result.nextTimers} next timers`,
      );
    log(`Product processor: ${int(result.timers)} overdue timers in ${seconds(result.seconds * 1000)}`);
    this.results['productProcessor'] = result;
    this.info.push({
      name: 'Product processor check-in-overdue (e-mail + next timer), jobs of 500, 2 at a time, in-process',
      value:
        `${int(result.timersPerSecond)} timers/s (${int(result.timers)} in ${seconds(result.seconds * 1000)}; ` +
        `${int(result.notifications)} e-mails written and queued, ${int(result.nextTimers)} next timers)`,
    });
  }

  /** Every pending timer due within the last minute (untimed); returns the time it took. */
  private async alignBurst(): Promise<number> {
    const t0 = performance.now();
    await this.db.query(
      `UPDATE timers SET fire_at = now() - random() * interval '60 seconds' WHERE state = 'pending'`,
    );
    await this.db.query('VACUUM ANALYZE timers');
    return performance.now() - t0;
  }

  /** Planner ticks back to back until a tick finds nothing due. */
  private async tickUntilClaimed(): Promise<{
    enqueued: number;
    jobs: number;
    ticks: number;
    batches: number;
  }> {
    const total = { enqueued: 0, jobs: 0, ticks: 0, batches: 0 };
    for (;;) {
      const tick = await this.planner.tick();
      total.ticks++;
      total.batches += tick.batches;
      total.enqueued += tick.enqueued;
      total.jobs += tick.jobs;
      if (tick.enqueued === 0) return total;
    }
  }

  /** BullMQ alone: `noopJobs` jobs added in bulk, then processed by the worker processes with a no-op processor. */
  private async noopPhase(): Promise<void> {
    const o = this.o;
    const pool = this.workers as WorkerPool;
    const connection = new Redis(o.redisUrl, { maxRetriesPerRequest: null });
    const queue = new Queue(NOOP_QUEUE, {
      connection,
      prefix: `{${o.redisPrefix}}`,
      defaultJobOptions: { removeOnComplete: 1000, removeOnFail: 5000 },
    });
    try {
      await this.quiet('no-op throughput');
      let t0 = performance.now();
      for (let i = 0; i < o.noopJobs; i += 1_000) {
        const n = Math.min(1_000, o.noopJobs - i);
        await queue.addBulk(Array.from({ length: n }, (_, k) => ({ name: 'noop', data: { i: i + k } })));
      }
      const addMs = performance.now() - t0;
      const m0 = this.meter.snapshot();
      t0 = performance.now();
      await pool.run('noop', NOOP_QUEUE, o.noopConcurrency);
      const doneAt = await pool.waitFor(o.noopJobs, 600_000);
      this.cpu['no-op jobs'] = this.meter.account(m0, this.meter.snapshot());
      const cpuMs = await pool.stop();
      const ms = doneAt - t0;
      const rate = perSecond(o.noopJobs, ms);
      log(`No-op: ${int(o.noopJobs)} jobs in ${seconds(ms)} (${int(rate)}/s)`);
      this.results['noop'] = {
        jobs: o.noopJobs,
        addSeconds: addMs / 1000,
        addPerSecond: perSecond(o.noopJobs, addMs),
        seconds: ms / 1000,
        jobsPerSecond: rate,
        workerProcesses: pool.size,
        concurrencyPerProcess: o.noopConcurrency,
        workerProcessesCpuSeconds: cpuMs / 1000,
      };
      this.targets.push({
        name: 'No-op job throughput (BullMQ)',
        measured: `${int(rate)} jobs/s (${pool.size} processes × ${o.noopConcurrency})`,
        target: '≥ 5,000/s',
        pass: rate >= 5_000,
        reason:
          `the worker processes spent ${int((cpuMs * 1000) / o.noopJobs)} µs CPU per job (fetch, complete, events), ` +
          'Redis its Lua scripts, on 2 cores',
        fix: 'more worker processes on more cores; batch work into fewer jobs',
      });
      this.info.push({
        name: `No-op: addBulk of ${int(o.noopJobs)} jobs (chunks of 1,000)`,
        value: `${seconds(addMs)} (${int(perSecond(o.noopJobs, addMs))} jobs/s)`,
      });
    } finally {
      await queue.close();
      connection.disconnect();
      await deleteKeys(this.redis, this.keys);
    }
  }

  /** The naive design: one BullMQ job scheduler per watch. Memory and registration time, extrapolated to N. */
  private async naivePhase(baseline: MemoryReading): Promise<void> {
    const o = this.o;
    await deleteKeys(this.redis, this.keys);
    const connection = new Redis(o.redisUrl, { maxRetriesPerRequest: null });
    const queue = new Queue(NAIVE_QUEUE, { connection, prefix: `{${o.redisPrefix}}` });
    try {
      await queue.waitUntilReady();
      await this.quiet('naive design');
      const before = await usedMemory(this.redis);
      const m0 = this.meter.snapshot();
      const t0 = performance.now();
      let next = 1;
      await Promise.all(
        Array.from({ length: 50 }, async () => {
          while (next <= o.naiveWatches) {
            const n = next++;
            await queue.upsertJobScheduler(
              `watch-${n}`,
              { every: (14 + 7 * (n % 5)) * DAY_MS },
              {
                name: 'check-in-due',
                data: { watchId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}` },
              },
            );
          }
        }),
      );
      const ms = performance.now() - t0;
      this.cpu['naive design registration'] = this.meter.account(m0, this.meter.snapshot());
      const after = await usedMemory(this.redis);
      const own = await keysMemory(this.redis, this.keys);
      const delta = after - before;
      const factor = o.watches / o.naiveWatches;
      const ours = this.results['memory'] as { atN: MemoryReading };
      const oursDelta = ours.atN.usedMemory - baseline.usedMemory;
      this.results['naive'] = {
        schedulers: o.naiveWatches,
        registrationSeconds: ms / 1000,
        registrationsPerSecond: perSecond(o.naiveWatches, ms),
        usedMemoryDelta: delta,
        benchKeys: own.keys,
        benchKeysBytes: own.bytes,
        bytesPerWatch: delta / o.naiveWatches,
        extrapolated: {
          watches: o.watches,
          usedMemoryDelta: delta * factor,
          registrationSeconds: (ms * factor) / 1000,
        },
        ours: { watches: o.watches, usedMemoryDelta: oursDelta, usedMemory: ours.atN.usedMemory },
      };
      log(`Naive: ${int(o.naiveWatches)} job schedulers in ${seconds(ms)}, +${mb(delta)}`);
      this.info.push(
        {
          name: `Naive design: ${int(o.naiveWatches)} job schedulers (measured)`,
          value: `+${mb(delta)} used_memory (${int(delta / o.naiveWatches)} B/watch, ${int(own.keys)} keys), registered in ${seconds(ms)}`,
        },
        {
          name: `Naive design at ${int(o.watches)} watches (extrapolated)`,
          value: `+${mb(delta * factor)} used_memory, registration ${seconds(ms * factor)}`,
        },
        {
          name: `This design at ${int(o.watches)} watches (measured)`,
          value: `+${mb(oursDelta)} used_memory over the baseline (${mb(ours.atN.usedMemory)} in all)`,
        },
      );
    } finally {
      await queue.close();
      connection.disconnect();
      await deleteKeys(this.redis, this.keys);
    }
  }
}

async function main(): Promise<void> {
  let options: BenchOptions;
  try {
    options = parseOptions(process.argv.slice(2), process.env);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(64);
  }
  const bench = new SchedulerBench(options);
  let cleaning = false;
  const stopOnSignal = (signal: NodeJS.Signals) => {
    if (cleaning) return;
    cleaning = true;
    console.error(`\n${signal}: cleaning up`);
    void bench.cleanUp().finally(() => process.exit(130));
  };
  process.once('SIGINT', stopOnSignal);
  process.once('SIGTERM', stopOnSignal);
  let code = 1;
  try {
    code = await bench.run();
  } catch (error) {
    console.error(`\nScheduler bench failed: ${(error as Error).stack ?? String(error)}`);
  } finally {
    if (!cleaning) {
      cleaning = true;
      await bench.cleanUp();
    }
  }
  log(`Done in ${seconds(performance.now() - started)}`);
  process.exit(code);
}

void main();
