/**
 * The authorisation matrix: every operation of the OpenAPI document × every persona, against the real app.
 * The expected statuses are data, in authorisation-matrix.table.ts; the requests in authorisation-matrix.requests.ts.
 * A mismatch prints every differing cell at once, and the observed rows in the table's own syntax.
 */
import { randomUUID } from 'node:crypto';
import { PROBLEM_TYPES } from '@waakvlam/contracts';
import {
  type AuthorisationFixtures,
  AuthorisationFactory,
  OUTSIDERS,
  PERSONAS,
  type Persona,
  createAuthorisationFixtures,
} from '../support/authorisation-fixtures';
import { createUser } from '../support/factories';
import type { HttpClient, TestResponse } from '../support/http-client';
import { startTestApp, type TestApp } from '../support/test-app';
import { REQUESTS, type Cell } from './authorisation-matrix.requests';
import { AUTHORISATION_MATRIX, expectedStatus, formatRow } from './authorisation-matrix.table';

const UUID_SOURCE = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const hasId = (path: string): boolean => new RegExp(UUID_SOURCE, 'i').test(path);
const withRandomIds = (path: string): string =>
  path.replace(new RegExp(UUID_SOURCE, 'gi'), () => randomUUID());
/** The fields of a signal that its partner may see (PartnerSignalDto), and of each feedback (PartnerSignalFeedbackDto). */
const PARTNER_SIGNAL_FIELDS = [
  'id',
  'category',
  'observedOn',
  'description',
  'clientReference',
  'address',
  'status',
  'receivedAt',
  'updatedAt',
  'feedback',
];
const PARTNER_FEEDBACK_FIELDS = ['status', 'text', 'createdAt'];
const CONCURRENCY = 4;

interface Observed {
  operation: string;
  persona: Persona;
  method: string;
  path: string;
  status: number;
  type: string | undefined;
  body: unknown;
  /** The same request with random ids in place of every id (outsiders only). */
  randomId?: { status: number; type: string | undefined };
}

type Operation = { method: string; path: string };

const problemType = (response: TestResponse): string | undefined =>
  typeof response.body === 'object' && response.body !== null
    ? ((response.body as { type?: string }).type ?? undefined)
    : undefined;

const is2xx = (status: number): boolean => status >= 200 && status < 300;

async function send(client: HttpClient, method: string, path: string, body: unknown): Promise<TestResponse> {
  const mutating = method !== 'GET' && method !== 'HEAD';
  // Routes marked @Idempotent want a key; every request gets its own, so no answer is replayed.
  const headers: Record<string, string> = mutating ? { 'idempotency-key': randomUUID() } : {};
  return client.request(method, path, body === undefined && method === 'POST' ? {} : body, headers, mutating);
}

/** Runs `work` over `items`, `limit` at a time. */
async function pool<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: limit }, async () => {
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) await work(item);
    }),
  );
}

describe('authorisation matrix: every operation × persona × organisation', () => {
  let t: TestApp;
  let f: AuthorisationFixtures;
  let documented: Operation[];
  const observed: Observed[] = [];

  beforeAll(async () => {
    t = await startTestApp({ SELF_CHECK_IN_LIMIT_PER_MINUTE: '10000' });
    f = await createAuthorisationFixtures(t.dataSource);
    const doc = await t.client().get<{ paths: Record<string, Record<string, unknown>> }>('/api/openapi.json');
    documented = Object.entries(doc.body.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => ({ method: method.toUpperCase(), path })),
    );

    const anonymous = async (): Promise<HttpClient> => {
      const client = t.client();
      await client.get('/api/auth/csrf');
      return client;
    };
    const clients = new Map<Persona, HttpClient>();
    for (const persona of PERSONAS) {
      clients.set(persona, persona === 'anonymous' ? await anonymous() : await t.signIn(f.users[persona]));
    }
    const make = new AuthorisationFactory(
      t.dataSource,
      f.organisationId,
      f.users.coordinator.id,
      f.users.caseworker.id,
    );
    const twinOf = async (persona: Persona): Promise<HttpClient> => {
      if (persona === 'anonymous') return anonymous();
      const original = f.users[persona];
      const partnerOrganisationId =
        persona === 'partner' ? f.partnerId : persona === 'otherPartner' ? f.otherPartnerId : undefined;
      return t.signIn(
        await createUser(t.dataSource, original.organisationId, {
          role: original.role,
          partnerOrganisationId,
        }),
      );
    };

    const cells = documented
      .map((op) => `${op.method} ${op.path}`)
      .filter((operation) => REQUESTS[operation] !== undefined)
      .flatMap((operation) => PERSONAS.map((persona) => ({ operation, persona })));
    await pool(cells, CONCURRENCY, async ({ operation, persona }) => {
      const method = operation.split(' ')[0];
      const cell: Cell = {
        persona,
        f,
        make,
        client: clients.get(persona) as HttpClient,
        twin: () => twinOf(persona),
        anonymous,
      };
      const request = await REQUESTS[operation](cell);
      const client = request.client ?? cell.client;
      const response = await send(client, method, request.path, request.body);
      const result: Observed = {
        operation,
        persona,
        method,
        path: request.path,
        status: response.status,
        type: problemType(response),
        body: response.body,
      };
      if (OUTSIDERS.includes(persona) && hasId(request.path)) {
        const random = await send(client, method, withRandomIds(request.path), request.body);
        result.randomId = { status: random.status, type: problemType(random) };
      }
      observed.push(result);
    });
  }, 120_000);

  afterAll(() => t?.close());

  it('has one table row and one request for each operation of the OpenAPI document, and no other', () => {
    const inDocument = new Set(documented.map((op) => `${op.method} ${op.path}`));
    const problems = [
      ...[...inDocument]
        .filter((op) => !(op in AUTHORISATION_MATRIX))
        .map((op) => `${op}: in the OpenAPI document, not in authorisation-matrix.table.ts`),
      ...[...inDocument]
        .filter((op) => !(op in REQUESTS))
        .map((op) => `${op}: in the OpenAPI document, no request in authorisation-matrix.requests.ts`),
      ...Object.keys(AUTHORISATION_MATRIX)
        .filter((op) => !inDocument.has(op))
        .map((op) => `${op}: in authorisation-matrix.table.ts, not in the OpenAPI document`),
      ...Object.keys(REQUESTS)
        .filter((op) => !inDocument.has(op))
        .map((op) => `${op}: in authorisation-matrix.requests.ts, not in the OpenAPI document`),
    ];
    expect(problems).toEqual([]);
  });

  it('answers every cell as the table says', () => {
    const rows = new Map<string, Map<Persona, number>>();
    const mismatches: string[] = [];
    for (const cell of sorted(observed)) {
      const row = rows.get(cell.operation) ?? new Map<Persona, number>();
      row.set(cell.persona, cell.status);
      rows.set(cell.operation, row);
      const expected = expectedStatus(cell.operation, cell.persona);
      if (expected !== cell.status) {
        mismatches.push(
          `${cell.operation.padEnd(62)} ${cell.persona.padEnd(15)} expected ${expected ?? '(no row)'}, ` +
            `got ${cell.status}` +
            (cell.type ? ` (${cell.type.split('/').pop()})` : ''),
        );
      }
    }
    if (mismatches.length > 0) {
      const observedRows = [...rows]
        .filter(([operation]) => mismatches.some((m) => m.startsWith(`${operation} `)))
        .map(([operation, row]) =>
          formatRow(
            operation,
            PERSONAS.map((p) => row.get(p) ?? 0),
          ),
        );
      throw new Error(
        `${mismatches.length} cell(s) differ from authorisation-matrix.table.ts:\n${mismatches.join('\n')}\n\n` +
          `Observed rows (table syntax):\n${observedRows.join('\n')}`,
      );
    }
  });

  it('never lets a persona succeed where the table denies it', () => {
    const unauthorised = sorted(observed)
      .filter((cell) => is2xx(cell.status))
      .filter((cell) => {
        const expected = expectedStatus(cell.operation, cell.persona);
        return expected !== undefined && !is2xx(expected);
      })
      .map(
        (cell) =>
          `UNAUTHORISED SUCCESS: ${cell.persona} got ${cell.status} for ${cell.method} ${cell.path} ` +
          `(table: ${expectedStatus(cell.operation, cell.persona)})`,
      );
    expect(unauthorised).toEqual([]);
  });

  it("answers an outsider on organisation A's resources exactly as for a random id (no existence leak)", () => {
    const leaks = sorted(observed)
      .filter((cell) => cell.randomId !== undefined)
      .filter((cell) => cell.randomId?.status !== cell.status || cell.randomId?.type !== cell.type)
      .map(
        (cell) =>
          `${cell.persona} on ${cell.method} ${cell.path}: ${cell.status} ${cell.type ?? ''}, but a random id: ` +
          `${cell.randomId?.status} ${cell.randomId?.type ?? ''}`,
      );
    expect(leaks).toEqual([]);
    // Not-found is a 404 not-found problem, never a 403 that tells the resource exists.
    const forbiddenById = sorted(observed).filter(
      (cell) => cell.randomId !== undefined && cell.status === 404 && cell.type !== PROBLEM_TYPES.notFound,
    );
    expect(forbiddenById.map((c) => `${c.persona} ${c.operation}: ${c.type}`)).toEqual([]);
  });

  it("never shows an outsider organisation A's target resources in a successful answer", () => {
    const shown = sorted(observed)
      .filter((cell) => OUTSIDERS.includes(cell.persona) && is2xx(cell.status))
      .flatMap((cell) => {
        const text = typeof cell.body === 'string' ? cell.body : JSON.stringify(cell.body ?? '');
        const targets =
          cell.persona === 'otherPartner'
            ? [f.signalId]
            : cell.persona === 'otherCaseworker'
              ? [f.clientId, f.watchId, f.checkInId, ...Object.values(f.reactivations)]
              : cell.operation.startsWith('GET /api/audit-events')
                ? // B's own log records B's refused attempts on A's ids (which B sent itself); A's rows name A's staff.
                  [f.users.admin.id, f.users.coordinator.id]
                : f.targetIds;
        return targets
          .filter((id) => text.includes(id))
          .map((id) => `${cell.persona} ${cell.operation} shows ${nameOf(f, id)} ${id}`);
      });
    expect(shown).toEqual([]);
  });

  it("counts a watch's backup and a request's assignee to a caseworker's own caseload", async () => {
    const make = new AuthorisationFactory(
      t.dataSource,
      f.organisationId,
      f.users.coordinator.id,
      f.users.otherCaseworker.id,
    );
    // The other caseworker is primary of a new watch; the caseworker only its backup.
    const watch = await make.watch();
    await t.dataSource.query(`UPDATE watches SET backup_caseworker_id = $2 WHERE id = $1`, [
      watch.watchId,
      f.users.caseworker.id,
    ]);
    // An accepted request on another watch of the other caseworker, given to the caseworker.
    const requestId = await make.reactivation('accepted');
    await t.dataSource.query(`UPDATE reactivation_requests SET assignee_id = $2 WHERE id = $1`, [
      requestId,
      f.users.caseworker.id,
    ]);
    const [{ watch_id: requestWatchId }]: Array<{ watch_id: string }> = await t.dataSource.query(
      `SELECT watch_id FROM reactivation_requests WHERE id = $1`,
      [requestId],
    );
    const caseworker = await t.signIn(f.users.caseworker);
    const stranger = await t.signIn(await createUser(t.dataSource, f.organisationId, { role: 'caseworker' }));
    const reads = [
      `/api/watches/${watch.watchId}`,
      // The watch of the request she accepted: she restarts its support.
      `/api/watches/${requestWatchId}`,
      `/api/clients/${watch.clientId}`,
      `/api/check-ins?watchId=${watch.watchId}`,
      `/api/reactivations/${requestId}`,
    ];
    for (const path of reads) {
      expect([path, (await caseworker.get(path)).status]).toEqual([path, 200]);
      expect([path, (await stranger.get(path)).status]).toEqual([path, 404]);
    }
    const contacted = await send(caseworker, 'POST', `/api/reactivations/${requestId}/contacted`, undefined);
    expect(contacted.status).toBe(200);
  });

  it("shows a partner only its own signals' partner-facing fields", () => {
    const partnerReads = observed.filter(
      (cell) =>
        (cell.persona === 'partner' || cell.persona === 'otherPartner') &&
        (cell.operation === 'GET /api/signals/{id}' || cell.operation === 'GET /api/signals') &&
        is2xx(cell.status),
    );
    const own = partnerReads.find((c) => c.persona === 'partner' && c.operation === 'GET /api/signals/{id}');
    expect(own?.status).toBe(200);
    const signals = partnerReads.flatMap((cell) =>
      cell.operation === 'GET /api/signals'
        ? (cell.body as { items: Array<Record<string, unknown>> }).items
        : [cell.body as Record<string, unknown>],
    );
    expect(signals.length).toBeGreaterThan(1);
    for (const signal of signals) {
      expect(Object.keys(signal).filter((key) => !PARTNER_SIGNAL_FIELDS.includes(key))).toEqual([]);
      for (const feedback of signal['feedback'] as Array<Record<string, unknown>>) {
        expect(Object.keys(feedback).filter((key) => !PARTNER_FEEDBACK_FIELDS.includes(key))).toEqual([]);
      }
    }
    const otherList = partnerReads.find(
      (c) => c.persona === 'otherPartner' && c.operation === 'GET /api/signals',
    );
    const otherIds = (otherList?.body as { items: Array<{ id: string }> }).items.map((s) => s.id);
    expect(otherIds).toContain(f.otherSignalId);
    expect(otherIds).not.toContain(f.signalId);
  });
});

/** Which fixture an id is (for a readable failure). */
function nameOf(f: AuthorisationFixtures, id: string): string {
  const named = Object.entries({ ...f, ...f.reactivations }).find(([, value]) => value === id);
  return named ? named[0] : 'a target';
}

function sorted(cells: Observed[]): Observed[] {
  const order = Object.keys(AUTHORISATION_MATRIX);
  return [...cells].sort(
    (a, b) =>
      order.indexOf(a.operation) - order.indexOf(b.operation) ||
      a.operation.localeCompare(b.operation) ||
      PERSONAS.indexOf(a.persona) - PERSONAS.indexOf(b.persona),
  );
}
