import { PROBLEM_TYPES, type CheckIn, type Watch, type WatchEvent } from '@waakvlam/contracts';
import { WorkingCalendar } from '@waakvlam/schedule';
import { addDays } from '../../api/src/modules/check-ins/check-in-views.util';
import {
  createCheckIn,
  createClient,
  createPartnerUser,
  createTeam,
  createUser,
  createWatch,
} from '../support/factories';
import type { HttpClient } from '../support/http-client';
import { startTestApp, type TestApp } from '../support/test-app';

const calendar = new WorkingCalendar({ timeZone: 'Europe/Amsterdam' });

describe('check-ins over HTTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const signIn = (user: { email: string; password: string }): Promise<HttpClient> => t.signIn(user);

  /** A caseworker with one planned check-in per due date, each on its own watch and client. */
  const caseload = async (offsets: number[]) => {
    const team = await createTeam(t.dataSource);
    const today = calendar.today(new Date());
    const checkIns: Array<{ id: string; watchId: string; dueDate: string }> = [];
    for (const offset of offsets) {
      const client = await createClient(t.dataSource, team.organisation.id, team.coordinator.id);
      const watch = await createWatch(t.dataSource, team.organisation.id, client.id, team.caseworker.id);
      const dueDate = addDays(today, offset);
      const checkIn = await createCheckIn(t.dataSource, team.organisation.id, watch.id, team.caseworker.id, {
        dueDate,
        graceEndsOn: addDays(dueDate, 30),
      });
      checkIns.push({ id: checkIn.id, watchId: watch.id, dueDate });
    }
    return { team, today, checkIns };
  };

  it('shows the caseworker today, overdue, week and caseload, most urgent first', async () => {
    const { team, checkIns } = await caseload([0, -3, 5, -10, 20, 6, 7]);
    const [today, threeAgo, inFive, tenAgo, inTwenty, inSix] = checkIns.map((c) => c.id);
    const browser = await signIn(team.caseworker);
    const view = async (name: string) =>
      (await browser.get<CheckIn[]>(`/api/check-ins?view=${name}`)).body.map((c) => c.id);
    expect(await view('overdue')).toEqual([tenAgo, threeAgo]);
    expect(await view('today')).toEqual([tenAgo, threeAgo, today]);
    expect(await view('week')).toEqual([tenAgo, threeAgo, today, inFive, inSix]);
    expect((await view('caseload')).slice(-1)).toEqual([inTwenty]);
    expect(await view('caseload')).toHaveLength(7);

    // Someone else's caseload is not in mine.
    const colleague = await createUser(t.dataSource, team.organisation.id, { role: 'caseworker' });
    expect((await (await signIn(colleague)).get<CheckIn[]>('/api/check-ins?view=today')).body).toEqual([]);
    expect((await browser.get('/api/check-ins?view=yesterday')).status).toBe(400);
    const neither = await browser.get<{ errors: Array<{ field: string }> }>('/api/check-ins');
    expect(neither.status).toBe(400);
    expect(neither.body.errors[0].field).toBe('view');
  });

  it('completes a check-in once, plans the next and shows the history newest first', async () => {
    const team = await createTeam(t.dataSource);
    const client = await createClient(t.dataSource, team.organisation.id, team.coordinator.id);
    const coordinator = await signIn(team.coordinator);
    const watch = (
      await coordinator.post<Watch>('/api/watches', {
        clientId: client.id,
        primaryCaseworkerId: team.caseworker.id,
        intervalDays: 14,
        contactMode: 'visit',
        startDate: calendar.today(new Date()),
      })
    ).body;
    const first = watch.nextCheckIn?.id as string;
    const caseworker = await signIn(team.caseworker);

    const tooLong = await caseworker.post<{ errors: Array<{ field: string }> }>(
      `/api/check-ins/${first}/complete`,
      { outcome: 'well', channel: 'visit', note: 'x'.repeat(501) },
    );
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.errors[0].field).toBe('note');
    const badOutcome = await caseworker.post<{ errors: Array<{ field: string }> }>(
      `/api/check-ins/${first}/complete`,
      { outcome: 'great', channel: 'visit' },
    );
    expect(badOutcome.body.errors.map((e) => e.field)).toEqual(['outcome']);

    const done = await caseworker.post<CheckIn>(`/api/check-ins/${first}/complete`, {
      outcome: 'well',
      channel: 'visit',
      note: 'Gaat goed',
    });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({
      id: first,
      status: 'done',
      outcome: 'well',
      channel: 'visit',
      note: 'Gaat goed',
      completedBy: { id: team.caseworker.id },
      client: { id: client.id },
    });
    const twice = await caseworker.post(`/api/check-ins/${first}/complete`, {
      outcome: 'well',
      channel: 'visit',
    });
    expect(twice.status).toBe(409);
    expect(twice.body).toMatchObject({ type: PROBLEM_TYPES.conflict });

    const after = (await coordinator.get<Watch>(`/api/watches/${watch.id}`)).body;
    expect(after.nextCheckIn?.dueDate).toBe(calendar.nextDueDate(calendar.today(new Date()), 14));
    const history = await caseworker.get<CheckIn[]>(`/api/check-ins?watchId=${watch.id}`);
    expect(history.body.map((c) => [c.id, c.status])).toEqual([
      [after.nextCheckIn?.id, 'planned'],
      [first, 'done'],
    ]);
    // Each check-in carries the watch's contact mode, which the check-in dialog starts with.
    expect(history.body.map((c) => c.contactMode)).toEqual(['visit', 'visit']);
    const events = await coordinator.get<WatchEvent[]>(`/api/watches/${watch.id}/events`);
    expect(events.body[0]).toMatchObject({
      type: 'check_in_completed',
      actor: { id: team.caseworker.id },
      details: { checkInId: first, outcome: 'well', nextDueDate: after.nextCheckIn?.dueDate },
    });
  });

  it('plans a retry 2 working days out when the client was not reached', async () => {
    const { team, checkIns } = await caseload([0]);
    const browser = await signIn(team.coordinator);
    const done = await browser.post(`/api/check-ins/${checkIns[0].id}/complete`, {
      outcome: 'not_reached',
      channel: 'phone',
    });
    expect(done.status).toBe(200);
    const watch = (await browser.get<Watch>(`/api/watches/${checkIns[0].watchId}`)).body;
    expect(watch.nextCheckIn?.dueDate).toBe(calendar.addWorkingDays(calendar.today(new Date()), 2));
  });

  it('refuses a cancelled check-in with 409', async () => {
    const { team, checkIns } = await caseload([0]);
    const browser = await signIn(team.admin);
    await browser.post(`/api/watches/${checkIns[0].watchId}/pause`, {});
    const response = await browser.post(`/api/check-ins/${checkIns[0].id}/complete`, {
      outcome: 'well',
      channel: 'phone',
    });
    expect(response.status).toBe(409);
  });

  it('lets the backup complete, hides others from caseworkers, other organisations and partners', async () => {
    const team = await createTeam(t.dataSource);
    const backup = await createUser(t.dataSource, team.organisation.id, { role: 'caseworker' });
    const stranger = await createUser(t.dataSource, team.organisation.id, { role: 'caseworker' });
    const client = await createClient(t.dataSource, team.organisation.id, team.coordinator.id);
    const watch = await createWatch(t.dataSource, team.organisation.id, client.id, team.caseworker.id, {
      backupCaseworkerId: backup.id,
    });
    const today = calendar.today(new Date());
    const checkIn = await createCheckIn(t.dataSource, team.organisation.id, watch.id, team.caseworker.id, {
      dueDate: today,
    });
    const body = { outcome: 'concern', channel: 'phone' };

    const outsider = await signIn(stranger);
    expect((await outsider.post(`/api/check-ins/${checkIn.id}/complete`, body)).status).toBe(404);
    expect((await outsider.get(`/api/check-ins?watchId=${watch.id}`)).status).toBe(404);

    const other = await createTeam(t.dataSource);
    const foreign = await signIn(other.coordinator);
    expect((await foreign.post(`/api/check-ins/${checkIn.id}/complete`, body)).status).toBe(404);
    expect((await foreign.get(`/api/check-ins?watchId=${watch.id}`)).status).toBe(404);

    const { user } = await createPartnerUser(t.dataSource, team.organisation.id);
    const partner = await signIn(user);
    expect((await partner.get('/api/check-ins?view=today')).status).toBe(403);
    expect((await partner.get(`/api/check-ins?watchId=${watch.id}`)).status).toBe(403);
    expect((await partner.post(`/api/check-ins/${checkIn.id}/complete`, body)).status).toBe(403);

    const done = await (await signIn(backup)).post<CheckIn>(`/api/check-ins/${checkIn.id}/complete`, body);
    expect(done.status).toBe(200);
    expect(done.body.completedBy?.id).toBe(backup.id);
  });
});
