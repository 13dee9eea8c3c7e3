/**
 * A worker process of the bench (forked by WorkerPool): BullMQ Workers on the bench's Redis prefix, started and
 * stopped by messages from the bench, reporting completed jobs every 25 ms.
 *
 * - `effect`: the `timers` queue. Each job takes its timer with the product's `TimersService.take` and writes one
 *   effect row, in one transaction (as a product processor does; the effect is a bench table, not an e-mail).
 * - `noop`: a queue whose processor does nothing: BullMQ's own cost per job.
 */
import { type Job, Worker } from 'bullmq';
import Redis from 'ioredis';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../../api/src/core/database/data-source.factory';
import {
  QueueName,
  TIMER_JOB,
  type TimerJobPayload,
  type TimerKind,
} from '../../api/src/core/queue/queue.constants';
import { TimersService } from '../../api/src/modules/scheduling/timers.service';

export interface WorkerSetup {
  redisUrl: string;
  queuePrefix: string;
  databaseUrl: string;
}

export type WorkerCommand =
  | { cmd: 'start'; mode: 'effect' | 'noop'; queue: string; concurrency: number }
  | { cmd: 'stop' }
  | { cmd: 'exit' };

export type WorkerReport =
  | { type: 'ready' }
  | { type: 'started' }
  | { type: 'progress'; done: number; failed: number }
  /** cpuMs: the process's CPU time (user + system) from start to stop. */
  | { type: 'stopped'; done: number; failed: number; cpuMs: number }
  | { type: 'error'; message: string };

const KIND_OF_JOB = new Map<string, TimerKind>(
  Object.entries(TIMER_JOB).map(([kind, job]) => [job, kind as TimerKind]),
);

const setup = JSON.parse(process.argv[2] ?? '{}') as WorkerSetup;
const send = (report: WorkerReport) => process.send?.(report);
const timers = new TimersService();

let worker: Worker | null = null;
let connection: Redis | null = null;
let dataSource: DataSource | null = null;
let cpuAtStart = process.cpuUsage();
let done = 0;
let failed = 0;
let reported = -1;
const ticker = setInterval(() => {
  if (done + failed !== reported) {
    reported = done + failed;
    send({ type: 'progress', done, failed });
  }
}, 25);

async function effect(job: Job<TimerJobPayload>): Promise<void> {
  const kind = KIND_OF_JOB.get(job.name);
  if (!kind) throw new Error(`Not a timer job: ${job.name}`);
  await (dataSource as DataSource).transaction(async (tx) => {
    const taken = await timers.takeMany(tx, job.data.timerIds, kind);
    if (taken.length > 0)
      await tx.query(
        `INSERT INTO bench_effects (timer_id, subject_id)
         SELECT * FROM unnest($1::bigint[], $2::uuid[]) ON CONFLICT (timer_id) DO NOTHING`,
        [taken.map((t) => t.id), taken.map((t) => t.subject_id)],
      );
  });
}

async function start(command: Extract<WorkerCommand, { cmd: 'start' }>): Promise<void> {
  done = 0;
  failed = 0;
  reported = -1;
  cpuAtStart = process.cpuUsage();
  if (command.mode === 'effect' && !dataSource) {
    dataSource = createDataSource(
      // One connection per job in flight, within reason (PostgreSQL's max_connections is shared).
      { databaseUrl: setup.databaseUrl, databasePoolSize: Math.min(command.concurrency, 24) },
      'waakvlam-bench-worker',
    );
    await dataSource.initialize();
  }
  if (command.mode === 'effect' && command.queue !== QueueName.Timers)
    throw new Error('effect runs on timers');
  connection = new Redis(setup.redisUrl, {
    maxRetriesPerRequest: null,
    connectionName: 'waakvlam-bench-worker',
  });
  worker = new Worker(command.queue, command.mode === 'effect' ? effect : async () => undefined, {
    connection,
    prefix: setup.queuePrefix,
    concurrency: command.concurrency,
  });
  // Progress counts timers in effect mode (a job carries a batch of them), jobs in no-op mode.
  worker.on('completed', (job: Job<TimerJobPayload>) => {
    done += command.mode === 'effect' ? job.data.timerIds.length : 1;
  });
  worker.on('failed', (_job, error) => {
    failed++;
    if (failed <= 3) console.error(`bench worker ${process.pid}: job failed: ${error.message}`);
  });
  worker.on('error', (error) => console.error(`bench worker ${process.pid}: ${error.message}`));
  await worker.waitUntilReady();
  send({ type: 'started' });
}

async function stop(): Promise<void> {
  await worker?.close();
  worker = null;
  connection?.disconnect();
  connection = null;
  const cpu = process.cpuUsage(cpuAtStart);
  send({ type: 'stopped', done, failed, cpuMs: (cpu.user + cpu.system) / 1000 });
}

process.on('message', (message: WorkerCommand) => {
  const run = async () => {
    if (message.cmd === 'start') await start(message);
    else if (message.cmd === 'stop') await stop();
    else {
      clearInterval(ticker);
      await worker?.close();
      connection?.disconnect();
      await dataSource?.destroy();
      process.disconnect?.();
    }
  };
  run().catch((error: Error) => send({ type: 'error', message: error.stack ?? error.message }));
});
// The bench is gone (crashed or killed): go too.
process.on('disconnect', () => process.exit(0));
send({ type: 'ready' });
