import { type FaultContext, type LoadPlan, round, sleep } from './fault-harness';

/** No fault but the injected DATA→reply cuts: the suite's reference row. */
export function baseline(ctx: Pick<FaultContext, 'options'>): LoadPlan {
  return {
    name: 'baseline',
    description: `no fault; ${ctx.options.cuts} connections cut after DATA before the reply`,
    settleTimeoutMs: ctx.options.dueOverMs + 90_000,
    fault: () => Promise.resolve({ figures: {}, failures: [] }),
  };
}

/** The SMTP server refuses every message (451) for a while: everything is delivered after it recovers, none dead. */
export function refuseSmtp(ctx: Pick<FaultContext, 'options'>): LoadPlan {
  const refusalMs = ctx.options.smtpRefusalMs;
  return {
    name: 'smtp-refusing',
    description: `SMTP answers 451 to everything for ${refusalMs / 1000} s`,
    startsInMs: 1_000,
    // Attempts after the outage wait for their backoff: up to one retry delay more than the refusal lasted.
    settleTimeoutMs: refusalMs * 3 + 120_000,
    fault: async (c, run) => {
      c.sink.refuseFor(refusalMs + Math.max(0, run.firstDueAt - Date.now()));
      const refusedBefore = c.sink.refused;
      const deliveredBefore = c.sink.deliveries.length;
      await sleep(Math.max(0, run.firstDueAt - Date.now()) + refusalMs);
      const recoveredAt = Date.now();
      return {
        figures: {
          refusalSeconds: refusalMs / 1000,
          refused: c.sink.refused - refusedBefore,
          deliveredDuringRefusal: c.sink.deliveries.length - deliveredBefore,
          smtpBackAtSeconds: round((recoveredAt - run.t0) / 1000),
        },
        failures: [],
      };
    },
  };
}
