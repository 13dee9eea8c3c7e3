import { type InfoLine, type TargetResult, int } from '../scheduler/bench-report';
import type { CpuAccount } from '../scheduler/machine-load';
import type { LoopDelay } from './app-process';
import { type LatencySummary, describeLatency, summarise, tailParts } from './latency-summary';
import type { RequestRecord } from './load-generator';
import type { PlannerWork } from './reactivation-seed';
import type { SinkCounts, SinkMail } from './smtp-sink-process';

/** Targets (issue 5, item 6). */
export const PICKUP_P99_MS = 50;
export const EMAIL_P99_MS = 1_000;

/** What one run measured, before the e-mails are matched. */
export interface Run {
  key: 'alone' | 'loaded';
  label: string;
  rate: number;
  durationMs: number;
  backgroundRate: number;
  measured: RequestRecord[];
  background: RequestRecord[];
  cpu: CpuAccount;
  /** CPU seconds per process group of the bench. */
  groups: Record<string, number>;
  /** The busiest processes counted as "other" (not the bench's, PostgreSQL or Redis). */
  others: Array<{ process: string; cpuSeconds: number }>;
  loopDelay: { apis: LoopDelay[]; workers: LoopDelay[] };
  plannerBefore: PlannerWork;
  plannerAfter: PlannerWork;
  sinkBefore: SinkCounts;
  sinkAfter: SinkCounts;
  queuesAfter: Record<string, Record<string, number>>;
}

/** The application's shape, for the reasons of a miss. */
export interface AppShape {
  apiProcesses: number;
  workerProcesses: number;
  /** WORKER_CONCURRENCY: jobs at once per queue per worker process (the urgent queue's slots). */
  workerConcurrency: number;
  databasePoolSize: number;
  /** CPU ms per POST end to end without planner load (the warm-up), and what that allows on this machine. */
  cpuMsPerPost: number | null;
  ceilingPostsPerSecond: number | null;
}

/** One request with its e-mail and job, in ms from the POST being sent. */
interface Sample {
  response: number;
  /** POST sent → the API added the job (after the request's transaction committed). */
  enqueue: number;
  /** Job added → a worker took it: the wait in the urgent queue. */
  queueWait: number;
  pickup: number;
  /** Pickup → the SMTP server accepted the e-mail (claim of the outbox row, SMTP pool, SMTP transaction). */
  send: number;
  /** Pickup → MAIL FROM: the claim of the outbox row and the wait for a connection of the SMTP pool. */
  toSmtp: number;
  /** MAIL FROM → accepted: the SMTP transaction itself. */
  smtp: number;
  email: number;
}

interface Latencies {
  response: LatencySummary;
  enqueue: LatencySummary;
  queueWait: LatencySummary;
  pickup: LatencySummary;
  send: LatencySummary;
  toSmtp: LatencySummary;
  smtp: LatencySummary;
  email: LatencySummary;
}

const worst = (delays: readonly LoopDelay[]): LoopDelay =>
  delays.reduce((a, b) => (b.p99 > a.p99 ? b : a), delays[0] ?? { p50: 0, p99: 0, max: 0 });
const pct = (share: number) => `${Math.round(share * 100)} %`;
const ms = (n: number | undefined) => `${(n ?? NaN).toFixed(0)} ms`;

function samplesOf(records: readonly RequestRecord[], mails: Map<string, SinkMail>): Sample[] {
  return records.flatMap((r) => {
    const mail = r.requestId ? mails.get(r.requestId) : undefined;
    if (r.status !== 201 || !mail?.job?.processedOn) return [];
    const { timestamp, processedOn } = mail.job;
    return [
      {
        response: r.respondedAt - r.sentAt,
        enqueue: timestamp - r.sentAt,
        queueWait: processedOn - timestamp,
        pickup: processedOn - r.sentAt,
        send: mail.acceptedAt - processedOn,
        toSmtp: mail.mailFromAt - processedOn,
        smtp: mail.acceptedAt - mail.mailFromAt,
        email: mail.acceptedAt - r.sentAt,
      },
    ];
  });
}

/** The latencies of requests outside the runs (the warm-up): POST → response, pickup and e-mail accepted. */
export function latenciesOf(
  records: readonly RequestRecord[],
  mails: Map<string, SinkMail>,
): Record<'response' | 'pickup' | 'email', LatencySummary> {
  const { response, pickup, email } = latencies(samplesOf(records, mails));
  return { response, pickup, email };
}

function latencies(samples: readonly Sample[]): Latencies {
  return {
    response: summarise(samples.map((s) => s.response)),
    enqueue: summarise(samples.map((s) => s.enqueue)),
    queueWait: summarise(samples.map((s) => s.queueWait)),
    pickup: summarise(samples.map((s) => s.pickup)),
    send: summarise(samples.map((s) => s.send)),
    toSmtp: summarise(samples.map((s) => s.toSmtp)),
    smtp: summarise(samples.map((s) => s.smtp)),
    email: summarise(samples.map((s) => s.email)),
  };
}

/**
 * The figures of one run: its latencies (the measured requests answered 201 whose e-mail and job were found), its
 * two targets with PASS/MISS and, for a miss, the measured reason and a fix idea, its other figures and CPU row.
 */
export function analyseRun(
  run: Run,
  mails: Map<string, SinkMail>,
  app: AppShape,
): { result: Record<string, unknown>; targets: TargetResult[]; info: InfoLine[]; cpuRow: string } {
  const samples = samplesOf(run.measured, mails);
  const s = latencies(samples);
  const backgroundSamples = samplesOf(run.background, mails);
  const bg = latencies(backgroundSamples);
  const all = [...samples, ...backgroundSamples];
  const lag = summarise(run.measured.map((r) => r.sentAt - r.scheduledAt));
  const span = (run.measured.at(-1)?.sentAt ?? 0) - (run.measured[0]?.sentAt ?? 0);
  const achieved = run.measured.length > 1 ? ((run.measured.length - 1) / span) * 1000 : 0;
  const wall = run.cpu.wallSeconds;
  const capacity = Math.max(0.1, run.cpu.capacitySeconds);
  const share = (cpuSeconds: number) => cpuSeconds / capacity;
  const idle = share(Math.max(0, run.cpu.capacitySeconds - run.cpu.busySeconds));
  // Other people's work on a shared machine: other processes, and PostgreSQL serving other databases.
  const otherWork = share(run.cpu.other + run.cpu.postgresOther);
  const posts = run.measured.length + run.background.length;
  const answered = [...run.measured, ...run.background].filter((r) => r.status === 201).length;
  const apiCpu = run.groups['API process(es)'] ?? 0;
  const apiCpuPerPost = (apiCpu * 1000) / Math.max(1, posts);
  // A Node process runs JavaScript on one core: its CPU time over the wall time is how busy that core was.
  const apiCoreBusy = apiCpu / Math.max(0.1, wall) / app.apiProcesses;
  const elapsed = (run.plannerAfter.at - run.plannerBefore.at) / 1000;
  const planner = {
    timersDonePerSecond: Math.round((run.plannerAfter.done - run.plannerBefore.done) / elapsed),
    emailsAcceptedPerSecond: Math.round((run.sinkAfter.other - run.sinkBefore.other) / elapsed),
    dueNotClaimedAtEnd: run.plannerAfter.duePending,
    claimedAtEnd: run.plannerAfter.claimed,
    emailsWaitingAtEnd: run.plannerAfter.mailsWaiting,
  };
  // Little's law: jobs in the urgent queue's slots on average = arrival rate × time each holds its slot.
  const urgentRate = all.length / Math.max(0.1, wall);
  const slots = app.workerConcurrency * app.workerProcesses;
  const slotsBusy = (urgentRate * summarise(all.map((x) => x.send)).mean) / 1000;
  const utilisation = slotsBusy / slots;
  const workerDelay = worst(run.loopDelay.workers);
  const apiDelay = worst(run.loopDelay.apis);

  const pickupTail = tailParts(samples, (x) => x.pickup, {
    postToJob: (x) => x.enqueue,
    queueWait: (x) => x.queueWait,
  });
  const emailTail = tailParts(samples, (x) => x.email, {
    postToPickup: (x) => x.pickup,
    pickupToAccepted: (x) => x.send,
    pickupToMailFrom: (x) => x.toSmtp,
    smtpTransaction: (x) => x.smtp,
  });
  const context =
    `the API process${app.apiProcesses > 1 ? 'es' : ''} spent ${apiCpuPerPost.toFixed(1)} ms CPU per POST and ` +
    `kept ${pct(apiCoreBusy)} of ${app.apiProcesses > 1 ? 'their cores' : 'its core'} busy (event-loop delay p99 ` +
    `${apiDelay.p99} ms); the urgent queue's ${slots} slots (WORKER_CONCURRENCY ${app.workerConcurrency} × ` +
    `${app.workerProcesses} process${app.workerProcesses > 1 ? 'es' : ''}) were ${pct(utilisation)} busy: ` +
    `${urgentRate.toFixed(0)} jobs/s, each holding its slot ${ms(summarise(all.map((x) => x.send)).mean)} on ` +
    `average to send its e-mail; the worker's event-loop delay p99 ${workerDelay.p99} ms (max ${workerDelay.max} ` +
    `ms); the planner did ${int(planner.timersDonePerSecond)} timers/s and left ${int(planner.emailsWaitingAtEnd)} ` +
    `of its e-mails waiting; the machine was ${pct(idle)} idle, other work ${pct(otherWork)} (other processes ` +
    `and other databases' PostgreSQL)`;

  // A fix idea for each part that makes up at least 40 % of the slow tail, and first the machine when it was
  // saturated (unless the request rate alone is beyond its ceiling, which says so itself).
  const beyondCeiling =
    app.ceilingPostsPerSecond !== null && run.rate + run.backgroundRate > app.ceilingPostsPerSecond;
  const saturated =
    idle < 0.05 && !beyondCeiling
      ? [
          `the machine was saturated (${pct(idle)} idle, other work ${pct(otherWork)}): the POST, the ` +
            'worker and PostgreSQL wait for CPU, so first more cores (or less work beside the requests)',
        ]
      : [];
  const significant = (parts: Record<string, number>, name: string) => {
    const total = Object.values(parts).reduce((a, b) => a + b, 0);
    return total > 0 && (parts[name] ?? 0) >= 0.4 * total;
  };
  const pickupParts = { postToJob: pickupTail['postToJob'] ?? 0, queueWait: pickupTail['queueWait'] ?? 0 };
  const pickupFixes = [
    ...saturated,
    ...(significant(pickupParts, 'postToJob') ? [postFix(run, app, apiCpuPerPost, apiCoreBusy)] : []),
    ...(significant(pickupParts, 'queueWait')
      ? [
          utilisation > 0.6
            ? 'the urgent jobs hold their slots while they wait for the SMTP pool (5 connections per process, ' +
              'shared with the mail queue and its backlog) and for a database connection: give urgent e-mail a ' +
              'transport of its own and the urgent queue more slots than WORKER_CONCURRENCY'
            : "the urgent queue's Worker shares its process (event loop and CPU) with the timers' batches and the " +
              "mail queue's backlog: run it in a process of its own, or give the timers jobs smaller batches",
        ]
      : []),
  ];
  const sendParts = {
    postToPickup: emailTail['postToPickup'] ?? 0,
    pickupToAccepted: emailTail['pickupToAccepted'] ?? 0,
  };
  const emailFixes = [
    ...saturated,
    ...(significant(sendParts, 'postToPickup')
      ? ['the job is taken late: see the pickup target of this run']
      : []),
    ...(significant(sendParts, 'pickupToAccepted')
      ? [
          (emailTail['pickupToMailFrom'] ?? 0) >= (emailTail['smtpTransaction'] ?? 0)
            ? 'the send waits for the SMTP pool the mail queue keeps busy (5 connections per process, the mail ' +
              'queue sending its backlog WORKER_CONCURRENCY at a time) and for a database connection: give urgent ' +
              "e-mail a transport of its own, or keep the mail queue's concurrency below the pool size"
            : "the SMTP transaction itself is slow: the mail server (here the bench's own, on the same cores) is " +
              'short of CPU',
        ]
      : []),
  ];

  // Percentiles are over the requests answered 201: say so when others failed (they would be slower still).
  const over =
    samples.length < run.measured.length
      ? `; over the ${int(samples.length)} of ${int(run.measured.length)} measured POSTs answered 201`
      : '';
  const targets: TargetResult[] = [];
  targets.push({
    name: `Pickup p99: POST → reactivation-notify job taken, ${run.label}`,
    measured: `${s.pickup.p99.toFixed(1)} ms (p50 ${s.pickup.p50.toFixed(1)}, p95 ${s.pickup.p95.toFixed(1)}${over})`,
    target: `≤ ${PICKUP_P99_MS} ms`,
    pass: s.pickup.p99 <= PICKUP_P99_MS,
    reason:
      `of the slowest 1 %, POST → job added took a median ${ms(pickupTail['postToJob'])} (the request's ` +
      `transaction; the job is added after its commit) and job added → pickup ${ms(pickupTail['queueWait'])} ` +
      `(the wait in the urgent queue); ${context}`,
    fix: pickupFixes.join('; and '),
  });
  targets.push({
    name: `E-mail accepted p99: POST → SMTP server accepted, ${run.label}`,
    measured:
      `${(s.email.p99 / 1000).toFixed(3)} s (p50 ${(s.email.p50 / 1000).toFixed(3)}, ` +
      `p95 ${(s.email.p95 / 1000).toFixed(3)}${over})`,
    target: `≤ ${EMAIL_P99_MS / 1000} s`,
    pass: s.email.p99 <= EMAIL_P99_MS,
    reason:
      `of the slowest 1 %, POST → pickup took a median ${ms(emailTail['postToPickup'])} and pickup → accepted ` +
      `${ms(emailTail['pickupToAccepted'])}: ${ms(emailTail['pickupToMailFrom'])} from the pickup to the start of ` +
      `the SMTP transaction (the claim of the outbox row and the wait for one of the SMTP pool's 5 connections) ` +
      `and ${ms(emailTail['smtpTransaction'])} in it; ${context}`,
    fix: emailFixes.join('; and '),
  });

  const f = (x: LatencySummary) => describeLatency(x);
  const info: InfoLine[] = [
    { name: `${run.label}: POST → response`, value: f(s.response) },
    { name: `${run.label}: POST → job picked up`, value: f(s.pickup) },
    { name: `${run.label}: POST → e-mail accepted`, value: f(s.email) },
    { name: `${run.label}: POST → job added (the request's transaction)`, value: f(s.enqueue) },
    { name: `${run.label}: job added → picked up (the urgent queue's wait)`, value: f(s.queueWait) },
    { name: `${run.label}: picked up → e-mail accepted`, value: f(s.send) },
    {
      name: `${run.label}: of which picked up → SMTP transaction started (claim, SMTP pool); the transaction`,
      value: `p50 ${s.toSmtp.p50.toFixed(1)} / p99 ${s.toSmtp.p99.toFixed(1)} ms; p50 ${s.smtp.p50.toFixed(1)} / p99 ${s.smtp.p99.toFixed(1)} ms`,
    },
    {
      name: `${run.label}: rate achieved; generator lag (sent − due)`,
      value:
        `${achieved.toFixed(1)}/s over ${run.measured.length} requests; p99 ${lag.p99.toFixed(1)} ms, ` +
        `max ${lag.max.toFixed(1)} ms`,
    },
    {
      name: `${run.label}: POSTs answered 201; API CPU per POST`,
      value: `${int(answered)} of ${int(posts)}; ${apiCpuPerPost.toFixed(1)} ms (${pct(apiCoreBusy)} of a core)`,
    },
    {
      name: `${run.label}: urgent queue slots busy (Little's law)`,
      value: `${slotsBusy.toFixed(1)} of ${slots} (${pct(utilisation)}), ${urgentRate.toFixed(0)} jobs/s`,
    },
    {
      name: `${run.label}: planner meanwhile`,
      value:
        `${int(planner.timersDonePerSecond)} timers done/s, ${int(planner.emailsAcceptedPerSecond)} of their ` +
        `e-mails accepted/s; at the end ${int(planner.dueNotClaimedAtEnd)} due and not claimed, ` +
        `${int(planner.claimedAtEnd)} claimed, ${int(planner.emailsWaitingAtEnd)} e-mails waiting`,
    },
    {
      name: `${run.label}: event-loop delay p99 / max (API; worker)`,
      value:
        `${run.loopDelay.apis.map((d) => `${d.p99} / ${d.max} ms`).join(', ')}; ` +
        run.loopDelay.workers.map((d) => `${d.p99} / ${d.max} ms`).join(', '),
    },
  ];
  if (run.background.length > 0)
    info.push({
      name: `${run.label}: the background requests themselves (${run.backgroundRate}/s)`,
      value:
        `response p50 ${bg.response.p50.toFixed(0)} / p99 ${bg.response.p99.toFixed(0)} ms; pickup p99 ` +
        `${bg.pickup.p99.toFixed(0)} ms; e-mail p99 ${bg.email.p99.toFixed(0)} ms (n ${bg.email.count})`,
    });
  const cpuRow =
    `${run.label} (${wall.toFixed(0)} s): ` +
    Object.entries(run.groups)
      .map(([group, cpu]) => `${group} ${pct(share(cpu))}`)
      .join(', ') +
    `, PostgreSQL (bench) ${pct(share(run.cpu.postgresBench))}, PostgreSQL (other) ` +
    `${pct(share(run.cpu.postgresOther))}, Redis ${pct(share(run.cpu.redis))}, other ${pct(share(run.cpu.other))}, ` +
    `idle ${pct(idle)}` +
    (run.others.length > 0
      ? `; other: ${run.others.map((o) => `${o.process} ${pct(share(o.cpuSeconds))}`).join(', ')}`
      : '');

  const result = {
    label: run.label,
    rate: run.rate,
    achievedRate: Math.round(achieved * 10) / 10,
    durationSeconds: run.durationMs / 1000,
    wallSeconds: wall,
    posts,
    answered201: answered,
    measuredRequests: run.measured.length,
    measuredWithEmailAndJob: samples.length,
    latencyMs: s,
    generatorLagMs: lag,
    tailOfPickupMs: pickupTail,
    tailOfEmailMs: emailTail,
    background:
      run.background.length > 0
        ? { rate: run.backgroundRate, requests: run.background.length, latencyMs: bg }
        : null,
    apiCpuMsPerPost: Math.round(apiCpuPerPost * 10) / 10,
    apiCoreBusy: Math.round(apiCoreBusy * 100) / 100,
    urgentQueue: { jobsPerSecond: urgentRate, slots, slotsBusy, utilisation },
    planner,
    queuesAtEnd: run.queuesAfter,
    eventLoopDelayMs: run.loopDelay,
    cpu: run.cpu,
    cpuSecondsPerGroup: run.groups,
    busiestOtherProcesses: run.others,
  };
  return { result, targets, info, cpuRow };
}

/** The fix idea when the POST, before its job exists, is most of the pickup time. */
function postFix(run: Run, app: AppShape, apiCpuPerPost: number, apiCoreBusy: number): string {
  const offered = run.rate + run.backgroundRate;
  const fewerRoundTrips =
    'less CPU per POST (it makes about a dozen database round trips: session, idempotency claim and completion, ' +
    'the transaction, the response row)';
  if (app.ceilingPostsPerSecond !== null && app.cpuMsPerPost !== null && offered > app.ceilingPostsPerSecond)
    return (
      `this machine cannot serve ${offered} POST/s: a POST costs ${app.cpuMsPerPost.toFixed(1)} ms of CPU end to ` +
      `end (API, PostgreSQL, worker, Redis; measured in the warm-up), a ceiling of about ` +
      `${int(app.ceilingPostsPerSecond)} POST/s on these cores before the planner's work, so the POSTs queue: more ` +
      `cores (API processes and PostgreSQL), and ${fewerRoundTrips}`
    );
  if (apiCoreBusy > 0.8)
    return (
      `the API process is saturated (${offered} POST/s at ${apiCpuPerPost.toFixed(1)} ms CPU each): more API ` +
      `processes, and ${fewerRoundTrips}`
    );
  return (
    `the POST itself (API ${apiCpuPerPost.toFixed(1)} ms CPU and its round trips to PostgreSQL, which it shares ` +
    `with the planner's work): ${fewerRoundTrips}`
  );
}
