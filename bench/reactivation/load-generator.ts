/**
 * A load generator of the reactivation bench, in a process of its own: POST /api/reactivations at a fixed
 * open-loop rate (request i is sent at start + i / rate, whether or not earlier ones were answered), each for its
 * own watch and with a fresh Idempotency-Key, as the console sends it: the coordinator's session cookie and the
 * XSRF-TOKEN cookie echoed in X-XSRF-TOKEN (test/support/http-client.ts, the e2e tests' browser-like client).
 */
import { IDEMPOTENCY_KEY_HEADER, type ReactivationCreated } from '@waakvlam/contracts';
import { randomUUID } from 'node:crypto';
import { HttpClient } from '../../test/support/http-client';
import { reply, replyError, wallClock } from './bench-child';

export interface GeneratorSetup {
  name: string;
  /** The API processes: requests go to them in turn. */
  baseUrls: string[];
  /** The cookies of a signed-in session, per organisation id. */
  sessions: Record<string, Record<string, string>>;
}

export interface RequestTarget {
  watchId: string;
  organisationId: string;
}

export type GeneratorCommand = {
  cmd: 'run';
  /** Requests per second. */
  rate: number;
  /** Epoch ms of the first request. */
  startAt: number;
  /** One request per target, in order. */
  targets: RequestTarget[];
  reason: string;
};

/** One POST: when it was due, sent and answered (epoch ms), and what came back. */
export interface RequestRecord {
  watchId: string;
  scheduledAt: number;
  sentAt: number;
  respondedAt: number;
  status: number;
  requestId: string | null;
  merged: boolean | null;
  error?: string;
}

export type GeneratorReply =
  { type: 'ready' } | { type: 'done'; records: RequestRecord[] } | { type: 'error'; message: string };

/** A request not answered within this long is recorded as failed (status 0). */
const REQUEST_TIMEOUT_MS = 60_000;

const setup = JSON.parse(process.argv[2] ?? '{}') as GeneratorSetup;
/** A browser-like client per organisation (its coordinator's session) and API process. */
const clients = new Map<string, HttpClient[]>();
for (const [organisationId, cookies] of Object.entries(setup.sessions)) {
  clients.set(
    organisationId,
    setup.baseUrls.map((baseUrl) => {
      const client = new HttpClient(baseUrl);
      for (const [name, value] of Object.entries(cookies)) client.cookies.set(name, value);
      return client;
    }),
  );
}
let turn = 0;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function post(target: RequestTarget, scheduledAt: number, reason: string): Promise<RequestRecord> {
  const ofOrganisation = clients.get(target.organisationId);
  if (!ofOrganisation) throw new Error(`No session for organisation ${target.organisationId}`);
  const client = ofOrganisation[turn++ % ofOrganisation.length];
  const sentAt = wallClock();
  let timer: NodeJS.Timeout | undefined;
  try {
    const response = await Promise.race([
      client.post<ReactivationCreated>(
        '/api/reactivations',
        { watchId: target.watchId, urgency: 'urgent', reason },
        { headers: { [IDEMPOTENCY_KEY_HEADER]: randomUUID() } },
      ),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('no answer in time')), REQUEST_TIMEOUT_MS);
      }),
    ]);
    const respondedAt = wallClock();
    const created = response.status === 201 ? response.body : null;
    return {
      watchId: target.watchId,
      scheduledAt,
      sentAt,
      respondedAt,
      status: response.status,
      requestId: created?.request?.id ?? null,
      merged: created?.merged ?? null,
      ...(response.status === 201 ? {} : { error: describeProblem(response.body) }),
    };
  } catch (error) {
    return {
      watchId: target.watchId,
      scheduledAt,
      sentAt,
      respondedAt: wallClock(),
      status: 0,
      requestId: null,
      merged: null,
      error: describeError(error),
    };
  } finally {
    clearTimeout(timer);
  }
}

/** A problem document's title and detail (application/problem+json), or the start of another body. */
function describeProblem(body: unknown): string {
  if (typeof body === 'object' && body !== null) {
    const { title, detail } = body as { title?: string; detail?: string };
    if (title || detail) return [title, detail].filter(Boolean).join(': ').slice(0, 200);
  }
  return JSON.stringify(body).slice(0, 200);
}

/** fetch's own message is "fetch failed": the cause says what happened (ECONNRESET, UND_ERR_…). */
function describeError(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const message = (error as Error).message ?? String(error);
  return cause ? `${message}: ${cause.code ?? cause.message ?? ''}` : message;
}

async function run(command: GeneratorCommand): Promise<RequestRecord[]> {
  const interval = 1000 / command.rate;
  const inFlight: Array<Promise<RequestRecord>> = [];
  for (let i = 0; i < command.targets.length; i++) {
    const scheduledAt = command.startAt + i * interval;
    const wait = scheduledAt - wallClock();
    if (wait > 1) await sleep(wait);
    inFlight.push(post(command.targets[i], scheduledAt, command.reason));
  }
  return Promise.all(inFlight);
}

process.on('message', (command: GeneratorCommand) => {
  if (command.cmd !== 'run') return;
  run(command).then(
    (records) => reply({ type: 'done', records } satisfies GeneratorReply),
    (error: unknown) => replyError(error),
  );
});
process.on('disconnect', () => process.exit(0));
process.on('SIGTERM', () => process.exit(0));
reply({ type: 'ready' } satisfies GeneratorReply);
