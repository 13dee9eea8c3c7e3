import {
  API_PATHS,
  CHECK_IN_OVERVIEW_PATH,
  PROBLEM_TYPES,
  REACTIVATIONS_PATH,
  SIGNALS_PATH,
  type CheckInOverviewItem,
  type Page,
  type ProblemDetails,
} from '@waakvlam/contracts';
import { type DrillDownScenario, createDrillDownScenario } from '../support/drill-down-factories';
import type { HttpClient } from '../support/http-client';
import { startTestApp, type TestApp } from '../support/test-app';

describe('drill-down filters of the lists', () => {
  let t: TestApp;
  let s: DrillDownScenario;
  let coordinator: HttpClient;

  beforeAll(async () => {
    t = await startTestApp();
    s = await createDrillDownScenario(t.dataSource);
    coordinator = await t.signIn(s.coordinator);
  });
  afterAll(() => t.close());

  /** The ids of a list's page, in its order; fails on anything but 200. */
  const ids = async (path: string, client: HttpClient = coordinator): Promise<string[]> => {
    const response = await client.get<Page<{ id: string }>>(path);
    expect(response.status).toBe(200);
    expect(response.body.total).toBe(response.body.items.length);
    return response.body.items.map((i) => i.id);
  };
  const sorted = (values: string[]): string[] => [...values].sort();

  describe('GET /api/watches', () => {
    const watches = (query: string) => ids(`${API_PATHS.watches}?pageSize=100&${query}`).then(sorted);

    it("narrows to the client's neighbourhood; the empty value asks for clients without one", async () => {
      const [w1, w2, w3] = s.watches;
      expect(await watches('')).toEqual(sorted([w1.id, w2.id, w3.id]));
      expect(await watches('neighbourhood=Noord')).toEqual([w1.id]);
      expect(await watches('neighbourhood=Zuid')).toEqual([w2.id]);
      expect(await watches('neighbourhood=')).toEqual([w3.id]);
      expect(await watches('neighbourhood=Oost')).toEqual([]);
    });

    it("narrows to watches that lapsed in the range of the organisation's days, both ends included", async () => {
      const [w1, w2] = s.watches;
      // w2 lapsed at 00:30 on 2 March in Amsterdam, still 1 March in UTC.
      expect(await watches('lapsedFrom=2026-03-02&lapsedTo=2026-03-02')).toEqual([w2.id]);
      expect(await watches('lapsedTo=2026-03-01')).toEqual([]);
      expect(await watches('lapsedFrom=2026-03-03')).toEqual([w1.id]);
      expect(await watches('lapsedFrom=2026-03-01&lapsedTo=2026-03-31')).toEqual(sorted([w1.id, w2.id]));
      expect(await watches('lapsedFrom=2026-03-01&neighbourhood=Noord&status=active')).toEqual([w1.id]);
    });

    it('keeps a caseworker to their own watches whatever the filters', async () => {
      const caseworker = await t.signIn(s.caseworkerB);
      const [, w2, w3] = s.watches;
      expect(sorted(await ids(`${API_PATHS.watches}?neighbourhood=`, caseworker))).toEqual([w3.id]);
      expect(sorted(await ids(`${API_PATHS.watches}?lapsedFrom=2026-03-01`, caseworker))).toEqual([w2.id]);
    });
  });

  describe('GET /api/check-ins/overview', () => {
    const overview = (query: string) => ids(`${CHECK_IN_OVERVIEW_PATH}?pageSize=100&${query}`);
    const march = 'dueFrom=2026-03-01&dueTo=2026-03-31';

    it('lists the check-ins due in the period, newest due first, without cancelled ones or other organisations', async () => {
      const { onTime, late, missed, open } = s.checkIns;
      expect(await overview(march)).toEqual([open, onTime, missed, late]);
      expect(await overview('')).toEqual([s.checkIns.later, open, onTime, missed, late]);
    });

    it('classifies by the organisation day of the record: on time, late, missed, open', async () => {
      const response = await coordinator.get<Page<CheckInOverviewItem>>(`${CHECK_IN_OVERVIEW_PATH}?${march}`);
      const byId = Object.fromEntries(response.body.items.map((i) => [i.id, i.timeliness]));
      expect(byId).toEqual({
        [s.checkIns.onTime]: 'on_time',
        [s.checkIns.late]: 'late',
        [s.checkIns.missed]: 'missed',
        [s.checkIns.open]: 'open',
      });
      expect(await overview(`${march}&timeliness=on_time`)).toEqual([s.checkIns.onTime]);
      expect(await overview(`${march}&timeliness=late`)).toEqual([s.checkIns.late]);
      expect(await overview(`${march}&timeliness=missed`)).toEqual([s.checkIns.missed]);
      expect(await overview(`timeliness=open`)).toEqual([s.checkIns.later, s.checkIns.open]);
    });

    it("narrows to the check-in's caseworker and the client's neighbourhood", async () => {
      expect(await overview(`${march}&caseworkerId=${s.caseworkerB.id}`)).toEqual([s.checkIns.missed]);
      expect(await overview(`${march}&neighbourhood=Noord`)).toEqual([s.checkIns.onTime, s.checkIns.late]);
      expect(await overview(`${march}&neighbourhood=`)).toEqual([s.checkIns.open]);
      expect(await overview(`dueFrom=2026-03-06&dueTo=2026-03-12`)).toEqual([
        s.checkIns.onTime,
        s.checkIns.missed,
      ]);
    });

    it('pages the overview and counts every match', async () => {
      const response = await coordinator.get<Page<{ id: string }>>(
        `${CHECK_IN_OVERVIEW_PATH}?${march}&pageSize=3&page=2`,
      );
      expect(response.body.total).toBe(4);
      expect(response.body.items.map((i) => i.id)).toEqual([s.checkIns.late]);
    });

    it('is for coordinators and admins only', async () => {
      expect((await (await t.signIn(s.admin)).get(CHECK_IN_OVERVIEW_PATH)).status).toBe(200);
      expect((await (await t.signIn(s.caseworkerA)).get(CHECK_IN_OVERVIEW_PATH)).status).toBe(403);
      expect((await (await t.signIn(s.partnerUser)).get(CHECK_IN_OVERVIEW_PATH)).status).toBe(403);
      expect((await t.client().get(CHECK_IN_OVERVIEW_PATH)).status).toBe(401);
    });
  });

  describe('GET /api/reactivations', () => {
    const requests = (query: string) => ids(`${REACTIVATIONS_PATH}?pageSize=100&${query}`).then(sorted);
    const r = () => s.reactivations;

    it('narrows to requests opened in the range of organisation days', async () => {
      // "lapse" was opened at 23:30 UTC on 1 March: 2 March in Amsterdam.
      expect(await requests('createdFrom=2026-03-02&createdTo=2026-03-31')).toEqual(
        sorted([r().lapse, r().open]),
      );
      expect(await requests('createdTo=2026-03-01')).toEqual([r().referred]);
    });

    it('narrows to a source among the merged ones', async () => {
      expect(await requests('source=lapse')).toEqual([r().lapse]);
      expect(await requests('source=caseworker')).toEqual([r().referred]);
      expect(await requests('source=coordinator')).toEqual([]);
    });

    it('narrows to SLA breaches (late first contact, or none yet past the deadline) and their complement', async () => {
      expect(await requests('slaBreached=true')).toEqual(sorted([r().lapse, r().open]));
      expect(await requests('slaBreached=false')).toEqual([r().referred]);
    });

    it('narrows to support restarted without a new intake, and the others', async () => {
      expect(await requests('withoutIntake=true')).toEqual([r().lapse]);
      expect(await requests('withoutIntake=false')).toEqual(sorted([r().referred, r().open]));
    });

    it("narrows to the watch's primary caseworker and the client's neighbourhood", async () => {
      expect(await requests(`caseworkerId=${s.caseworkerA.id}`)).toEqual(sorted([r().referred, r().open]));
      expect(await requests(`caseworkerId=${s.caseworkerB.id}`)).toEqual([r().lapse]);
      expect(await requests('neighbourhood=Zuid')).toEqual([r().lapse]);
      expect(await requests('neighbourhood=')).toEqual([r().open]);
      expect(
        await requests('source=lapse&createdFrom=2026-03-02&slaBreached=true&withoutIntake=true'),
      ).toEqual([r().lapse]);
    });
  });

  describe('GET /api/signals', () => {
    const signals = (query: string, client?: HttpClient) =>
      ids(`${SIGNALS_PATH}?pageSize=100&${query}`, client).then(sorted);
    const g = () => s.signals;

    it('narrows to signals received in the range of organisation days', async () => {
      // "answered" came at 23:30 UTC on 4 March: 5 March in Amsterdam.
      expect(await signals('receivedFrom=2026-03-05&receivedTo=2026-03-05')).toEqual([g().answered]);
      expect(await signals('receivedTo=2026-03-04')).toEqual([g().other]);
      expect(await signals('receivedFrom=2026-03-01')).toEqual(sorted([g().answered, g().waiting]));
    });

    it('narrows to a partner organisation and to signals still waiting for feedback', async () => {
      expect(await signals(`partnerOrganisationId=${s.partners[1].id}`)).toEqual([g().other]);
      expect(await signals('awaitingFeedback=true')).toEqual(sorted([g().waiting, g().other]));
      expect(await signals('awaitingFeedback=false')).toEqual([g().answered]);
      expect(await signals('awaitingFeedback=true&category=rent_arrears')).toEqual([g().waiting]);
    });

    it('keeps a partner to its own signals, whichever partner it asks for', async () => {
      const partner = await t.signIn(s.partnerUser);
      expect(await signals('awaitingFeedback=true', partner)).toEqual([g().waiting]);
      expect(await signals(`partnerOrganisationId=${s.partners[1].id}`, partner)).toEqual(
        sorted([g().answered, g().waiting]),
      );
    });
  });

  describe('bad filters', () => {
    const expectFieldProblem = async (path: string, field: string) => {
      const response = await coordinator.get<ProblemDetails>(path);
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(response.body.type).toBe(PROBLEM_TYPES.validation);
      expect(response.body.errors?.map((e) => e.field)).toContain(field);
    };

    it('refuses dates that are not calendar days, and ranges that end before they start', async () => {
      await expectFieldProblem(`${CHECK_IN_OVERVIEW_PATH}?dueFrom=2026-02-30`, 'dueFrom');
      await expectFieldProblem(`${CHECK_IN_OVERVIEW_PATH}?dueFrom=2026-03-10&dueTo=2026-03-09`, 'dueTo');
      await expectFieldProblem(`${API_PATHS.watches}?lapsedFrom=yesterday`, 'lapsedFrom');
      await expectFieldProblem(`${API_PATHS.watches}?lapsedFrom=2026-03-10&lapsedTo=2026-03-01`, 'lapsedTo');
      await expectFieldProblem(
        `${REACTIVATIONS_PATH}?createdFrom=2026-03-10&createdTo=2026-03-01`,
        'createdTo',
      );
      await expectFieldProblem(`${REACTIVATIONS_PATH}?createdTo=2026-3-1`, 'createdTo');
      await expectFieldProblem(`${SIGNALS_PATH}?receivedFrom=2026-03-10&receivedTo=2026-03-01`, 'receivedTo');
    });

    it('refuses unknown values', async () => {
      await expectFieldProblem(`${CHECK_IN_OVERVIEW_PATH}?timeliness=soon`, 'timeliness');
      await expectFieldProblem(`${CHECK_IN_OVERVIEW_PATH}?caseworkerId=someone`, 'caseworkerId');
      await expectFieldProblem(`${REACTIVATIONS_PATH}?source=neighbour`, 'source');
      await expectFieldProblem(`${REACTIVATIONS_PATH}?slaBreached=maybe`, 'slaBreached');
      await expectFieldProblem(`${SIGNALS_PATH}?awaitingFeedback=1`, 'awaitingFeedback');
      await expectFieldProblem(`${SIGNALS_PATH}?partnerOrganisationId=p1`, 'partnerOrganisationId');
      await expectFieldProblem(`${API_PATHS.watches}?neighbourhood=${'x'.repeat(101)}`, 'neighbourhood');
    });
  });
});
