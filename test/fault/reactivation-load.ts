import { IDEMPOTENCY_KEY_HEADER, type ReactivationCreated } from '@waakvlam/contracts';
import { randomUUID } from 'node:crypto';
import { COORDINATOR_PASSWORD, type ReactivationWatch } from '../../bench/reactivation/reactivation-seed';
import { HttpClient } from '../support/http-client';

/** One POST /api/reactivations: what came back and how long it took. */
export interface RequestOutcome {
  watchId: string;
  status: number;
  ms: number;
  requestId: string | null;
  contentType: string;
  error?: string;
}

/** One request sent while a dependency was down, to see how the API fails. */
export interface ProbeOutcome {
  sentAt: number;
  status: number;
  ms: number;
  contentType: string;
  problemType: string | null;
}

/** No request may take longer than this: a hang is recorded as status 0. */
const REQUEST_TIMEOUT_MS = 15_000;

/** The answer, or a rejection once REQUEST_TIMEOUT_MS has passed (the request is then counted as hanging). */
async function withTimeout<T>(promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`no answer within ${REQUEST_TIMEOUT_MS} ms`)),
          REQUEST_TIMEOUT_MS,
        );
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Reactivation requests over HTTP, as the console sends them: a coordinator's session (CSRF cookie echoed) per
 * organisation, with a fresh Idempotency-Key each; the API processes take turns.
 */
export class ReactivationLoad {
  private readonly clients = new Map<string, HttpClient[]>();
  private turn = 0;

  constructor(private readonly baseUrls: readonly string[]) {}

  /** Signs in each organisation's coordinator once (sessions live in PostgreSQL: every api process knows them). */
  async signIn(coordinators: ReadonlyArray<{ organisationId: string; email: string }>): Promise<void> {
    for (const coordinator of coordinators) {
      const first = new HttpClient(this.baseUrls[0]);
      const response = await first.login(coordinator.email, COORDINATOR_PASSWORD);
      if (response.status !== 200)
        throw new Error(
          `Sign-in of ${coordinator.email} failed: ${response.status} ${JSON.stringify(response.body)}`,
        );
      this.clients.set(
        coordinator.organisationId,
        this.baseUrls.map((url) => {
          const client = new HttpClient(url);
          for (const [name, value] of first.cookies) client.cookies.set(name, value);
          return client;
        }),
      );
    }
  }

  private client(organisationId?: string): HttpClient {
    const list = organisationId ? this.clients.get(organisationId) : [...this.clients.values()][0];
    if (!list) throw new Error(`No session for organisation ${organisationId}`);
    return list[this.turn++ % list.length];
  }

  async request(watch: ReactivationWatch, reason: string): Promise<RequestOutcome> {
    const t0 = performance.now();
    try {
      const response = await withTimeout(
        this.client(watch.organisationId).request<ReactivationCreated>(
          'POST',
          '/api/reactivations',
          { watchId: watch.watchId, urgency: 'urgent', reason },
          { [IDEMPOTENCY_KEY_HEADER]: randomUUID() },
          true,
        ),
      );
      return {
        watchId: watch.watchId,
        status: response.status,
        ms: performance.now() - t0,
        requestId: response.status === 201 ? (response.body.request?.id ?? null) : null,
        contentType: response.headers.get('content-type') ?? '',
      };
    } catch (error) {
      return {
        watchId: watch.watchId,
        status: 0,
        ms: performance.now() - t0,
        requestId: null,
        contentType: '',
        error: (error as Error).message,
      };
    }
  }

  /** One request per watch, spread evenly over `overMs` (open loop: each is sent on time, answered or not). */
  async spread(
    watches: readonly ReactivationWatch[],
    overMs: number,
    reason: string,
  ): Promise<RequestOutcome[]> {
    const t0 = Date.now();
    const pending: Array<Promise<RequestOutcome>> = [];
    for (let i = 0; i < watches.length; i++) {
      const wait = t0 + (i * overMs) / Math.max(1, watches.length) - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      pending.push(this.request(watches[i], reason));
    }
    return Promise.all(pending);
  }

  /** A signed-in GET as a coordinator, on the api processes in turn: its status (0: no answer) and time. */
  async read(path: string): Promise<{ status: number; ms: number }> {
    const t0 = performance.now();
    try {
      const response = await withTimeout(this.client().request('GET', path));
      return { status: response.status, ms: performance.now() - t0 };
    } catch {
      return { status: 0, ms: performance.now() - t0 };
    }
  }

  /** A signed-in read (the session guard and the list both need PostgreSQL). */
  async probe(): Promise<ProbeOutcome> {
    const sentAt = Date.now();
    const t0 = performance.now();
    try {
      const response = await withTimeout(
        this.client().request<{ type?: string }>('GET', '/api/reactivations?pageSize=1'),
      );
      const body = response.body as { type?: unknown };
      return {
        sentAt,
        status: response.status,
        ms: performance.now() - t0,
        contentType: response.headers.get('content-type') ?? '',
        problemType: typeof body === 'object' && body && typeof body.type === 'string' ? body.type : null,
      };
    } catch {
      return { sentAt, status: 0, ms: performance.now() - t0, contentType: '', problemType: null };
    }
  }
}
