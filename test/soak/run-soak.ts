/**
 * `npm run test:soak [-- --minutes 30] [-- --smoke]`: steady load on the real build for a long while, to see that
 * no process grows or stalls.
 *
 * Starts services of its own, as the fault suite does (a Redis server, a PostgreSQL instance in a temporary
 * directory migrated as the owner, an SMTP server that records every message) and 2 api and 3 worker processes of
 * the real build with the product's default settings, each with a probe preloaded (test/soak/process-probe.cjs)
 * that reports its resident set, its V8 heap after a full collection, and its event-loop delay. Every minute
 * `--reminders-per-minute` reminders fall due and `--reactivations-per-minute` reactivation requests arrive over
 * HTTP, while a coordinator reads the dashboard and the lists `--reads-per-second` times a second. At the end it
 * checks that every e-mail arrived once, and reports per process the memory at the start, right after the warm-up
 * and at the end, and the event-loop delay p99; a run of 10 minutes or more fails when the resident set or the heap
 * grew more than 10% after the warm-up. Results: test/soak/results/ (smoke runs: test/soak/results/smoke/,
 * git-ignored); the processes' logs in tmp/soak-runs/<run>/. See docs/reliability.md.
 */
import {
  CHECK_IN_OVERVIEW_PATH,
  DASHBOARD_PATH,
  REACTIVATIONS_PATH,
  SIGNALS_PATH,
} from '@waakvlam/contracts';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { summarise } from '../../bench/reactivation/latency-summary';
import { AppFleet, suiteEnv } from '../fault/app-fleet';
import { runSuite } from '../fault/suite-main';
import { FaultDatabase } from '../fault/fault-database';
import { duplicatesOf, round, sleep, statusCounts } from '../fault/fault-harness';
import { type FaultRedis, startSingleRedis } from '../fault/fault-redis';
import { FaultSmtpSink } from '../fault/fault-smtp-sink';
import { PrivatePostgres } from '../fault/private-postgres';
import { type RequestOutcome, ReactivationLoad } from '../fault/reactivation-load';
import { type SoakOptions, parseSoakOptions } from './soak-options';
import { type ProcessFigures, figuresOf, readSamples } from './soak-samples';

const ROOT = path.resolve(__dirname, '..', '..');
const PROBE = path.join(__dirname, 'process-probe.cjs');
const READ_PATHS = [DASHBOARD_PATH, '/api/watches', REACTIVATIONS_PATH, SIGNALS_PATH, CHECK_IN_OVERVIEW_PATH];
/** After the load, everything due must be delivered within this. */
const SETTLE_MS = 5 * 60_000;

const started = Date.now();
const log = (message: string) =>
  console.log(`[${((Date.now() - started) / 1000).toFixed(1).padStart(7)} s] ${message}`);
const int = (n: number) => n.toLocaleString('en-US');
const pct = (n: number) => `${n >= 0 ? '+' : ''}${(n * 100).toFixed(1)}%`;

class Soak {
  private redis: FaultRedis | null = null;
  private postgres: PrivatePostgres | null = null;
  private sink: FaultSmtpSink | null = null;
  private fleet: AppFleet | null = null;
  private db: FaultDatabase | null = null;
  private readonly runDir: string;
  private readonly probeDir: string;
  /** Every process id each process had (a restart is a finding, and its samples still count). */
  private readonly pids = new Map<string, number[]>();

  constructor(private readonly o: SoakOptions) {
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    this.runDir = path.join(ROOT, 'tmp', 'soak-runs', stamp);
    this.probeDir = path.join(this.runDir, 'probes');
    mkdirSync(this.probeDir, { recursive: true });
  }

  async run(): Promise<number> {
    const o = this.o;
    log(
      `Soak test${o.smoke ? ' (smoke)' : ''}: ${o.minutes} min, ${o.remindersPerMinute} reminders and ` +
        `${o.reactivationsPerMinute} reactivations a minute, ${o.readsPerSecond} reads a second; ` +
        `logs in ${path.relative(ROOT, this.runDir)}`,
    );
    this.redis = await startSingleRedis(path.join(this.runDir, 'redis'));
    this.postgres = await PrivatePostgres.start();
    this.db = new FaultDatabase(this.postgres);
    const migrations = await this.db.create(
      o.minutes,
      o.reactivationsPerMinute,
      o.minutes * o.remindersPerMinute,
    );
    log(
      `Redis at ${this.redis.url}, PostgreSQL on port ${this.postgres.port}: ${migrations} migrations, seeded`,
    );
    this.sink = new FaultSmtpSink();
    await this.sink.start();
    this.fleet = await AppFleet.create({
      root: ROOT,
      runDir: this.runDir,
      apis: 2,
      workers: 3,
      nodeArgs: () => ['--expose-gc', '-r', PROBE],
      env: {
        ...suiteEnv({
          appDatabaseUrl: this.db.appUrl,
          ownerDatabaseUrl: this.db.ownerUrl,
          redisUrl: this.redis.url,
          redisPrefix: 'wvsoak',
          smtpUrl: this.sink.url,
        }),
        WAAKVLAM_PROBE_DIR: this.probeDir,
        WAAKVLAM_PROBE_INTERVAL_MS: String(o.sampleEveryMs),
      },
    });
    await this.fleet.start();
    for (const p of this.fleet.all) this.pids.set(p.name, [p.pid ?? 0]);
    log('2 api and 3 worker processes up, each with the probe');
    const load = new ReactivationLoad(this.fleet.apis.map((a) => a.url));
    await load.signIn(this.db.coordinators);

    const loadFrom = Date.now();
    const loadUntil = loadFrom + o.minutes * 60_000;
    const reads = this.readSteadily(load, loadUntil);
    const checkIns: string[] = [];
    const watchIds: string[] = [];
    const requests: Array<Promise<RequestOutcome[]>> = [];
    for (let minute = 0; minute < o.minutes; minute++) {
      const wait = loadFrom + minute * 60_000 - Date.now();
      if (wait > 0) await sleep(wait);
      this.watchForRestarts();
      if (minute > 0) this.progress(minute, checkIns.length, requests.length * o.reactivationsPerMinute);
      const slice = this.db.takeSlice(o.remindersPerMinute);
      checkIns.push(...(await this.db.dueReminders(slice, 3_000, 55_000)));
      watchIds.push(...slice.reactivationWatches.map((w) => w.watchId));
      requests.push(load.spread(slice.reactivationWatches, 55_000, 'soak test'));
    }
    await sleep(Math.max(0, loadUntil - Date.now()));
    this.watchForRestarts();
    const readOutcomes = await reads;
    const outcomes = (await Promise.all(requests)).flat();
    log(`Load done: ${int(checkIns.length)} reminders, ${int(outcomes.length)} reactivation requests`);

    const failures: string[] = [];
    const delivery = await this.settle(checkIns, watchIds, failures);
    const created = outcomes.filter((r) => r.status === 201).length;
    if (created !== outcomes.length)
      failures.push(
        `${outcomes.length - created} reactivation requests not answered 201 (${JSON.stringify(statusCounts(outcomes))})`,
      );
    const readFailures = readOutcomes.filter((r) => r.status !== 200);
    if (readFailures.length > 0)
      failures.push(
        `${readFailures.length} of ${readOutcomes.length} reads not answered 200 (${JSON.stringify(statusCounts(readFailures))})`,
      );
    for (const p of this.fleet.all)
      if (p.exits.length > 0) failures.push(`${p.name} exited during the run: ${JSON.stringify(p.exits)}`);

    const judged = o.minutes >= o.judgedFromMinutes;
    const processes: ProcessFigures[] = [];
    for (const p of this.fleet.all) {
      const figures = figuresOf(p.name, readSamples(this.probeDir, this.pids.get(p.name) ?? []), {
        loadFrom,
        loadUntil,
        warmUpMs: o.warmUpMs,
        windowMs: o.windowMs,
      });
      if (!figures) {
        failures.push(`${p.name}: its probe reported no samples in a window compared`);
        continue;
      }
      processes.push(figures);
      if (judged)
        for (const [what, growth] of [
          ['resident set', figures.rssGrowth],
          ['heap', figures.heapGrowth],
        ] as const)
          if (growth > o.maxGrowth)
            failures.push(
              `${p.name}: ${what} grew ${pct(growth)} after the warm-up (at most ${pct(o.maxGrowth)})`,
            );
    }
    const readLatency = summarise(readOutcomes.filter((r) => r.status === 200).map((r) => r.ms));
    const requestLatency = summarise(outcomes.filter((r) => r.status === 201).map((r) => r.ms));
    const table = this.markdown(processes, judged, { ...delivery, reads: readOutcomes.length, readLatency });
    console.log(`\n${table}\n`);
    const file = this.write({
      run: {
        date: new Date().toISOString(),
        options: o,
        durationSeconds: round((Date.now() - started) / 1000),
        judged,
      },
      machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? 'unknown', node: process.version },
      delivery,
      reads: { count: readOutcomes.length, failed: readFailures.length, latencyMs: readLatency },
      reactivations: { count: outcomes.length, created, latencyMs: requestLatency },
      processes,
      failures,
      markdown: table,
    });
    log(`Results written to ${path.relative(ROOT, file)}`);
    for (const failure of failures) console.error(`BROKEN: ${failure}`);
    console.log(failures.length === 0 ? 'Soak test passed' : `Soak test failed (${failures.length})`);
    return failures.length === 0 ? 0 : 1;
  }

  /** Signed-in reads at a steady rate (open loop), the api processes in turn, until `until`. */
  private async readSteadily(
    load: ReactivationLoad,
    until: number,
  ): Promise<Array<{ status: number; ms: number }>> {
    if (this.o.readsPerSecond <= 0) return [];
    const every = 1000 / this.o.readsPerSecond;
    const pending: Array<Promise<{ status: number; ms: number }>> = [];
    const t0 = Date.now();
    for (let i = 0; t0 + i * every < until; i++) {
      const wait = t0 + i * every - Date.now();
      if (wait > 0) await sleep(wait);
      pending.push(load.read(READ_PATHS[i % READ_PATHS.length]));
    }
    return Promise.all(pending);
  }

  /** Waits until every reminder's timer is done and every e-mail is sent and received; the delivery's figures. */
  private async settle(checkIns: readonly string[], watchIds: readonly string[], failures: string[]) {
    const db = this.db as FaultDatabase;
    const sink = this.sink as FaultSmtpSink;
    const t0 = Date.now();
    let ids: string[] = [];
    while (Date.now() - t0 < SETTLE_MS) {
      // The timers first: a timer done was committed with its e-mail, so the ids read after it include that e-mail
      // (read before, a batch committing in between would be done without its e-mails being waited for).
      const timers = await db.timerStates(checkIns);
      ids = await db.notificationIds(checkIns, watchIds);
      const outbox = await db.outbox(ids);
      const counts = sink.counts();
      if (
        (timers['done'] ?? 0) === checkIns.length &&
        outbox.byStatus['sent'] === ids.length &&
        ids.every((id) => counts.has(id))
      )
        break;
      await sleep(1_000);
    }
    const settledSeconds = round((Date.now() - t0) / 1000);
    const [timers, outbox] = await Promise.all([db.timerStates(checkIns), db.outbox(ids)]);
    const counts = sink.counts();
    const delivered = ids.filter((id) => counts.has(id)).length;
    const duplicates = duplicatesOf(ids, counts);
    const dead = outbox.byStatus['dead'] ?? 0;
    const reminderMails = (await db.notificationIds(checkIns, [])).length;
    if ((timers['done'] ?? 0) !== checkIns.length)
      failures.push(
        `${checkIns.length - (timers['done'] ?? 0)} reminder timers not done (${JSON.stringify(timers)})`,
      );
    if (reminderMails !== checkIns.length)
      failures.push(`${checkIns.length} reminders, ${reminderMails} reminder e-mails in the outbox`);
    if (delivered !== ids.length)
      failures.push(`${ids.length - delivered} e-mails never reached the SMTP server`);
    if (duplicates > 0) failures.push(`${duplicates} e-mails delivered more than once`);
    if (dead > 0) failures.push(`${dead} e-mails dead`);
    log(
      `Settled ${settledSeconds} s after the load: ${int(delivered)} of ${int(ids.length)} e-mails received`,
    );
    return {
      reminders: checkIns.length,
      emails: ids.length,
      delivered,
      lost: ids.length - delivered,
      duplicates,
      dead,
      settledSeconds,
    };
  }

  /** A process that exited is started again (the run goes on) and counted as a failure at the end. */
  private watchForRestarts(): void {
    for (const p of (this.fleet as AppFleet).all)
      if (!p.running)
        void p.start().then(
          () => this.pids.get(p.name)?.push(p.pid ?? 0),
          (error: unknown) => log(`${p.name} did not start again: ${(error as Error).message}`),
        );
  }

  private progress(minute: number, reminders: number, reactivations: number): void {
    const rss = (this.fleet as AppFleet).all
      .map((p) => {
        const last = readSamples(this.probeDir, this.pids.get(p.name) ?? []).at(-1);
        return `${p.name} ${last ? Math.round(last.rss / 1024 / 1024) : '?'}`;
      })
      .join(', ');
    log(
      `minute ${minute}/${this.o.minutes}: ${int(reminders)} reminders and ${int(reactivations)} reactivations ` +
        `so far, ${int((this.sink as FaultSmtpSink).counts().size)} e-mails received; RSS MiB ${rss}`,
    );
  }

  private markdown(
    processes: readonly ProcessFigures[],
    judged: boolean,
    d: {
      reminders: number;
      emails: number;
      delivered: number;
      lost: number;
      duplicates: number;
      reads: number;
      readLatency: { p50: number; p99: number };
    },
  ): string {
    const o = this.o;
    const lines = [
      `### Soak test, ${o.minutes} min, ${os.cpus().length} cores, ${new Date().toISOString().slice(0, 16)}Z`,
      '',
      `${int(d.reminders)} reminders and ${int(o.minutes * o.reactivationsPerMinute)} reactivation requests; ` +
        `${int(d.delivered)} of ${int(d.emails)} e-mails delivered, ${d.lost} lost, ${d.duplicates} doubled; ` +
        `${int(d.reads)} reads (p50 ${d.readLatency.p50} ms, p99 ${d.readLatency.p99} ms). Memory: medians of the ` +
        `samples (after a full collection) in the ${o.windowMs / 1000} s after a ${o.warmUpMs / 60_000} min ` +
        `warm-up and in the last ${o.windowMs / 1000} s` +
        (judged ? `; growth allowed ${pct(o.maxGrowth)}.` : '; growth not judged in a run under 10 minutes.'),
      '',
      '| process | RSS start → after warm-up → end (MiB) | RSS growth | heap start → after warm-up → end (MiB) | heap growth | event-loop delay p99 median / worst window (ms) | longest delay (ms) |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ];
    for (const p of processes)
      lines.push(
        `| ${p.name} | ${p.start.rssMiB} → ${p.afterWarmUp.rssMiB} → ${p.end.rssMiB} | ${pct(p.rssGrowth)} | ` +
          `${p.start.heapMiB} → ${p.afterWarmUp.heapMiB} → ${p.end.heapMiB} | ${pct(p.heapGrowth)} | ` +
          `${p.lagP99MedianMs} / ${p.lagP99WorstMs} | ${p.lagMaxMs} |`,
      );
    return lines.join('\n');
  }

  private write(results: unknown): string {
    const o = this.o;
    const file =
      o.jsonOut ??
      path.join(
        ROOT,
        'test/soak/results',
        o.smoke ? 'smoke' : '',
        `soak-${new Date().toISOString().slice(0, 10)}-${o.minutes}min.json`,
      );
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
    return file;
  }

  async cleanUp(): Promise<void> {
    await this.fleet?.stop().catch(() => undefined);
    await this.sink?.stop().catch(() => undefined);
    await this.db?.close();
    await this.redis?.destroy().catch(() => undefined);
    await this.postgres?.destroy(this.runDir).catch(() => undefined);
  }
}

void runSuite({ root: ROOT, label: 'soak test', parse: parseSoakOptions, create: (o) => new Soak(o), log });
