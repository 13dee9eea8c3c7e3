import {
  CHECK_IN_OVERVIEW_PATH,
  DASHBOARD_NEIGHBOURHOODS_PATH,
  DASHBOARD_PATH,
  REACTIVATIONS_PATH,
  SIGNALS_PATH,
  type ReactivationSource,
  type SignalCategory,
} from '@waakvlam/contracts';
import { WorkingCalendar } from '@waakvlam/schedule';
import { Client } from 'pg';
import { addDays } from '../../api/src/modules/check-ins/check-in-views.util';
import {
  createDoneCheckIn,
  createMissedCheckIn,
  createPartnerSignal,
  createWatchEvent,
} from '../support/dashboard-factories';
import {
  type TestUser,
  createCheckIn,
  createClient,
  createOrganisation,
  createPartnerUser,
  createUser,
  createWatch,
} from '../support/factories';
import { createReactivationRequest } from '../support/reactivation-factories';
import type { HttpClient } from '../support/http-client';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * The SQL statements one request runs must not grow with the data: a per-row query (an N+1) makes the count grow
 * with the watches, caseworkers or page rows. Every statement is counted where it reaches PostgreSQL (the pg
 * driver's Client.query, under TypeORM and any direct use; the dashboard's statements run at once on several
 * connections, each counted) while the request is answered — counted, not mocked: the query still runs.
 */
const MAX_STATEMENTS = 10;

const calendar = new WorkingCalendar({ timeZone: 'Europe/Amsterdam' });
const TODAY = calendar.today(new Date());
const day = (offset: number): string => addDays(TODAY, offset);
/** 10:00 UTC on the day `offset` days from today: the same day in Amsterdam (UTC+1 or +2). */
const instant = (offset: number): Date => new Date(`${day(offset)}T10:00:00Z`);
const HOODS = ['Centrum', 'Noord', 'Oost', null];
const SOURCES: ReactivationSource[] = ['caseworker', 'client', 'lapse', 'partner_signal', 'coordinator'];
const CATEGORIES: SignalCategory[] = ['nuisance', 'rent_arrears', 'safety', 'neglect'];

interface Organisation {
  coordinator: TestUser;
  /** The caseworker who signs in: primary of half the watches. */
  caseworker: TestUser;
}

/**
 * An organisation with `caseworkers` caseworkers and `watches` watches over four wijken (one without), active,
 * paused, lapsed or reactivated; each watch with check-ins of the last weeks (on time, late, missed) and one
 * planned (overdue, today or this week); lapses; a reactivation request of every second watch (every source; open,
 * contacted or resolved); signals of two partners about every third client.
 */
async function createOrganisationWith(
  t: TestApp,
  counts: { caseworkers: number; watches: number },
): Promise<Organisation> {
  const db = t.dataSource;
  const { id: org } = await createOrganisation(db);
  const coordinator = await createUser(db, org, { role: 'coordinator' });
  const caseworkers = await Promise.all(
    Array.from({ length: counts.caseworkers }, () => createUser(db, org, { role: 'caseworker' })),
  );
  const partners = await Promise.all([createPartnerUser(db, org), createPartnerUser(db, org, 'police')]);
  const statuses = ['active', 'active', 'active', 'paused', 'lapsed', 'reactivated'] as const;
  for (let i = 0; i < counts.watches; i += 1) {
    const primary = i < counts.watches / 2 ? caseworkers[0] : caseworkers[i % counts.caseworkers];
    const backup = caseworkers.find((c) => c.id !== primary.id) ?? null;
    const client = await createClient(db, org, coordinator.id, { neighbourhood: HOODS[i % HOODS.length] });
    const status = statuses[i % statuses.length];
    const watch = await createWatch(db, org, client.id, primary.id, {
      status,
      backupCaseworkerId: backup?.id,
    });
    const cw = primary.id;
    await createDoneCheckIn(db, org, watch.id, cw, { dueDate: day(-20), completedAt: instant(-21) });
    await createDoneCheckIn(db, org, watch.id, cw, { dueDate: day(-34), completedAt: instant(-32) });
    await createMissedCheckIn(db, org, watch.id, cw, day(-48));
    await createCheckIn(db, org, watch.id, cw, { dueDate: day([-3, 0, 4][i % 3]) });
    if (status === 'lapsed' || status === 'reactivated')
      await createWatchEvent(db, org, watch.id, 'lapsed', instant(-10));
    if (i % 2 === 0)
      await createReactivationRequest(
        db,
        org,
        { id: watch.id, clientId: client.id, assigneeId: cw },
        {
          createdAt: instant(-(i % 50) - 1),
          sources: [SOURCES[i % SOURCES.length]],
          slaHours: 16,
          ...(i % 4 === 0 ? {} : { acceptedAfterHours: 1, contactedAfterHours: 20 }),
          ...(i % 8 === 2 ? { resolution: 'back_to_watch' as const } : {}),
        },
      );
    if (i % 3 === 0) {
      const { user, partner } = partners[i % 2];
      await createPartnerSignal(
        db,
        org,
        { id: partner.id, reporterId: user.id },
        {
          receivedAt: instant(-(i % 60) - 1),
          category: CATEGORIES[i % CATEGORIES.length],
          clientId: client.id,
          ...(i % 2 === 0 ? { feedbackAfterHours: 3 } : {}),
        },
      );
    }
  }
  return { coordinator, caseworker: caseworkers[0] };
}

/**
 * How much an answer shows, to be sure the large organisation's is larger: a list's rows (or page items), the
 * dashboard's caseworkers, the neighbourhood view's watches (summed over the wijken).
 */
function shown(body: unknown): number {
  if (Array.isArray(body)) return body.length;
  const { items, caseworkers } = body as { items?: unknown[]; caseworkers?: unknown[] };
  if (caseworkers) return caseworkers.length;
  if (!items) return 0;
  const perWijk = items as Array<{ watches?: Record<string, number> }>;
  return perWijk[0]?.watches
    ? perWijk.reduce((sum, i) => sum + Object.values(i.watches ?? {}).reduce((a, b) => a + b, 0), 0)
    : items.length;
}

const TENANT_FRAMING = /^(BEGIN; SELECT set_config\('waakvlam\.|COMMIT$)/;

describe('SQL statements per request (no N+1)', () => {
  let t: TestApp;
  // A spy that calls through: the statements run as ever, and are counted.
  let spy: jest.SpyInstance;
  const sessions: Record<'small' | 'large', { coordinator: HttpClient; caseworker: HttpClient }> =
    Object.create(null);

  beforeAll(async () => {
    t = await startTestApp();
    for (const [name, counts] of [
      ['small', { caseworkers: 2, watches: 5 }],
      ['large', { caseworkers: 12, watches: 60 }],
    ] as const) {
      const organisation = await createOrganisationWith(t, counts);
      sessions[name] = {
        coordinator: await t.signIn(organisation.coordinator),
        caseworker: await t.signIn(organisation.caseworker),
      };
    }
    spy = jest.spyOn(Client.prototype as unknown as { query: (...args: unknown[]) => unknown }, 'query');
  });

  afterAll(async () => {
    spy?.mockRestore();
    await t?.close();
  });

  /** The statements of one answered GET (after one unmeasured call: pools and caches warm). */
  const count = async (client: HttpClient, path: string): Promise<{ statements: number; shown: number }> => {
    expect((await client.get(path)).status).toBe(200);
    const before = spy.mock.calls.length;
    const response = await client.get<unknown>(path);
    // The tenant context's own round trips (BEGIN with the settings, COMMIT) frame each statement; they are not
    // the feature's queries and grow with them, not with the data.
    const statements = spy.mock.calls
      .slice(before)
      .filter(([sql]) => typeof sql !== 'string' || !TENANT_FRAMING.test(sql)).length;
    expect(response.status).toBe(200);
    return { statements, shown: shown(response.body) };
  };

  it.each([
    ['coordinator', 'the dashboard', DASHBOARD_PATH],
    ['coordinator', 'the dashboard of a wijk', `${DASHBOARD_PATH}?neighbourhood=Centrum`],
    ['coordinator', 'the neighbourhoods view', DASHBOARD_NEIGHBOURHOODS_PATH],
    ['coordinator', 'the watch list', '/api/watches'],
    ['coordinator', 'the check-in overview', CHECK_IN_OVERVIEW_PATH],
    ['coordinator', 'the reactivation list', REACTIVATIONS_PATH],
    ['coordinator', 'the signal list', SIGNALS_PATH],
    ['caseworker', 'today’s check-ins', '/api/check-ins?view=today'],
    ['caseworker', 'overdue check-ins', '/api/check-ins?view=overdue'],
    ['caseworker', 'this week’s check-ins', '/api/check-ins?view=week'],
    ['caseworker', 'her caseload', '/api/watches?mine=true'],
    ['caseworker', 'her reactivations', `${REACTIVATIONS_PATH}?mine=true`],
  ] as const)('%s: %s runs as many statements at 60 watches as at 5', async (asker, _what, path) => {
    const small = await count(sessions.small[asker], path);
    const large = await count(sessions.large[asker], path);
    // The large organisation's answer really shows more (else the comparison proves nothing) …
    expect(large.shown).toBeGreaterThan(small.shown);
    // … and takes the same statements, a handful at most.
    expect({ path, statements: large.statements }).toEqual({ path, statements: small.statements });
    expect(large.statements).toBeGreaterThan(0);
    expect(large.statements).toBeLessThanOrEqual(MAX_STATEMENTS);
  });
});
