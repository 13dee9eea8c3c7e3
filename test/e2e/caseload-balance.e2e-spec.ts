import {
  CASELOAD_BALANCE_PATH,
  PROBLEM_TYPES,
  type CaseloadBalance,
  type CaseloadRow,
  type ProblemDetails,
} from '@waakvlam/contracts';
import { WorkingCalendar } from '@waakvlam/schedule';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { calendarWeek } from '../../api/src/modules/caseload/caseload-week.util';
import { addDays } from '../../api/src/modules/check-ins/check-in-views.util';
import { createCaseloadTeam, createClientWatch, createNamedCaseworker } from '../support/caseload-factories';
import { createCheckIn, createPartnerUser, createTeam, createUser } from '../support/factories';
import {
  createAbsence,
  createReactivationRequest,
  reactivationAtStep,
  setCapacity,
} from '../support/reactivation-factories';
import { startTestApp, type TestApp } from '../support/test-app';

const calendar = new WorkingCalendar({ timeZone: 'Europe/Amsterdam' });

describe('GET /api/caseload-balance', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const rowOf = (balance: CaseloadBalance, id: string): CaseloadRow | undefined =>
    balance.caseworkers.find((r) => r.caseworker.id === id);

  it('gives each active caseworker her watches, check-ins due this week and overdue, reactivations and absence', async () => {
    const db = t.dataSource;
    const team = await createCaseloadTeam(db);
    const { org, anna, bram } = team;
    const by = team.coordinator.id;
    const gone = await createNamedCaseworker(db, org, 'Gerrit Gestopt', { active: false });
    const today = calendar.today(new Date());
    const week = calendarWeek(today);

    // Anna is primary of four open watches and one ended one, backup of one of Bram's.
    const w1 = await createClientWatch(db, org, by, anna.id, { backupId: bram.id });
    const w2 = await createClientWatch(db, org, by, anna.id, { status: 'paused' });
    const w3 = await createClientWatch(db, org, by, anna.id, { status: 'lapsed' });
    const w4 = await createClientWatch(db, org, by, anna.id, { status: 'reactivated' });
    const ended = await createClientWatch(db, org, by, anna.id, { status: 'ended' });
    const w5 = await createClientWatch(db, org, by, bram.id, { backupId: anna.id });
    await createClientWatch(db, org, by, gone.id);

    await createCheckIn(db, org, w1.watchId, anna.id, { dueDate: today }); // this week
    await createCheckIn(db, org, w2.watchId, anna.id, { dueDate: week.endsOn }); // Sunday: this week
    await createCheckIn(db, org, w3.watchId, anna.id, { dueDate: addDays(week.startsOn, -3) }); // overdue
    await createCheckIn(db, org, w4.watchId, anna.id, { dueDate: addDays(week.endsOn, 1) }); // next Monday
    await createCheckIn(db, org, ended.watchId, anna.id, { dueDate: today, status: 'cancelled' });
    await createCheckIn(db, org, w5.watchId, bram.id, { dueDate: week.startsOn }); // Monday: this week

    const requests = [
      [w1, anna, 'open'],
      [w2, anna, 'accepted'],
      [w3, anna, 'resolved'],
      [w5, bram, 'contacted'],
    ] as const;
    for (const [watch, assignee, step] of requests)
      await createReactivationRequest(
        db,
        org,
        { id: watch.watchId, clientId: watch.clientId, assigneeId: assignee.id },
        reactivationAtStep(step),
      );
    await setCapacity(db, anna.id, 3);

    await createAbsence(db, org, anna.id, addDays(today, -1), addDays(today, 5), by);
    await createAbsence(db, org, bram.id, addDays(today, -20), addDays(today, -15), by); // over
    await createAbsence(db, org, bram.id, addDays(today, 30), addDays(today, 31), by);
    await createAbsence(db, org, bram.id, addDays(today, 10), addDays(today, 12), by); // next

    const coordinator = await t.signIn(team.coordinator);
    const res = await coordinator.get<CaseloadBalance>(CASELOAD_BALANCE_PATH);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ today, weekStartsOn: week.startsOn, weekEndsOn: week.endsOn });
    // Active caseworkers only (not the inactive one, the coordinator or the admin), by name.
    expect(res.body.caseworkers.map((r) => r.caseworker.displayName)).toEqual([
      'Anna Aalders',
      'Bram Bos',
      'Cees Claassen',
      expect.stringMatching(/^Test caseworker/),
    ]);
    expect(rowOf(res.body, anna.id)).toEqual({
      caseworker: { id: anna.id, displayName: 'Anna Aalders' },
      primaryWatches: 4,
      backupWatches: 1,
      dueThisWeek: 2,
      overdue: 1,
      openReactivations: 2,
      reactivationCapacity: 3,
      absentToday: true,
      absence: { startsOn: addDays(today, -1), endsOn: addDays(today, 5) },
    });
    expect(rowOf(res.body, bram.id)).toEqual({
      caseworker: { id: bram.id, displayName: 'Bram Bos' },
      primaryWatches: 1,
      backupWatches: 1,
      // Monday's check-in is this week; on a later day it is overdue too.
      dueThisWeek: 1,
      overdue: week.startsOn < today ? 1 : 0,
      openReactivations: 1,
      reactivationCapacity: null,
      absentToday: false,
      absence: { startsOn: addDays(today, 10), endsOn: addDays(today, 12) },
    });
    expect(rowOf(res.body, team.caseworker.id)).toMatchObject({
      primaryWatches: 0,
      backupWatches: 0,
      dueThisWeek: 0,
      overdue: 0,
      openReactivations: 0,
      absentToday: false,
      absence: null,
    });
    expect(rowOf(res.body, gone.id)).toBeUndefined();
  });

  it('is for coordinators and admins only', async () => {
    const team = await createTeam(t.dataSource);
    const { user: partner } = await createPartnerUser(t.dataSource, team.organisation.id);
    expect((await (await t.signIn(team.admin)).get(CASELOAD_BALANCE_PATH)).status).toBe(200);
    for (const user of [team.caseworker, partner]) {
      const res = await (await t.signIn(user)).get<ProblemDetails>(CASELOAD_BALANCE_PATH);
      expect(res.status).toBe(403);
      expect(res.body.type).toBe(PROBLEM_TYPES.forbidden);
    }
    expect((await t.client().get(CASELOAD_BALANCE_PATH)).status).toBe(401);
  });

  it("shows only the organisation's own caseworkers and counts only its own rows", async () => {
    const db = t.dataSource;
    const ours = await createTeam(db);
    const theirs = await createTeam(db);
    await createClientWatch(db, theirs.organisation.id, theirs.coordinator.id, theirs.caseworker.id);
    await createClientWatch(db, ours.organisation.id, ours.coordinator.id, ours.caseworker.id);
    const res = await (await t.signIn(ours.coordinator)).get<CaseloadBalance>(CASELOAD_BALANCE_PATH);
    expect(res.body.caseworkers.map((r) => [r.caseworker.id, r.primaryWatches])).toEqual([
      [ours.caseworker.id, 1],
    ]);
  });

  it('answers with the same number of queries for 1 caseworker and for 12', async () => {
    const db = t.dataSource;
    const count = async (caseworkers: number): Promise<number> => {
      const team = await createTeam(db);
      for (let i = 1; i < caseworkers; i += 1) {
        const cw = await createUser(db, team.organisation.id, { role: 'caseworker' });
        const w = await createClientWatch(db, team.organisation.id, team.coordinator.id, cw.id);
        await createCheckIn(db, team.organisation.id, w.watchId, cw.id, {
          dueDate: calendar.today(new Date()),
        });
        await createAbsence(db, team.organisation.id, cw.id, '2099-01-01', '2099-01-02', team.coordinator.id);
      }
      const coordinator = await t.signIn(team.coordinator);
      const spy = jest.spyOn(PostgresQueryRunner.prototype, 'query');
      try {
        const res = await coordinator.get<CaseloadBalance>(CASELOAD_BALANCE_PATH);
        expect(res.body.caseworkers).toHaveLength(caseworkers);
        return spy.mock.calls.length;
      } finally {
        spy.mockRestore();
      }
    };
    const one = await count(1);
    expect(one).toBeGreaterThan(0);
    expect(await count(12)).toBe(one);
  });
});
