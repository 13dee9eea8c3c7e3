import type { AppFleet } from './app-fleet';
import type { FaultDatabase, Slice } from './fault-database';
import type { FaultOptions } from './fault-options';
import type { FaultRedis } from './fault-redis';
import type { FaultSmtpSink } from './fault-smtp-sink';
import type { PrivatePostgres } from './private-postgres';
import type { QueueMonitor } from './queue-monitor';
import type { ReactivationLoad } from './reactivation-load';

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** After a kill or freeze, what the process had written reaches the SMTP server within this (loopback). */
const ACK_GAP_SETTLE_MS = 1_000;
/** A killed process's messages may wait this long for their `sent` mark after their connection closed. */
const ACK_GAP_LOOKBACK_MS = 10_000;

/** Everything a scenario works with: the suite's own services and the application's processes. */
export interface FaultContext {
  options: FaultOptions;
  redis: FaultRedis;
  postgres: PrivatePostgres;
  sink: FaultSmtpSink;
  fleet: AppFleet;
  db: FaultDatabase;
  load: ReactivationLoad;
  monitor: QueueMonitor;
  /** The application's settings that the checks depend on. */
  settings: { plannerIntervalMs: number; timerLeaseMs: number; horizonMs: number };
  log: (message: string) => void;
}

/** One scenario's row: its invariants, counts and figures. */
export interface ScenarioResult {
  name: string;
  description: string;
  pass: boolean;
  /** Broken invariants, in words. */
  failures: string[];
  reminders: number;
  reactivations: { sent: number; created: number; statuses: Record<string, number> };
  notifications: number;
  delivered: number;
  lost: number;
  duplicates: number;
  /** Injected DATA→reply cuts on this scenario's messages: each allows one extra delivery. */
  cuts: number;
  /** Extra deliveries allowed: one per cut and one per message in the fault's acknowledgement gaps (`ackGap`). */
  allowedDuplicates: number;
  /** Extra deliveries of a message beyond its own allowance: any is a failure. */
  unexplainedDuplicates: number;
  /** The messages of the fault's acknowledgement gaps, logged (FaultOutcome.ackGap). */
  ackGap: string[];
  dead: number;
  maxAttempts: number;
  reclaimedTimers: number;
  /** From the first reminder due to the last e-mail received. */
  settleSeconds: number;
  figures: Record<string, number | string | boolean | null>;
  /** Kept for the final duplicate check. */
  notificationIds: string[];
  /** Extra deliveries allowed per message (its cut, its acknowledgement gaps); kept for the final check. */
  allowance: ReadonlyMap<string, number>;
}

/** What a scenario's fault reports back: figures for the row and invariants it checked itself. */
export interface FaultOutcome {
  figures: Record<string, number | string | boolean | null>;
  failures: string[];
  /**
   * The messages in the acknowledgement gap of a process the fault killed or froze (see `ackGapAfter`): each may
   * be delivered once more. A message in two gaps (two kills) is listed twice.
   */
  ackGap?: string[];
}

/** A scenario in progress: when it started, its watches and the check-ins whose reminders fall due. */
export interface ScenarioRun {
  t0: number;
  slice: Slice;
  checkIns: string[];
  /** When the first and the last reminder fall due (epoch ms). */
  firstDueAt: number;
  lastDueAt: number;
}

export interface LoadPlan {
  name: string;
  description: string;
  /** Reminders for this scenario (the options' count by default). */
  reminders?: number;
  /** When the first reminder falls due, after the scenario starts. */
  startsInMs?: number;
  dueOverMs?: number;
  /** Reactivation requests: false for none. */
  reactivations?: boolean;
  /** The fault, started with the load. */
  fault: (ctx: FaultContext, run: ScenarioRun) => Promise<FaultOutcome>;
  /** How long the scenario may take to deliver everything, from its start. */
  settleTimeoutMs: number;
}

/** Runs a scenario: due reminders and reactivation requests with the fault at the same time, then the checks. */
export async function runScenario(ctx: FaultContext, plan: LoadPlan): Promise<ScenarioResult> {
  const o = ctx.options;
  const count = plan.reminders ?? o.reminders;
  const slice = ctx.db.takeSlice(count);
  const startsInMs = plan.startsInMs ?? 3_000;
  const dueOverMs = plan.dueOverMs ?? o.dueOverMs;
  await ctx.monitor.refresh();
  ctx.sink.cutNext(o.cuts);
  const cutsBefore = ctx.sink.cutLog.length;
  const t0 = Date.now();
  ctx.log(
    `${plan.name}: ${count} reminders due over ${dueOverMs / 1000} s, ${slice.reactivationWatches.length} reactivations`,
  );
  const checkIns = await ctx.db.dueReminders(slice, startsInMs, dueOverMs);
  const watches = plan.reactivations === false ? [] : slice.reactivationWatches;
  const [requests, outcome] = await Promise.all([
    ctx.load.spread(watches, dueOverMs, `fault suite: ${plan.name}`),
    plan
      .fault(ctx, {
        t0,
        slice,
        checkIns,
        firstDueAt: t0 + startsInMs,
        lastDueAt: t0 + startsInMs + dueOverMs,
      })
      .catch((error: unknown): FaultOutcome => ({
        figures: {},
        failures: [`the fault itself failed: ${(error as Error).stack ?? String(error)}`],
      })),
  ]);
  const failures = [...outcome.failures];

  // Settled: every reminder's timer done, every e-mail of the scenario sent and received by the sink.
  const watchIds = watches.map((w) => w.watchId);
  let ids: string[] = [];
  let settledAt: number | null = null;
  const deadline = t0 + plan.settleTimeoutMs;
  while (Date.now() < deadline) {
    try {
      // The timers first: a timer done was committed with its e-mail, so the ids read after it include that e-mail
      // (read before, a batch committing in between would be done without its e-mails being waited for).
      const timers = await ctx.db.timerStates(checkIns);
      ids = await ctx.db.notificationIds(checkIns, watchIds);
      const outbox = await ctx.db.outbox(ids);
      const counts = ctx.sink.counts();
      const received = ids.filter((id) => counts.has(id)).length;
      if (
        (timers['done'] ?? 0) === checkIns.length &&
        outbox.byStatus['sent'] === ids.length &&
        received === ids.length
      ) {
        settledAt = Date.now();
        break;
      }
    } catch {
      // PostgreSQL may be on its way back up.
    }
    await sleep(500);
  }
  ctx.sink.cutNext(0);
  const [timers, outbox] = await Promise.all([ctx.db.timerStates(checkIns), ctx.db.outbox(ids)]);
  const counts = ctx.sink.counts();
  const idSet = new Set(ids);
  const scenarioCuts = ctx.sink.cutLog.slice(cutsBefore).filter((c) => idSet.has(c.notificationId));
  const cuts = scenarioCuts.length;
  const delivered = ids.filter((id) => counts.has(id)).length;
  const dead = outbox.byStatus['dead'] ?? 0;
  const created = requests.filter((r) => r.status === 201);
  const acknowledged = created.map((r) => r.requestId).filter((id): id is string => id !== null);
  const existing = await ctx.db.existingRequests(acknowledged);

  const expectedReminders = checkIns.length;
  const reminderMails = await ctx.db.notificationIds(checkIns, []);
  if (checkIns.length !== count)
    failures.push(`${count} reminders wanted, ${checkIns.length} timers written`);
  if ((timers['done'] ?? 0) !== expectedReminders)
    failures.push(
      `${expectedReminders - (timers['done'] ?? 0)} reminder timers not done (${JSON.stringify(timers)})`,
    );
  if (reminderMails.length !== expectedReminders)
    failures.push(`${expectedReminders} reminders, ${reminderMails.length} reminder e-mails in the outbox`);
  if (outbox.byStatus['sent'] !== ids.length)
    failures.push(`outbox not all sent: ${JSON.stringify(outbox.byStatus)}`);
  if (delivered !== ids.length)
    failures.push(`${ids.length - delivered} e-mails never reached the SMTP server`);
  if (dead > 0) failures.push(`${dead} e-mails dead`);
  const hung = requests.filter((r) => r.status === 0);
  if (hung.length > 0)
    failures.push(`${hung.length} reactivation requests got no answer within 15 s (${hung[0].error ?? ''})`);
  const missing = acknowledged.filter((id) => !existing.has(id));
  if (missing.length > 0) failures.push(`${missing.length} reactivations answered 201 are gone`);
  if (created.length > 0 && ids.length - reminderMails.length < existing.size)
    failures.push(
      `${existing.size} reactivations, ${ids.length - reminderMails.length} reactivation e-mails`,
    );
  const ackGap = (outcome.ackGap ?? []).filter((id) => idSet.has(id));
  const allowance = new Map<string, number>();
  for (const id of [...scenarioCuts.map((c) => c.notificationId), ...ackGap])
    allowance.set(id, (allowance.get(id) ?? 0) + 1);
  const duplicates = duplicatesOf(ids, counts);
  const allowedDuplicates = cuts + ackGap.length;
  const unexplained = unexplainedDuplicates(ids, counts, allowance);
  if (unexplained > 0)
    failures.push(
      `${unexplained} duplicate deliveries explained by no cut or acknowledgement gap ` +
        `(${duplicates} in all; ${cuts} cuts, ${ackGap.length} messages in gaps): ` +
        [...unexplainedDeliveries(ids, counts, allowance).keys()].slice(0, 20).join(', '),
    );

  return {
    name: plan.name,
    description: plan.description,
    pass: failures.length === 0,
    failures,
    reminders: checkIns.length,
    reactivations: { sent: requests.length, created: created.length, statuses: statusCounts(requests) },
    notifications: ids.length,
    delivered,
    lost: ids.length - delivered,
    duplicates,
    cuts,
    allowedDuplicates,
    unexplainedDuplicates: unexplained,
    ackGap,
    dead,
    maxAttempts: outbox.maxAttempts,
    reclaimedTimers: timers.reclaimed,
    settleSeconds: round(((settledAt ?? Date.now()) - (t0 + startsInMs)) / 1000),
    figures: outcome.figures,
    notificationIds: ids,
    allowance,
  };
}

/** Deliveries beyond the first, per message, summed. */
export const duplicatesOf = (ids: readonly string[], counts: ReadonlyMap<string, number>): number =>
  unexplainedDuplicates(ids, counts, new Map());

/** The messages delivered more often than once plus their allowance (cuts and gaps): id → extra deliveries. */
export function unexplainedDeliveries(
  ids: readonly string[],
  counts: ReadonlyMap<string, number>,
  allowance: ReadonlyMap<string, number>,
): Map<string, number> {
  const extra = new Map<string, number>();
  for (const id of ids) {
    const n = (counts.get(id) ?? 0) - 1 - (allowance.get(id) ?? 0);
    if (n > 0) extra.set(id, n);
  }
  return extra;
}

/** Deliveries beyond the first and beyond the message's allowance (its cuts and gaps), summed. */
export function unexplainedDuplicates(
  ids: readonly string[],
  counts: ReadonlyMap<string, number>,
  allowance: ReadonlyMap<string, number>,
): number {
  let sum = 0;
  for (const n of unexplainedDeliveries(ids, counts, allowance).values()) sum += n;
  return sum;
}

/**
 * The acknowledgement gap of a process killed or frozen at `signalledAt`: the messages the SMTP server accepted on
 * its connections that the outbox has not recorded as sent. The process may have had the server's 250 and not yet
 * written `sent` (or not read the reply at all); once the claim's lease runs out the outbox sends such a message
 * again, and no SMTP client can tell. Each allows one extra delivery, and is logged.
 *
 * A killed process's connections close with it: the gap is read from the connections that closed from
 * `ACK_GAP_LOOKBACK_MS` before the kill (the pool renews its connections; the last 250s of a renewed one may still
 * wait for their mark) to a moment after it. A frozen process's stay open, and are not told from the others': every
 * open connection counts. Either way messages of other processes may be included, never one of its own left out.
 */
export async function ackGapAfter(
  ctx: Pick<FaultContext, 'sink' | 'db'>,
  signalledAt: number,
  how: 'killed' | 'frozen',
): Promise<string[]> {
  await sleep(Math.max(0, signalledAt + ACK_GAP_SETTLE_MS - Date.now()));
  const candidates = ctx.sink.acceptedIds(
    how === 'killed' ? { closedSince: signalledAt - ACK_GAP_LOOKBACK_MS } : 'open',
  );
  return ctx.db.unrecorded(candidates);
}

/** How many answers had each status. */
export function statusCounts(requests: ReadonlyArray<{ status: number }>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of requests) counts[String(r.status)] = (counts[String(r.status)] ?? 0) + 1;
  return counts;
}

export const round = (n: number, digits = 1): number => Math.round(n * 10 ** digits) / 10 ** digits;

/** Polls `check` every `everyMs` until it is true; returns when (epoch ms), or null at `timeoutMs`. */
export async function waitFor(
  check: () => Promise<boolean> | boolean,
  timeoutMs: number,
  everyMs = 200,
): Promise<number | null> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      if (await check()) return Date.now();
    } catch {
      // A dependency may be down: try again.
    }
    await sleep(everyMs);
  }
  return null;
}
