/**
 * Property-based input fuzzing of every OpenAPI operation (fast-check), against the real app.
 *
 * For each operation the spec starts from the valid request of the authorisation matrix (authorisation-matrix.requests.ts)
 * and sends arbitrary and schema-near-miss variants of it as a persona the route lets in (admin, else coordinator;
 * also the partner for partner routes): a whole arbitrary body, one field set to a wrong type, a huge or odd
 * string, null, a negative or huge number, an invalid UUID or date; mass-assignment fields (organisationId, role,
 * id, createdAt, partnerOrganisationId); a broken path parameter; a broken or repeated query parameter.
 *
 * Properties: never a 5xx; on a 4xx no row of organisation A changed (a fingerprint of every tenant table, taken
 * through the owner connection, before and after); never a changed row of any other organisation (so a body's
 * organisationId moves nothing across), and never a changed role.
 *
 * Runs: 25 per operation (3 for a route that takes no input). FUZZ_RUNS=<n> runs more (or fewer); FUZZ_SEED=<seed>
 * replays a failure (fast-check names the seed and the counterexample in the failure message).
 */
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { Client } from 'pg';
import {
  type AuthorisationFixtures,
  AuthorisationFactory,
  type Persona,
  createAuthorisationFixtures,
} from '../support/authorisation-fixtures';
import { createUser } from '../support/factories';
import type { HttpClient } from '../support/http-client';
import { startTestApp, type TestApp } from '../support/test-app';
import { currentTestRun } from '../support/test-run';
import { REQUESTS, type Cell, type CellRequest } from './authorisation-matrix.requests';
import { AUTHORISATION_MATRIX, expectedStatus } from './authorisation-matrix.table';

const RUNS = Number(process.env['FUZZ_RUNS'] ?? 25);
const SEED = Number(process.env['FUZZ_SEED'] ?? Date.now() % 2_147_483_647);

/** Tables that change on any request by design: the audit log (refusals are audited), sessions, idempotency keys. */
const UNFINGERPRINTED = new Set([
  'audit_events',
  'audit_chains',
  'sessions',
  'idempotency_keys',
  'pending_sign_ins',
]);

interface Parameter {
  name: string;
  in: string;
}
interface DocOperation {
  parameters?: Parameter[];
  requestBody?: unknown;
}
type Doc = { paths: Record<string, Record<string, DocOperation>> };

type Mutation =
  | { kind: 'body'; body: unknown }
  | { kind: 'field'; pick: number; value: unknown }
  | { kind: 'extra'; extra: Record<string, unknown> }
  | { kind: 'path'; pick: number; value: string }
  | { kind: 'query'; pick: number; values: string[] };

/** Values that are almost, or not at all, what a field wants. */
const nasty = (otherOrganisationId: string): fc.Arbitrary<unknown> =>
  fc.oneof(
    fc.constantFrom(
      null,
      '',
      true,
      false,
      0,
      -1,
      1.5,
      -0,
      1e308,
      -1e308,
      2 ** 53 + 2,
      2 ** 31,
      -(2 ** 31) - 1,
    ),
    fc.integer(),
    fc.double({ noNaN: true }),
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.string({ unit: 'grapheme', maxLength: 40 }),
    fc.constantFrom(
      'x'.repeat(20_000),
      '\u{1F4A5}'.repeat(2_000),
      '\u0000',
      '%00',
      "' OR 1=1 --",
      '"; DROP TABLE clients; --',
      '<script>alert(1)</script>',
      '../../etc/passwd',
      'not-a-uuid',
      '00000000-0000-0000-0000-000000000000',
      'ffffffff-ffff-ffff-ffff-ffffffffffff',
      otherOrganisationId,
      '2024-02-30',
      '0000-00-00',
      '9999-12-31',
      '2024-13-01T25:61:00Z',
      '-271821-04-20',
      'NaN',
      'Infinity',
      '1e400',
      '__proto__',
    ),
    fc.uuid(),
    fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
    fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 4 }),
    fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 4 }),
  );

const asText = (value: unknown): string =>
  typeof value === 'string' ? value : (JSON.stringify(value) ?? 'null');

/** Every [key path] of a JSON body, up to two levels down. */
function fieldPaths(body: unknown): string[][] {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return [];
  return Object.entries(body).flatMap(([key, value]) => [
    [key],
    ...(typeof value === 'object' && value !== null && !Array.isArray(value)
      ? Object.keys(value).map((inner) => [key, inner])
      : []),
  ]);
}

function withField(body: unknown, path: string[], value: unknown): unknown {
  const copy = structuredClone(body) as Record<string, unknown>;
  let at = copy;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string, unknown>;
  at[path[path.length - 1]] = value;
  return copy;
}

/** The documented path, with the valid request's values in place, and one parameter replaced. */
function withPathParameter(documented: string, valid: string, pick: number, value: string): string {
  const validSegments = valid.split('?')[0].split('/');
  const params = documented
    .split('/')
    .map((segment, i) => (segment.startsWith('{') ? i : -1))
    .filter((i) => i >= 0);
  if (params.length === 0) return valid;
  const segments = [...validSegments];
  segments[params[pick % params.length]] = encodeURIComponent(value);
  return segments.join('/') + (valid.includes('?') ? `?${valid.split('?')[1]}` : '');
}

function withQuery(valid: string, name: string, values: string[]): string {
  const [path, search] = valid.split('?');
  const query = new URLSearchParams(search ?? '');
  query.delete(name);
  for (const value of values) query.append(name, value);
  return `${path}?${query.toString()}`;
}

describe('input fuzzing: never a 5xx, never a change on a 4xx', () => {
  let t: TestApp;
  let f: AuthorisationFixtures;
  let make: AuthorisationFactory;
  let doc: Doc;
  let owner: Client;
  let fingerprintSql: string;
  const clients = new Map<Persona, HttpClient>();

  /** md5 of every row of each tenant table, for organisation A ("own") and for all others together. */
  async function fingerprint(): Promise<Map<string, string>> {
    const { rows } = await owner.query<{ t: string; own: boolean; h: string }>(fingerprintSql, [
      f.organisationId,
    ]);
    return new Map(rows.map((r) => [`${r.own ? 'A' : 'others'}.${r.t}`, r.h]));
  }

  async function rolesOf(): Promise<Record<string, string>> {
    const { rows } = await owner.query<{ id: string; role: string }>(`SELECT id, role FROM users`);
    return Object.fromEntries(rows.map((r) => [r.id, r.role]));
  }

  const changed = (before: Map<string, string>, after: Map<string, string>, side: string): string[] =>
    [...new Set([...before.keys(), ...after.keys()])]
      .filter((key) => key.startsWith(`${side}.`) && before.get(key) !== after.get(key))
      .sort();

  beforeAll(async () => {
    t = await startTestApp({ SELF_CHECK_IN_LIMIT_PER_MINUTE: '10000' });
    f = await createAuthorisationFixtures(t.dataSource);
    make = new AuthorisationFactory(
      t.dataSource,
      f.organisationId,
      f.users.coordinator.id,
      f.users.caseworker.id,
    );
    doc = (await t.client().get<Doc>('/api/openapi.json')).body;
    for (const persona of ['admin', 'coordinator', 'partner'] as const) {
      clients.set(persona, await t.signIn(f.users[persona]));
    }
    owner = new Client({ connectionString: currentTestRun().ownerDatabaseUrl });
    await owner.connect();
    const { rows } = await owner.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.columns
       WHERE table_schema = 'public' AND column_name = 'organisation_id' ORDER BY table_name`,
    );
    const tables = rows.map((r) => r.table_name).filter((name) => !UNFINGERPRINTED.has(name));
    fingerprintSql = [
      ...tables.map(
        (name) =>
          `SELECT '${name}' AS t, organisation_id = $1 AS own,
             md5(string_agg(x::text, '|' ORDER BY x::text)) AS h FROM ${name} x GROUP BY 2`,
      ),
      `SELECT 'organisations' AS t, id = $1 AS own, md5(string_agg(x::text, '|' ORDER BY x::text)) AS h
       FROM organisations x GROUP BY 2`,
    ].join(' UNION ALL ');
  }, 60_000);

  afterAll(async () => {
    await owner?.end();
    await t?.close();
  });

  it('knows every operation of the OpenAPI document (a valid request for each)', () => {
    const inDocument = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(inDocument.filter((op) => !(op in REQUESTS) || !(op in AUTHORISATION_MATRIX))).toEqual([]);
  });

  for (const operation of Object.keys(AUTHORISATION_MATRIX)) {
    it(`${operation}: no 5xx, no change on a 4xx`, async () => {
      const [method, path] = operation.split(' ');
      const documented = doc.paths[path]?.[method.toLowerCase()];
      if (!documented) throw new Error(`${operation} is not in the OpenAPI document`);
      const pathParameters = (documented.parameters ?? []).filter((p) => p.in === 'path');
      const hasInput = documented.requestBody !== undefined || (documented.parameters ?? []).length > 0;
      const queryParameters = (documented.parameters ?? []).filter((p) => p.in === 'query');

      // Who may use the route (by the matrix): the partner for partner routes; admin, else coordinator.
      const allowed = (persona: Persona): boolean => {
        const status = expectedStatus(operation, persona) ?? 0;
        return status >= 200 && status < 300;
      };
      const personas: Persona[] = [
        ...(allowed('partner') ? (['partner'] as const) : []),
        ...(allowed('admin') || !allowed('partner') ? (['admin'] as const) : []),
        ...(!allowed('admin') && allowed('coordinator') ? (['coordinator'] as const) : []),
      ];

      const rolesBefore = await rolesOf();
      for (const persona of personas) {
        const cell: Cell = {
          persona,
          f,
          make,
          client: clients.get(persona) as HttpClient,
          twin: async () =>
            t.signIn(
              await createUser(t.dataSource, f.organisationId, {
                role: f.users[persona as 'admin'].role,
                partnerOrganisationId: persona === 'partner' ? f.partnerId : undefined,
              }),
            ),
          anonymous: async () => {
            const client = t.client();
            await client.get('/api/auth/csrf');
            return client;
          },
        };
        // One valid request (its fresh fixtures are made now, before any fingerprint).
        const valid: CellRequest = await REQUESTS[operation](cell);
        const client = valid.client ?? cell.client;
        const fields = fieldPaths(valid.body);
        const value = nasty(f.organisationBId);

        const mutations: Array<fc.Arbitrary<Mutation>> = [
          // A GET sends no body: there the arbitrary body is left out, and mass-assignment goes into the query.
          ...(method === 'GET'
            ? []
            : [fc.record({ kind: fc.constant('body' as const), body: fc.jsonValue({ maxDepth: 3 }) })]),
          fc.record({
            kind: fc.constant('extra' as const),
            extra: fc.record(
              {
                organisationId: fc.constantFrom(f.organisationBId, randomUUID()),
                role: fc.constantFrom('admin', 'coordinator', 'partner', 'root'),
                id: fc.uuid(),
                createdAt: fc.constantFrom('2000-01-01T00:00:00.000Z', 'gisteren'),
                partnerOrganisationId: fc.constantFrom(f.otherPartnerId, f.partnerId, randomUUID()),
              },
              { requiredKeys: [] },
            ),
          }),
        ];
        if (fields.length > 0) {
          mutations.push(fc.record({ kind: fc.constant('field' as const), pick: fc.nat(), value }));
        }
        if (pathParameters.length > 0) {
          mutations.push(
            fc.record({ kind: fc.constant('path' as const), pick: fc.nat(), value: value.map(asText) }),
          );
        }
        if (queryParameters.length > 0) {
          mutations.push(
            fc.record({
              kind: fc.constant('query' as const),
              pick: fc.nat(),
              values: fc.array(value.map(asText), { minLength: 1, maxLength: 3 }),
            }),
          );
        }

        // Nothing else writes while the property runs: each request's "after" is the next one's "before".
        let last = await fingerprint();
        await fc.assert(
          fc.asyncProperty(fc.oneof(...mutations), async (mutation) => {
            let requestPath = valid.path;
            let body = valid.body;
            if (mutation.kind === 'body') body = mutation.body;
            if (mutation.kind === 'field')
              body = withField(valid.body, fields[mutation.pick % fields.length], mutation.value);
            if (mutation.kind === 'extra' && method === 'GET') {
              for (const [name, extra] of Object.entries(mutation.extra)) {
                requestPath = withQuery(requestPath, name, [extra as string]);
              }
            } else if (mutation.kind === 'extra') {
              body =
                typeof valid.body === 'object' && valid.body !== null
                  ? { ...valid.body, ...mutation.extra }
                  : mutation.extra;
            }
            if (mutation.kind === 'path')
              requestPath = withPathParameter(path, valid.path, mutation.pick, mutation.value);
            if (mutation.kind === 'query') {
              const name = queryParameters[mutation.pick % queryParameters.length].name;
              requestPath = withQuery(valid.path, name, mutation.values);
            }

            const before = last;
            const mutating = method !== 'GET';
            const response = await client.request(
              method,
              requestPath,
              mutating ? (body ?? {}) : undefined,
              mutating ? { 'idempotency-key': randomUUID() } : {},
              mutating,
            );
            const after = await fingerprint();
            last = after;
            const sent = `${method} ${requestPath} as ${persona}, body ${JSON.stringify(body)?.slice(0, 300)}`;
            const answer = `${response.status} ${JSON.stringify(response.body)?.slice(0, 300)}`;

            if (response.status >= 500) throw new Error(`5xx: ${sent}\n  answered ${answer}`);
            if (response.status >= 400) {
              const rows = changed(before, after, 'A');
              if (rows.length > 0)
                throw new Error(`A 4xx changed ${rows.join(', ')}: ${sent}\n  answered ${answer}`);
            }
            // Organisation A's staff and partners never change another organisation's rows (a public link may).
            if (!path.startsWith('/api/public/')) {
              const elsewhere = changed(before, after, 'others');
              if (elsewhere.length > 0) {
                throw new Error(
                  `Another organisation's ${elsewhere.join(', ')} changed: ${sent}\n  answered ${answer}`,
                );
              }
            }
          }),
          // A route that takes no input only gets a few stray bodies.
          { numRuns: hasInput ? RUNS : Math.min(RUNS, 3), seed: SEED },
        );
      }
      // No mass-assigned role took effect: every account keeps its role (no route changes roles).
      expect(await rolesOf()).toEqual(expect.objectContaining(rolesBefore));
    });
  }
});
