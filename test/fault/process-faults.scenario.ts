import type { AppProcess } from './app-fleet';
import { ackGapAfter, type FaultContext, type LoadPlan, round, sleep, waitFor } from './fault-harness';

/** BullMQ's defaults in the product's workers: a job's lock lasts 30 s, stalled jobs are looked for every 30 s. */
const LOCK_MS = 30_000;
const STALLED_INTERVAL_MS = 30_000;

const pick = <T>(list: readonly T[]): T => list[Math.floor(Math.random() * list.length)];

/** SIGKILL of a random worker every 5 s while the reminders fall due, each restarted at once. */
export function sigkillWorkers(ctx: Pick<FaultContext, 'options'>): LoadPlan {
  const windowMs = Math.max(ctx.options.dueOverMs, 20_000);
  return {
    name: 'worker-sigkill',
    description: 'SIGKILL of a random worker every 5 s (restarted at once) while reminders fall due',
    dueOverMs: windowMs,
    settleTimeoutMs: windowMs + 120_000,
    fault: async (c, run) => {
      const restarts: Array<Promise<number>> = [];
      const gaps: Array<Promise<string[]>> = [];
      const restartFailures: string[] = [];
      let kills = 0;
      while (Date.now() < run.lastDueAt) {
        await sleep(5_000);
        // A worker still on its way up after its own kill is left alone.
        const ready = c.fleet.workers.filter((w) => w.running && w.ready);
        if (ready.length === 0) continue;
        const victim = pick(ready);
        await victim.signal('SIGKILL');
        kills++;
        gaps.push(ackGapAfter(c, Date.now(), 'killed'));
        restarts.push(
          victim.start().catch((error: unknown) => {
            restartFailures.push(`${victim.name}: ${(error as Error).message.split('\n')[0]}`);
            return Number.NaN;
          }),
        );
      }
      const startMs = (await Promise.all(restarts)).filter((ms) => !Number.isNaN(ms));
      const gapLists = await Promise.all(gaps);
      const gapSizes = gapLists.map((g) => g.length);
      return {
        figures: {
          kills,
          restartMedianSeconds: round(median(startMs) / 1000),
          restartMaxSeconds: round(Math.max(0, ...startMs) / 1000),
          ackGapMedian: median(gapSizes),
          ackGapMax: Math.max(0, ...gapSizes),
        },
        failures: restartFailures.map((f) => `a restart failed: ${f}`),
        ackGap: gapLists.flat(),
      };
    },
  };
}

/**
 * A worker frozen (SIGSTOP) past BullMQ's lock while its jobs are active, until another worker has taken its
 * stalled jobs; then SIGCONT. The SMTP server answers slowly meanwhile, so that the frozen worker has jobs mid-send.
 */
export function freezeWorker(ctx: Pick<FaultContext, 'options'>): LoadPlan {
  const maxFreezeMs = LOCK_MS + STALLED_INTERVAL_MS + 15_000;
  return {
    name: 'worker-frozen',
    description:
      'a worker frozen (SIGSTOP) past the 30 s job lock until its jobs are recovered, then SIGCONT',
    reminders: Math.min(ctx.options.reminders, 300),
    // Faster than the slowed SMTP server takes them: the frozen worker holds jobs still waiting for a connection,
    // which it must not send once their claim has run out.
    dueOverMs: 3_000,
    settleTimeoutMs: maxFreezeMs + 120_000,
    fault: async (c, run) => {
      // A slow SMTP server: every worker has jobs in hand when it freezes (and up to 5 messages awaiting a reply).
      c.sink.replyDelay(300);
      const victim = c.fleet.workers[0];
      // Freeze it while it works: mid-burst, once jobs are active.
      await sleep(Math.max(0, run.firstDueAt - Date.now()) + 2_000);
      await waitFor(async () => Object.values(await c.monitor.active()).some((n) => n > 0), 10_000, 50);
      const active = await c.monitor.active();
      const frozenAt = Date.now();
      await victim.signal('SIGSTOP');
      // Messages the SMTP server has but whose reply the frozen worker may not read: the acknowledgement gap.
      const inGap = c.sink.awaitingReply;
      const gapRead = ackGapAfter(c, frozenAt, 'frozen');
      const recoveredAt = await waitFor(() => c.monitor.stalledSince(frozenAt) > 0, maxFreezeMs, 250);
      // Give the other workers a moment to run what was put back, then wake it up.
      await sleep(2_000);
      await victim.signal('SIGCONT');
      const frozenMs = Date.now() - frozenAt;
      c.sink.replyDelay(0);
      const gap = await gapRead;
      const failures: string[] = [];
      if (recoveredAt === null) failures.push(`no stalled job was recovered within ${maxFreezeMs / 1000} s`);
      if (!victim.running) failures.push(`${victim.name} died after SIGCONT`);
      return {
        figures: {
          activeAtFreeze: Object.values(active).reduce((a, b) => a + b, 0),
          frozenSeconds: round(frozenMs / 1000),
          stalledRecoveredAfterSeconds: recoveredAt === null ? null : round((recoveredAt - frozenAt) / 1000),
          stalledJobs: c.monitor.stalledSince(frozenAt),
          awaitingSmtpReplyAtFreeze: inGap,
          ackGap: gap.length,
        },
        failures,
        ackGap: gap,
      };
    },
  };
}

/**
 * SIGTERM of a worker holding 50 active jobs: the other workers are frozen first, so that the burst's jobs all go
 * to it; the SMTP server answers each message after 0.5 s, so its jobs stay active. It must finish them and exit 0
 * within 25 s, and leave no active job behind.
 */
export function drainOnSigterm(ctx: Pick<FaultContext, 'options'>): LoadPlan {
  const wanted = 50;
  return {
    name: 'worker-sigterm-drain',
    description: `SIGTERM of a worker with ${wanted} active jobs: drained within 25 s, nothing left active`,
    reminders: Math.max(150, Math.min(ctx.options.reminders, 300)),
    startsInMs: 2_000,
    dueOverMs: 1_000,
    reactivations: false,
    settleTimeoutMs: 180_000,
    fault: async (c, run) => {
      const [target, ...others] = c.fleet.workers as [AppProcess, ...AppProcess[]];
      for (const w of others) await w.signal('SIGSTOP');
      c.sink.replyDelay(500);
      const failures: string[] = [];
      try {
        // Jobs the frozen workers held when they stopped stay active until they go on: not the target's to drain.
        await sleep(200);
        const heldByFrozen = await c.monitor.activeIds();
        const targets = async () => [...(await c.monitor.activeIds())].filter((id) => !heldByFrozen.has(id));
        const full = await waitFor(
          async () => (await targets()).filter((id) => id.startsWith('mail:')).length >= wanted,
          Math.max(0, run.lastDueAt - Date.now()) + 30_000,
          50,
        );
        const activeJobs = (await targets()).length;
        if (full === null) failures.push(`only ${activeJobs} jobs became active`);
        const exit = await target.signal('SIGTERM');
        const leftActive = (await targets()).length;
        if (exit.code !== 0) failures.push(`exit code ${exit.code} (signal ${exit.signal})`);
        if (exit.ms > 25_000) failures.push(`drained in ${round(exit.ms / 1000)} s (over 25 s)`);
        if (leftActive > 0) failures.push(`${leftActive} jobs left active after the exit: they would stall`);
        return {
          figures: {
            activeAtSigterm: activeJobs,
            drainSeconds: round(exit.ms / 1000),
            exitCode: exit.code,
            leftActive,
            heldByFrozen: heldByFrozen.size,
          },
          failures,
        };
      } finally {
        c.sink.replyDelay(0);
        for (const w of others) await w.signal('SIGCONT');
        if (!target.running) await target.start();
      }
    },
  };
}

function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}
