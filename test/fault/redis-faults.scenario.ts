import {
  type FaultContext,
  type FaultOutcome,
  type LoadPlan,
  type ScenarioRun,
  round,
  sleep,
  waitFor,
} from './fault-harness';
import { SCHEDULE_CHECK_MS } from '../../api/src/core/queue/queue-worker.service';

/** Workers must take work again within this long after Redis lost everything. */
const RESUME_LIMIT_MS = 30_000;

/**
 * After Redis lost everything at `faultAt` (and is back at `backAt`): when the SMTP server got the first new
 * message (the workers resumed), and when every reminder already due at the fault had been claimed again (its job
 * re-enqueued): in the first planner sweep once Redis is back, which sees a new Redis epoch, not after the lease.
 */
async function recovery(
  ctx: FaultContext,
  run: ScenarioRun,
  faultAt: number,
  backAt: number,
): Promise<FaultOutcome> {
  const s = ctx.settings;
  const deliveredBefore = ctx.sink.deliveries.length;
  const limitMs = Math.max(RESUME_LIMIT_MS, backAt - faultAt + s.timerLeaseMs + s.plannerIntervalMs + 60_000);
  const [resumedAt, reenqueuedAt] = await Promise.all([
    waitFor(() => ctx.sink.deliveries.length > deliveredBefore, limitMs, 100),
    waitFor(async () => (await ctx.db.waitingForReclaim(run.checkIns, faultAt)) === 0, limitMs, 250),
  ]);
  const failures: string[] = [];
  const resumeMs = resumedAt === null ? null : resumedAt - backAt;
  const reenqueueMs = reenqueuedAt === null ? null : reenqueuedAt - faultAt;
  // The planner's own schedule went with Redis's data: the workers restore it within one schedule check, and its
  // first sweep claims again every timer of the lost epoch (a second sweep's worth of slack for a busy machine).
  const reenqueueLimitMs = backAt - faultAt + SCHEDULE_CHECK_MS + 2 * s.plannerIntervalMs + 2_000;
  if (resumeMs === null || resumeMs > RESUME_LIMIT_MS)
    failures.push(`workers did not resume within ${RESUME_LIMIT_MS / 1000} s of Redis being back`);
  if (reenqueueMs === null || reenqueueMs > reenqueueLimitMs)
    failures.push(
      `due reminders re-enqueued after ${reenqueueMs === null ? 'never' : `${round(reenqueueMs / 1000)} s`} ` +
        `(limit: Redis back + schedule check ${SCHEDULE_CHECK_MS / 1000} s + two sweeps of ${s.plannerIntervalMs / 1000} s + 2 s; ` +
        `the lease is ${s.timerLeaseMs / 1000} s)`,
    );
  return {
    figures: {
      resumeSeconds: resumeMs === null ? null : round(resumeMs / 1000),
      reenqueueSeconds: reenqueueMs === null ? null : round(reenqueueMs / 1000),
      leaseSeconds: s.timerLeaseMs / 1000,
      plannerSweepSeconds: s.plannerIntervalMs / 1000,
    },
    failures,
  };
}

/** The moment in the middle of the reminders falling due. */
const midway = (run: ScenarioRun) => run.firstDueAt + (run.lastDueAt - run.firstDueAt) / 2;

export function flushAll(ctx: Pick<FaultContext, 'options'>): LoadPlan {
  return {
    name: 'redis-flushall',
    description:
      'Redis FLUSHALL while reminders fall due: workers resume, lost jobs re-enqueued by the planner',
    settleTimeoutMs: ctx.options.dueOverMs + 120_000,
    fault: async (c, run) => {
      await sleep(Math.max(0, midway(run) - Date.now()));
      const at = Date.now();
      await c.redis.flushAll();
      c.log(`  FLUSHALL at +${round((at - run.t0) / 1000)} s`);
      return recovery(c, run, at, at);
    },
  };
}

export function restartRedis(ctx: Pick<FaultContext, 'options'>): LoadPlan {
  return {
    name: 'redis-restart',
    description: `Redis stopped without saving for ${ctx.options.outageMs / 1000} s and started empty`,
    settleTimeoutMs: ctx.options.dueOverMs + ctx.options.outageMs + 120_000,
    fault: async (c, run) => {
      await sleep(Math.max(0, midway(run) - Date.now()));
      const at = Date.now();
      await c.redis.stop();
      await sleep(c.options.outageMs);
      await c.redis.start();
      const backAt = Date.now();
      c.log(`  Redis down for ${round((backAt - at) / 1000)} s`);
      const outcome = await recovery(c, run, at, backAt);
      outcome.figures['outageSeconds'] = round((backAt - at) / 1000);
      return outcome;
    },
  };
}
