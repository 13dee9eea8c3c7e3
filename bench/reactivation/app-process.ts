/**
 * A process of the application under test, forked by the reactivation bench with its configuration:
 *
 * - `api`: the product's HTTP application (`createHttpApp`, as the e2e tests and `main.ts` start it), listening on
 *   a free loopback port; role `api` only (no queue workers).
 * - `worker`: the product's worker process (`startWorkerProcess`, as `worker.ts` starts it): a BullMQ Worker on every
 *   queue (urgent, mail, timers, planner, housekeeping) and the cluster's job schedules, the planner's included.
 *
 * Besides, it measures its own event-loop delay (`monitorEventLoopDelay`), read and reset by the bench per run.
 * SIGTERM is the product's graceful shutdown (`closeOnSignals`).
 */
import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { AppConfig } from '../../api/src/core/config/app.config';
import { createHttpApp } from '../../api/src/core/http/http-app.factory';
import { closeOnSignals } from '../../api/src/core/lifecycle/graceful-shutdown.util';
import { startWorkerProcess } from '../../api/src/worker-process.bootstrap';
import { reply, replyError } from './bench-child';

export interface AppProcessSetup {
  role: 'api' | 'worker';
  /** The environment given to `AppConfig.fromEnv`. */
  env: Record<string, string>;
}

export type AppProcessCommand = { cmd: 'loop-delay' };

/** Event-loop delay percentiles in ms since the last reading. */
export interface LoopDelay {
  p50: number;
  p99: number;
  max: number;
}

export type AppProcessReply =
  | { type: 'ready'; port: number | null }
  | { type: 'loop-delay'; delay: LoopDelay }
  | { type: 'error'; message: string };

const setup = JSON.parse(process.argv[2] ?? '{}') as AppProcessSetup;
const histogram = monitorEventLoopDelay({ resolution: 5 });

async function main(): Promise<void> {
  const config = AppConfig.fromEnv({ ...setup.env, WAAKVLAM_ROLES: setup.role });
  let port: number | null = null;
  if (setup.role === 'api') {
    const app = await createHttpApp(config);
    closeOnSignals(app, config.shutdownTimeoutMs, () => undefined);
    await app.listen({ port: 0, host: '127.0.0.1' });
    port = (app.getHttpServer().address() as AddressInfo).port;
  } else {
    await startWorkerProcess(config);
  }
  histogram.enable();
  reply({ type: 'ready', port } satisfies AppProcessReply);
}

process.on('message', (command: AppProcessCommand) => {
  if (command.cmd !== 'loop-delay') return;
  const ms = (ns: number) => Math.round(ns / 10_000) / 100;
  reply({
    type: 'loop-delay',
    delay: { p50: ms(histogram.percentile(50)), p99: ms(histogram.percentile(99)), max: ms(histogram.max) },
  } satisfies AppProcessReply);
  histogram.reset();
});
// The bench is gone (crashed or killed): shut down as on SIGTERM.
process.on('disconnect', () => process.kill(process.pid, 'SIGTERM'));

main().catch((error: unknown) => {
  replyError(error);
  process.exit(1);
});
