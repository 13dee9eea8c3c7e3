import {
  API_PATHS,
  CHECK_IN_OVERVIEW_PATH,
  DASHBOARD_EXPORT_PATH,
  DASHBOARD_NEIGHBOURHOODS_PATH,
  DASHBOARD_PATH,
  PROBLEM_TYPES,
  REACTIVATIONS_PATH,
  REACTIVATION_SOURCES,
  SIGNALS_PATH,
  type Dashboard,
  type DashboardNeighbourhoods,
  type ProblemDetails,
} from '@waakvlam/contracts';
import {
  type DashboardScenario,
  SCENARIO_PERIOD,
  createDashboardScenario,
} from '../support/dashboard-factories';
import { createPartnerUser, createTeam } from '../support/factories';
import type { HttpClient } from '../support/http-client';
import { startTestApp, type TestApp } from '../support/test-app';

const period = `from=${SCENARIO_PERIOD.from}&to=${SCENARIO_PERIOD.to}`;

describe('the coordinator dashboard over HTTP', () => {
  let t: TestApp;
  let s: DashboardScenario;
  let coordinator: HttpClient;

  beforeAll(async () => {
    t = await startTestApp();
    s = await createDashboardScenario(t.dataSource);
    // Another organisation with the same shape: none of its rows may count.
    await createDashboardScenario(t.dataSource);
    coordinator = await t.signIn(s.coordinator);
  });

  afterAll(() => t.close());

  const get = async (query: string): Promise<Dashboard> => {
    const response = await coordinator.get<Dashboard>(`${DASHBOARD_PATH}?${query}`);
    expect(response.status).toBe(200);
    return response.body;
  };

  it('counts every figure of the period as the scenario sets it out', async () => {
    const d = await get(period);
    expect(d).toMatchObject({
      from: '2026-03-02',
      to: '2026-03-29',
      caseworkerId: null,
      neighbourhood: null,
    });
    expect(d.watches).toEqual({ active: 1, paused: 1, lapsed: 1, reactivated: 1, ended: 1 });
    // 6 due (the cancelled one and the one after the period left out); shares of the 5 closed ones.
    expect(d.checkIns).toEqual({
      due: 6,
      onTime: { count: 1, percent: 20 },
      late: { count: 2, percent: 40 },
      missed: { count: 2, percent: 40 },
      open: 1,
    });
    expect(d.lapses).toBe(1);
    expect(d.reactivations).toEqual({
      requests: 3,
      bySource: { caseworker: 1, client: 1, lapse: 1, partner_signal: 1, coordinator: 0 },
      // accepted after 1 h and 3 h; first contact after 3 h and 30 h
      medianSecondsToAccepted: 7200,
      medianSecondsToContacted: 59400,
      // contact after the deadline (30 h > 16 h), and one still open past its deadline
      slaBreached: 2,
      withoutIntake: 1,
    });
    expect(d.neighbourhoodOptions).toEqual(['Centrum', 'Noord']);
    expect(d.signals.received).toBe(4);
    expect(d.signals.byCategory).toMatchObject({ nuisance: 2, rent_arrears: 1, safety: 1, neglect: 0 });
    // feedback after 2 h, 6 h and 1 h; one still waits
    expect(d.signals.medianSecondsToFeedback).toBe(7200);
    expect(d.signals.awaitingFeedback).toBe(1);
    expect(d.signals.byPartner).toEqual([
      {
        partnerOrganisationId: s.partners[0].id,
        partnerName: s.partners[0].name,
        received: 3,
        medianSecondsToFeedback: 14400,
        awaitingFeedback: 1,
      },
      {
        partnerOrganisationId: s.partners[1].id,
        partnerName: s.partners[1].name,
        received: 1,
        medianSecondsToFeedback: 3600,
        awaitingFeedback: 0,
      },
    ]);
  });

  it('spreads the period over its weeks and its caseworkers', async () => {
    const d = await get(period);
    expect(d.weeks).toEqual([
      {
        weekStart: '2026-03-02',
        checkInsOnTime: 1,
        checkInsLate: 0,
        checkInsMissed: 1,
        lapses: 0,
        reactivations: 0,
        signals: 1,
      },
      {
        weekStart: '2026-03-09',
        checkInsOnTime: 0,
        checkInsLate: 1,
        checkInsMissed: 0,
        lapses: 0,
        reactivations: 1,
        signals: 1,
      },
      {
        weekStart: '2026-03-16',
        checkInsOnTime: 0,
        checkInsLate: 1,
        checkInsMissed: 1,
        lapses: 1,
        reactivations: 1,
        signals: 0,
      },
      {
        weekStart: '2026-03-23',
        checkInsOnTime: 0,
        checkInsLate: 0,
        checkInsMissed: 0,
        lapses: 0,
        reactivations: 1,
        signals: 2,
      },
    ]);
    expect(d.caseworkers).toEqual([
      {
        caseworkerId: s.caseworkerA.id,
        name: 'Anna Aalders',
        watches: 2,
        checkInsOnTime: 1,
        checkInsLate: 1,
        checkInsMissed: 2,
        reactivations: 1,
      },
      {
        caseworkerId: s.caseworkerB.id,
        name: 'Bram Bos',
        watches: 2,
        checkInsOnTime: 0,
        checkInsLate: 1,
        checkInsMissed: 0,
        reactivations: 2,
      },
    ]);
  });

  it('narrows every figure to one caseworker or one wijk', async () => {
    const anna = await get(`${period}&caseworkerId=${s.caseworkerA.id}`);
    expect(anna.watches).toEqual({ active: 1, paused: 0, lapsed: 1, reactivated: 0, ended: 0 });
    expect(anna.checkIns.onTime.count + anna.checkIns.late.count + anna.checkIns.missed.count).toBe(4);
    expect(anna.lapses).toBe(1);
    expect(anna.reactivations.requests).toBe(1);
    expect(anna.caseworkers.map((c) => c.name)).toEqual(['Anna Aalders']);

    const centrum = await get(`${period}&neighbourhood=Centrum`);
    expect(centrum.watches).toEqual({ active: 1, paused: 0, lapsed: 1, reactivated: 0, ended: 0 });
    expect(centrum.checkIns.due).toBe(4);
    expect(centrum.signals.received).toBe(1);

    const withoutWijk = await get(`${period}&neighbourhood=`);
    expect(withoutWijk.watches.reactivated).toBe(1);
    expect(withoutWijk.checkIns).toMatchObject({ due: 1, open: 1 });
    expect(withoutWijk.reactivations).toMatchObject({ requests: 1, withoutIntake: 1 });
  });

  it('gives the same figures per wijk, clients without one last', async () => {
    const response = await coordinator.get<DashboardNeighbourhoods>(
      `${DASHBOARD_NEIGHBOURHOODS_PATH}?${period}`,
    );
    expect(response.status).toBe(200);
    const byHood = Object.fromEntries(response.body.items.map((i) => [String(i.neighbourhood), i]));
    expect(response.body.items.map((i) => i.neighbourhood)).toEqual(['Centrum', 'Noord', null]);
    expect(byHood['Centrum']).toMatchObject({
      watches: { active: 1, lapsed: 1, paused: 0 },
      checkIns: { due: 4, onTime: { count: 1 }, late: { count: 1 }, missed: { count: 2 } },
      lapses: 1,
      reactivations: 1,
      withoutIntake: 0,
      signals: 1,
    });
    expect(byHood['Noord']).toMatchObject({
      watches: { paused: 1, ended: 1 },
      checkIns: { due: 1, late: { count: 1, percent: 100 } },
      reactivations: 1,
      signals: 0,
    });
    // Signals about an address that matched no client count under "no wijk".
    expect(byHood['null']).toMatchObject({
      watches: { reactivated: 1 },
      reactivations: 1,
      withoutIntake: 1,
      signals: 3,
    });
  });

  it('defaults to the last 12 weeks and refuses a backwards, too long or malformed period', async () => {
    const d = await get('');
    expect(d.weeks.length).toBeGreaterThanOrEqual(12);
    const days = (Date.parse(d.to) - Date.parse(d.from)) / 86_400_000 + 1;
    expect(days).toBe(84);

    for (const query of [
      'from=2026-03-10&to=2026-03-01',
      'from=2024-01-01&to=2026-03-01',
      'from=2026-02-30',
    ]) {
      const response = await coordinator.get<ProblemDetails>(`${DASHBOARD_PATH}?${query}`);
      expect(response.status).toBe(400);
      expect(response.body.type).toBe(PROBLEM_TYPES.validation);
    }
    const unknown = await coordinator.get<ProblemDetails>(`${DASHBOARD_PATH}?caseworkerId=nope`);
    expect(unknown.status).toBe(400);
  });

  it('is for coordinators and admins of the organisation only', async () => {
    const team = await createTeam(t.dataSource);
    const admin = await t.signIn(team.admin);
    expect((await admin.get(DASHBOARD_PATH)).status).toBe(200);
    const caseworker = await t.signIn(s.caseworkerA);
    expect((await caseworker.get(DASHBOARD_PATH)).status).toBe(403);
    expect((await caseworker.get(DASHBOARD_NEIGHBOURHOODS_PATH)).status).toBe(403);
    const { user } = await createPartnerUser(t.dataSource, s.organisationId);
    expect((await (await t.signIn(user)).get(DASHBOARD_PATH)).status).toBe(403);
    expect((await t.client().get(DASHBOARD_PATH)).status).toBe(401);

    // Another organisation's admin sees its own (empty) organisation, not this one.
    const other = await admin.get<Dashboard>(`${DASHBOARD_PATH}?${period}`);
    expect(other.body.checkIns.due).toBe(0);
    expect(other.body.caseworkers.map((c) => c.caseworkerId)).toEqual([team.caseworker.id]);
  });

  it('exports every figure as CSV with the same filters, and logs the export', async () => {
    const response = await coordinator.get<string>(
      `${DASHBOARD_EXPORT_PATH}?${period}&neighbourhood=Centrum`,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="waakvlam-overzicht-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const lines = response.body
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe('Onderdeel;Cijfer;Groep;Waarde');
    expect(lines).toContain('Filter;Wijk;Alle;Centrum');
    expect(lines).toContain('Contactmomenten;Gepland in de periode;Alle;4');
    expect(lines).toContain('Contactmomenten;Gemist (%);Alle;50');
    expect(lines).toContain('Per week;Contactmomenten gemist;Week van 2026-03-16;1');
    expect(lines).toContain('Per begeleider;Waakvlammen;Anna Aalders;2');

    const [audit]: Array<{ action: string; resource: string; user_id: string; details: { rows: number } }> =
      await t.dataSource.query(
        `SELECT action, resource, user_id, details FROM audit_events
         WHERE organisation_id = $1 AND resource = 'dashboard.export' ORDER BY occurred_at DESC LIMIT 1`,
        [s.organisationId],
      );
    expect(audit).toMatchObject({
      action: 'export',
      user_id: s.coordinator.id,
      details: { rows: lines.length - 1 },
    });

    const caseworker = await t.signIn(s.caseworkerA);
    expect((await caseworker.get(DASHBOARD_EXPORT_PATH)).status).toBe(403);
  });

  it('matches every figure with the total of the list behind it (the drill-down)', async () => {
    const d = await get(period);
    const total = async (path: string, params: Record<string, string>): Promise<number> => {
      const response = await coordinator.get<{ total: number }>(`${path}?${new URLSearchParams(params)}`);
      expect(response.status).toBe(200);
      return response.body.total;
    };
    const days = { from: SCENARIO_PERIOD.from, to: SCENARIO_PERIOD.to };
    const due = { dueFrom: days.from, dueTo: days.to };
    const created = { createdFrom: days.from, createdTo: days.to };
    const received = { receivedFrom: days.from, receivedTo: days.to };

    for (const [timeliness, figure] of [
      ['on_time', d.checkIns.onTime.count],
      ['late', d.checkIns.late.count],
      ['missed', d.checkIns.missed.count],
      ['open', d.checkIns.open],
    ] as const)
      expect([timeliness, await total(CHECK_IN_OVERVIEW_PATH, { ...due, timeliness })]).toEqual([
        timeliness,
        figure,
      ]);
    expect(await total(CHECK_IN_OVERVIEW_PATH, due)).toBe(d.checkIns.due);
    expect(await total(API_PATHS.watches, { lapsedFrom: days.from, lapsedTo: days.to })).toBe(d.lapses);
    for (const status of ['active', 'paused', 'lapsed', 'reactivated'] as const)
      expect(await total(API_PATHS.watches, { status })).toBe(d.watches[status]);

    expect(await total(REACTIVATIONS_PATH, created)).toBe(d.reactivations.requests);
    for (const source of REACTIVATION_SOURCES)
      expect(await total(REACTIVATIONS_PATH, { ...created, source })).toBe(d.reactivations.bySource[source]);
    expect(await total(REACTIVATIONS_PATH, { ...created, slaBreached: 'true' })).toBe(
      d.reactivations.slaBreached,
    );
    expect(await total(REACTIVATIONS_PATH, { ...created, withoutIntake: 'true' })).toBe(
      d.reactivations.withoutIntake,
    );

    expect(await total(SIGNALS_PATH, received)).toBe(d.signals.received);
    expect(await total(SIGNALS_PATH, { ...received, awaitingFeedback: 'true' })).toBe(
      d.signals.awaitingFeedback,
    );
    for (const p of d.signals.byPartner)
      expect(await total(SIGNALS_PATH, { ...received, partnerOrganisationId: p.partnerOrganisationId })).toBe(
        p.received,
      );
    expect(await total(SIGNALS_PATH, { ...received, category: 'nuisance' })).toBe(
      d.signals.byCategory.nuisance,
    );

    // Per caseworker: her open watches as primary, her check-ins, the requests on her watches.
    for (const c of d.caseworkers) {
      const mine = { caseworkerId: c.caseworkerId };
      expect(await total(API_PATHS.watches, { ...mine, caseworkerRole: 'primary', open: 'true' })).toBe(
        c.watches,
      );
      expect(await total(CHECK_IN_OVERVIEW_PATH, { ...due, ...mine, timeliness: 'missed' })).toBe(
        c.checkInsMissed,
      );
      expect(await total(REACTIVATIONS_PATH, { ...created, ...mine })).toBe(c.reactivations);
    }
    // And per wijk.
    const centrum = await get(`${period}&neighbourhood=Centrum`);
    expect(await total(CHECK_IN_OVERVIEW_PATH, { ...due, neighbourhood: 'Centrum' })).toBe(
      centrum.checkIns.due,
    );
    expect(await total(API_PATHS.watches, { status: 'lapsed', neighbourhood: 'Centrum' })).toBe(
      centrum.watches.lapsed,
    );
    const withoutWijk = await get(`${period}&neighbourhood=`);
    expect(await total(REACTIVATIONS_PATH, { ...created, neighbourhood: '' })).toBe(
      withoutWijk.reactivations.requests,
    );
    expect(await total(SIGNALS_PATH, { ...received, neighbourhood: 'Centrum' })).toBe(
      centrum.signals.received,
    );
    expect(await total(SIGNALS_PATH, { ...received, neighbourhood: '' })).toBe(withoutWijk.signals.received);

    // A partner cannot narrow its own signals by what it is not told (the matched client's wijk).
    const { user, partner: own } = await createPartnerUser(t.dataSource, s.organisationId);
    const partner = await t.signIn(user);
    await t.dataSource.query(`UPDATE signals SET partner_organisation_id = $1 WHERE client_id = $2`, [
      own.id,
      s.watches[0].clientId,
    ]);
    const ownSignals = await partner.get<{ total: number }>(`${SIGNALS_PATH}?neighbourhood=Noord`);
    expect(ownSignals.body.total).toBe(1);
  });
});
