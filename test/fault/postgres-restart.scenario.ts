import { PROBLEM_TYPES } from '@waakvlam/contracts';
import { type FaultContext, type LoadPlan, round, sleep } from './fault-harness';
import type { ProbeOutcome } from './reactivation-load';

/** While PostgreSQL is down an API request must fail with a 503 problem within this long. */
const FAIL_FAST_MS = 1_000;
const PROBE_EVERY_MS = 200;

/**
 * PostgreSQL crashes (pg_ctl stop -m immediate) while reminders fall due and reactivations come in, and is started
 * again after the outage. Meanwhile signed-in requests probe the API processes: each must fail fast with a 503
 * application/problem+json, and the API must answer again once PostgreSQL is back.
 */
export function restartPostgres(ctx: Pick<FaultContext, 'options'>): LoadPlan {
  return {
    name: 'postgres-restart',
    description: `PostgreSQL crashed (immediate stop) for ${ctx.options.outageMs / 1000} s and started again`,
    settleTimeoutMs: ctx.options.dueOverMs + ctx.options.outageMs + 120_000,
    fault: async (c, run) => {
      await sleep(Math.max(0, run.firstDueAt + (run.lastDueAt - run.firstDueAt) / 3 - Date.now()));
      const downAt = Date.now();
      await c.postgres.stopServer('immediate');
      const stoppedAt = Date.now();
      const probes: ProbeOutcome[] = [];
      let probing = true;
      let upAt = Number.POSITIVE_INFINITY;
      const prober = (async () => {
        const inFlight: Array<Promise<void>> = [];
        while (probing) {
          inFlight.push(c.load.probe().then((p) => void probes.push(p)));
          await sleep(PROBE_EVERY_MS);
        }
        await Promise.all(inFlight);
      })();
      await sleep(c.options.outageMs);
      const startAt = Date.now();
      await c.postgres.startServer();
      upAt = Date.now();
      // Probe on until three answers in a row are 200 (or 60 s).
      const until = Date.now() + 60_000;
      while (Date.now() < until) {
        const last = probes.slice(-3);
        if (last.length === 3 && last.every((p) => p.status === 200 && p.sentAt >= upAt)) break;
        await sleep(PROBE_EVERY_MS);
      }
      probing = false;
      await prober;
      c.log(`  PostgreSQL down ${round((upAt - downAt) / 1000)} s; ${probes.length} probes`);

      const during = probes.filter((p) => p.sentAt >= stoppedAt && p.sentAt < startAt);
      const slow = during.filter((p) => p.ms > FAIL_FAST_MS);
      const notProblem = during.filter(
        (p) =>
          p.status !== 200 &&
          !(
            p.status === 503 &&
            p.contentType.startsWith('application/problem+json') &&
            p.problemType === PROBLEM_TYPES.serviceUnavailable
          ),
      );
      const firstOk = probes.find((p) => p.sentAt >= upAt && p.status === 200);
      const failures: string[] = [];
      if (during.length === 0) failures.push('no request was sent during the outage');
      if (slow.length > 0)
        failures.push(
          `${slow.length} of ${during.length} requests during the outage took over ${FAIL_FAST_MS} ms`,
        );
      if (notProblem.length > 0)
        failures.push(
          `${notProblem.length} requests during the outage were not a 503 problem: ` +
            JSON.stringify(statuses(notProblem)),
        );
      if (!firstOk) failures.push('the API did not answer 200 within 60 s of PostgreSQL being back');
      return {
        figures: {
          outageSeconds: round((upAt - downAt) / 1000),
          probesDuringOutage: during.length,
          probeStatuses: JSON.stringify(statuses(during)),
          probeMaxMs: Math.round(Math.max(0, ...during.map((p) => p.ms))),
          apiRecoverySeconds: firstOk ? round((firstOk.sentAt + firstOk.ms - upAt) / 1000) : null,
        },
        failures,
      };
    },
  };
}

function statuses(probes: readonly ProbeOutcome[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const p of probes) counts[String(p.status)] = (counts[String(p.status)] ?? 0) + 1;
  return counts;
}
