import {
  CHECK_IN_OVERVIEW_PATH,
  DASHBOARD_NEIGHBOURHOODS_PATH,
  DASHBOARD_PATH,
  REACTIVATIONS_PATH,
  SIGNALS_PATH,
} from '@waakvlam/contracts';
import type { HttpClient } from '../../test/support/http-client';
import { type LatencySummary, summarise } from '../reactivation/latency-summary';
import type { SeedIds } from './api-seed';

/** Who asks: the coordinator (dashboard and the organisation's lists) or the caseworker (her own lists). */
export type Asker = 'coordinator' | 'caseworker';

export interface Endpoint {
  name: string;
  asker: Asker;
  path: string;
  /** Held to the bar (the dashboard); the lists are reported against the same bar. */
  dashboard: boolean;
}

/** Every request the bench measures: the dashboard in three filters, its wijk view, and the first page of each list. */
export function endpoints(ids: SeedIds, neighbourhood: string): Endpoint[] {
  const coordinator = (name: string, path: string, dashboard = false): Endpoint => ({
    name,
    asker: 'coordinator',
    path,
    dashboard,
  });
  const caseworker = (name: string, path: string): Endpoint => ({
    name,
    asker: 'caseworker',
    path,
    dashboard: false,
  });
  return [
    coordinator('dashboard (last 12 weeks)', DASHBOARD_PATH, true),
    coordinator('dashboard ?caseworkerId', `${DASHBOARD_PATH}?caseworkerId=${ids.caseworkerId}`, true),
    coordinator(
      'dashboard ?neighbourhood',
      `${DASHBOARD_PATH}?neighbourhood=${encodeURIComponent(neighbourhood)}`,
      true,
    ),
    coordinator('dashboard/neighbourhoods', DASHBOARD_NEIGHBOURHOODS_PATH, true),
    caseworker('check-ins ?view=today', '/api/check-ins?view=today'),
    caseworker('check-ins ?view=overdue', '/api/check-ins?view=overdue'),
    caseworker('check-ins ?view=week', '/api/check-ins?view=week'),
    caseworker('watches ?mine=true', '/api/watches?mine=true'),
    caseworker('reactivations ?mine=true', `${REACTIVATIONS_PATH}?mine=true`),
    coordinator('watches (first page)', '/api/watches'),
    coordinator('check-ins/overview (first page)', CHECK_IN_OVERVIEW_PATH),
    coordinator('reactivations (first page)', REACTIVATIONS_PATH),
    coordinator('signals (first page)', SIGNALS_PATH),
  ];
}

export interface EndpointResult {
  name: string;
  path: string;
  asker: Asker;
  /** Items in the answer: the list's length or page (`items`), absent for the dashboard. */
  items: number | null;
  bytes: number;
  sequential: LatencySummary;
  concurrent: LatencySummary | null;
}

/** One timed GET; throws unless it answers 200 (a bench of errors measures nothing). */
async function timedGet(client: HttpClient, endpoint: Endpoint): Promise<{ ms: number; body: unknown }> {
  const started = performance.now();
  const response = await client.get(endpoint.path);
  const ms = performance.now() - started;
  if (response.status !== 200)
    throw new Error(
      `${endpoint.name}: GET ${endpoint.path} answered ${response.status} ${JSON.stringify(response.body)}`,
    );
  return { ms, body: response.body };
}

function itemsOf(body: unknown): number | null {
  if (Array.isArray(body)) return body.length;
  const items = (body as { items?: unknown } | null)?.items;
  return Array.isArray(items) ? items.length : null;
}

/**
 * `warmUp` unmeasured requests, `iterations` sequential ones, then `rounds` rounds of `concurrency` at once (each
 * on its own signed-in client: the console's tabs of several users of the organisation).
 */
export async function measureEndpoint(
  endpoint: Endpoint,
  clients: readonly HttpClient[],
  o: { warmUp: number; iterations: number; concurrency: number; concurrentRounds: number },
): Promise<EndpointResult> {
  let last: unknown = null;
  for (let i = 0; i < o.warmUp; i += 1) last = (await timedGet(clients[0], endpoint)).body;
  const sequential: number[] = [];
  for (let i = 0; i < o.iterations; i += 1) {
    const { ms, body } = await timedGet(clients[0], endpoint);
    sequential.push(ms);
    last = body;
  }
  const concurrent: number[] = [];
  for (let round = 0; round < o.concurrentRounds; round += 1) {
    const answers = await Promise.all(
      Array.from({ length: o.concurrency }, (_, i) => timedGet(clients[i % clients.length], endpoint)),
    );
    concurrent.push(...answers.map((a) => a.ms));
  }
  return {
    name: endpoint.name,
    path: endpoint.path,
    asker: endpoint.asker,
    items: itemsOf(last),
    bytes: JSON.stringify(last).length,
    sequential: summarise(sequential),
    concurrent: concurrent.length > 0 ? summarise(concurrent) : null,
  };
}
