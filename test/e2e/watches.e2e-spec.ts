import { PROBLEM_TYPES, type Page, type Watch, type WatchEvent } from '@waakvlam/contracts';
import { WorkingCalendar } from '@waakvlam/schedule';
import { createClient, createPartnerUser, createTeam, createUser, createWatch } from '../support/factories';
import type { HttpClient } from '../support/http-client';
import { startTestApp, type TestApp } from '../support/test-app';

const calendar = new WorkingCalendar({ timeZone: 'Europe/Amsterdam' });
// Relative to today, so that the missed-check-in sweep (run by other suites on the same database) leaves these alone.
const START = calendar.today(new Date());

describe('watches over HTTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const signIn = (user: { email: string; password: string }): Promise<HttpClient> => t.signIn(user);
  const patch = <T>(browser: HttpClient, path: string, body: unknown) =>
    browser.request<T>('PATCH', path, body, {}, true);

  /** A team with a second caseworker, a client, and the coordinator signed in. */
  const setUp = async () => {
    const team = await createTeam(t.dataSource);
    const backup = await createUser(t.dataSource, team.organisation.id, { role: 'caseworker' });
    const client = await createClient(t.dataSource, team.organisation.id, team.coordinator.id);
    const coordinator = await signIn(team.coordinator);
    const body = {
      clientId: client.id,
      primaryCaseworkerId: team.caseworker.id,
      backupCaseworkerId: backup.id,
      intervalDays: 14,
      contactMode: 'phone',
      startDate: START,
    };
    return { team, backup, client, coordinator, body };
  };

  it('creates an active watch with the defaults and plans the first check-in', async () => {
    const { team, backup, client, coordinator, body } = await setUp();
    const created = await coordinator.post<Watch>('/api/watches', body);
    expect(created.status).toBe(201);
    const due = calendar.nextDueDate(START, 14);
    expect(created.body).toMatchObject({
      client: { id: client.id, name: client.name, reference: client.reference },
      status: 'active',
      primaryCaseworker: { id: team.caseworker.id },
      backupCaseworker: { id: backup.id },
      cadence: { intervalDays: 14, minIntervalDays: 7, maxIntervalDays: 28 },
      contactMode: 'phone',
      agreements: '',
      startDate: START,
      reviewDate: calendar.addMonths(START, 12),
      lapseThreshold: 2,
      gracePeriodDays: 3,
      reopenPeriodMonths: 12,
      endedAt: null,
      endReason: null,
      nextCheckIn: { dueDate: due },
    });
    const [checkIn]: Array<{ grace_ends_on: string; caseworker_id: string }> = await t.dataSource.query(
      `SELECT grace_ends_on::text, caseworker_id FROM check_ins WHERE id = $1`,
      [created.body.nextCheckIn?.id],
    );
    expect(checkIn).toEqual({
      grace_ends_on: calendar.addWorkingDays(due, 3),
      caseworker_id: team.caseworker.id,
    });
    expect((await coordinator.get<Watch>(`/api/watches/${created.body.id}`)).body).toEqual(created.body);

    const again = await coordinator.post('/api/watches', body);
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ type: PROBLEM_TYPES.conflict });
  });

  it('refuses wrong input with a 400 naming the field', async () => {
    const { team, coordinator, body } = await setUp();
    const other = await createTeam(t.dataSource);
    const inactive = await createUser(t.dataSource, team.organisation.id, {
      role: 'caseworker',
      active: false,
    });
    const foreignClient = await createClient(t.dataSource, other.organisation.id, other.coordinator.id);
    const cases: Array<[string, Record<string, unknown>]> = [
      ['primaryCaseworkerId', { primaryCaseworkerId: team.coordinator.id }],
      ['primaryCaseworkerId', { primaryCaseworkerId: other.caseworker.id }],
      ['primaryCaseworkerId', { primaryCaseworkerId: inactive.id }],
      ['backupCaseworkerId', { backupCaseworkerId: team.caseworker.id }],
      ['clientId', { clientId: foreignClient.id }],
      ['intervalDays', { intervalDays: 6 }],
      ['intervalDays', { intervalDays: 91 }],
      ['minIntervalDays', { minIntervalDays: 20 }],
      ['maxIntervalDays', { maxIntervalDays: 10 }],
      ['startDate', { startDate: '2026-02-30' }],
      ['reviewDate', { reviewDate: '2025-01-01' }],
      ['contactMode', { contactMode: 'fax' }],
      ['signaleringsplan.green', { signaleringsplan: { orange: { signs: '', actions: '' } } }],
    ];
    for (const [field, overrides] of cases) {
      const response = await coordinator.post<{ errors: Array<{ field: string }> }>('/api/watches', {
        ...body,
        ...overrides,
      });
      expect({ field, status: response.status }).toEqual({ field, status: 400 });
      expect(response.body.errors.map((e) => e.field)).toContain(field);
    }
  });

  it('lists with filters, "mine" for caseworkers, and pages', async () => {
    const { team, backup, coordinator, body } = await setUp();
    const second = await createClient(t.dataSource, team.organisation.id, team.coordinator.id);
    const a = (await coordinator.post<Watch>('/api/watches', body)).body;
    const b = (
      await coordinator.post<Watch>('/api/watches', {
        ...body,
        clientId: second.id,
        primaryCaseworkerId: backup.id,
        backupCaseworkerId: null,
      })
    ).body;
    await coordinator.post(`/api/watches/${b.id}/pause`, {});
    const ids = async (browser: HttpClient, query: string) =>
      (await browser.get<Page<Watch>>(`/api/watches${query}`)).body.items.map((w) => w.id).sort();

    expect(await ids(coordinator, '')).toEqual([a.id, b.id].sort());
    expect(await ids(coordinator, '?status=paused')).toEqual([b.id]);
    expect(await ids(coordinator, `?caseworkerId=${team.caseworker.id}`)).toEqual([a.id]);
    expect(await ids(coordinator, `?caseworkerId=${backup.id}`)).toEqual([a.id, b.id].sort());
    expect(await ids(coordinator, '?mine=true')).toEqual([]);
    const page = await coordinator.get<Page<Watch>>('/api/watches?pageSize=1&page=2');
    expect(page.body).toMatchObject({ total: 2, page: 2, pageSize: 1 });
    // Newest first: page 2 holds the first watch (active, planned check-in); page 1 the paused one (none).
    expect(page.body.items[0]).toMatchObject({ id: a.id, nextCheckIn: { dueDate: expect.any(String) } });
    const first = await coordinator.get<Page<Watch>>('/api/watches?pageSize=1&page=1');
    expect(first.body.items[0]).toMatchObject({ id: b.id, status: 'paused', nextCheckIn: null });
    expect((await coordinator.get('/api/watches?status=gone')).status).toBe(400);

    const primary = await signIn(team.caseworker);
    expect(await ids(primary, '?mine=true')).toEqual([a.id]);
    expect(await ids(primary, '')).toEqual([a.id]);
    expect((await primary.get(`/api/watches/${b.id}`)).status).toBe(404);
    const both = await signIn(backup);
    expect(await ids(both, '?mine=true')).toEqual([a.id, b.id].sort());
    expect((await both.get<WatchEvent[]>(`/api/watches/${a.id}/events`)).status).toBe(200);
  });

  it('changes caseworkers and cadence with events, newest first', async () => {
    const { team, backup, coordinator, body } = await setUp();
    const watch = (await coordinator.post<Watch>('/api/watches', body)).body;
    const changed = await patch<Watch>(coordinator, `/api/watches/${watch.id}`, {
      primaryCaseworkerId: backup.id,
      backupCaseworkerId: null,
      intervalDays: 21,
      agreements: 'Elke maand bellen',
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({
      primaryCaseworker: { id: backup.id },
      backupCaseworker: null,
      cadence: { intervalDays: 21, minIntervalDays: 7, maxIntervalDays: 28 },
      agreements: 'Elke maand bellen',
    });
    // The planned check-in follows the new primary caseworker.
    const [planned]: Array<{ caseworker_id: string }> = await t.dataSource.query(
      `SELECT caseworker_id FROM check_ins WHERE watch_id = $1 AND status = 'planned'`,
      [watch.id],
    );
    expect(planned.caseworker_id).toBe(backup.id);

    const events = await coordinator.get<WatchEvent[]>(`/api/watches/${watch.id}/events`);
    expect(events.body.map((e) => e.type)).toEqual([
      'updated',
      'cadence_changed',
      'caseworkers_changed',
      'created',
    ]);
    expect(events.body[2]).toMatchObject({
      actor: { id: team.coordinator.id },
      details: { to: { primaryCaseworkerId: backup.id, backupCaseworkerId: null } },
    });

    const bad = await patch<{ errors: Array<{ field: string }> }>(coordinator, `/api/watches/${watch.id}`, {
      intervalDays: 40,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('maxIntervalDays');
    expect((await patch(coordinator, `/api/watches/${watch.id}`, { clientId: body.clientId })).status).toBe(
      400,
    );
  });

  it('pauses, resumes, ends and reopens, answering 409 when not allowed', async () => {
    const { team, coordinator, body } = await setUp();
    const watch = (await coordinator.post<Watch>('/api/watches', body)).body;
    const act = (action: string, reqBody: Record<string, unknown> = {}) =>
      coordinator.post<Watch & { type?: string }>(`/api/watches/${watch.id}/${action}`, reqBody);

    expect((await act('resume')).status).toBe(409);
    expect((await act('reopen')).status).toBe(409);
    const paused = await act('pause', { reason: 'Op vakantie' });
    expect(paused.status).toBe(200);
    expect(paused.body).toMatchObject({ status: 'paused', nextCheckIn: null });
    expect((await act('pause')).status).toBe(409);
    const resumed = await act('resume');
    expect(resumed.body.status).toBe('active');
    const today = calendar.today(new Date());
    expect(resumed.body.nextCheckIn?.dueDate).toBe(calendar.nextDueDate(today, 14));

    const noReason = await coordinator.post<{ errors: Array<{ field: string }> }>(
      `/api/watches/${watch.id}/end`,
      { reason: 'bored' },
    );
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors[0].field).toBe('reason');
    const ended = await act('end', { reason: 'moved_away' });
    expect(ended.body).toMatchObject({ status: 'ended', endReason: 'moved_away', nextCheckIn: null });
    expect(ended.body.endedAt).not.toBeNull();
    for (const action of ['end', 'pause', 'resume']) {
      const refused = await act(action, { reason: 'other' });
      expect({ action, status: refused.status, type: refused.body.type }).toEqual({
        action,
        status: 409,
        type: PROBLEM_TYPES.conflict,
      });
    }
    expect((await patch(coordinator, `/api/watches/${watch.id}`, { agreements: 'x' })).status).toBe(409);
    const reopened = await act('reopen', { reason: 'Terugval' });
    expect(reopened.body).toMatchObject({ status: 'active', endedAt: null, endReason: null });
    expect(reopened.body.nextCheckIn).not.toBeNull();

    const events = await coordinator.get<WatchEvent[]>(`/api/watches/${watch.id}/events`);
    expect(events.body.map((e) => e.type)).toEqual(['reopened', 'ended', 'resumed', 'paused', 'created']);
    expect(events.body[1]).toMatchObject({ reason: 'moved_away', actor: { id: team.coordinator.id } });
    expect(events.body[3].reason).toBe('Op vakantie');
    expect((await coordinator.post(`/api/watches/${watch.id}/explode`, {})).status).toBe(404);
  });

  it('refuses reopening after the reopen period and a second open watch for the client', async () => {
    const { team, coordinator, client } = await setUp();
    const old = await createWatch(t.dataSource, team.organisation.id, client.id, team.caseworker.id, {
      status: 'ended',
      endedAt: new Date(Date.now() - 400 * 86_400_000),
    });
    const late = await coordinator.post(`/api/watches/${old.id}/reopen`, {});
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ detail: expect.stringMatching(/reopen period/) });

    const recent = await createWatch(t.dataSource, team.organisation.id, client.id, team.caseworker.id, {
      status: 'ended',
    });
    await createWatch(t.dataSource, team.organisation.id, client.id, team.caseworker.id);
    expect((await coordinator.post(`/api/watches/${recent.id}/reopen`, {})).status).toBe(409);
  });

  it("answers 404 for another organisation's watch, 403 for partners and for caseworkers' changes", async () => {
    const { team, coordinator, body } = await setUp();
    const other = await createTeam(t.dataSource);
    const foreignClient = await createClient(t.dataSource, other.organisation.id, other.coordinator.id);
    const foreign = await createWatch(
      t.dataSource,
      other.organisation.id,
      foreignClient.id,
      other.caseworker.id,
    );
    expect((await coordinator.get(`/api/watches/${foreign.id}`)).status).toBe(404);
    expect((await coordinator.get(`/api/watches/${foreign.id}/events`)).status).toBe(404);
    expect((await patch(coordinator, `/api/watches/${foreign.id}`, { agreements: 'x' })).status).toBe(404);
    expect((await coordinator.post(`/api/watches/${foreign.id}/end`, { reason: 'other' })).status).toBe(404);
    expect((await coordinator.get(`/api/watches/not-a-uuid`)).status).toBe(400);

    const watch = (await coordinator.post<Watch>('/api/watches', body)).body;
    const caseworker = await signIn(team.caseworker);
    expect((await caseworker.post('/api/watches', body)).status).toBe(403);
    expect((await caseworker.post(`/api/watches/${watch.id}/pause`, {})).status).toBe(403);
    expect((await patch(caseworker, `/api/watches/${watch.id}`, { agreements: 'x' })).status).toBe(403);

    const { user } = await createPartnerUser(t.dataSource, team.organisation.id);
    const partner = await signIn(user);
    expect((await partner.get('/api/watches')).status).toBe(403);
    expect((await partner.get(`/api/watches/${watch.id}`)).status).toBe(403);
    expect((await partner.get(`/api/watches/${watch.id}/events`)).status).toBe(403);
    expect((await partner.post(`/api/watches/${watch.id}/end`, { reason: 'other' })).status).toBe(403);
  });
});

describe("a client's watches over HTTP", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it("lists one client's watches in every status, newest first, and nobody else's", async () => {
    const team = await createTeam(t.dataSource);
    const client = await createClient(t.dataSource, team.organisation.id, team.coordinator.id);
    const otherClient = await createClient(t.dataSource, team.organisation.id, team.coordinator.id);
    const ended = await createWatch(t.dataSource, team.organisation.id, client.id, team.caseworker.id, {
      status: 'ended',
      endedAt: new Date(Date.now() - 86_400_000),
    });
    const current = await createWatch(t.dataSource, team.organisation.id, client.id, team.caseworker.id);
    await createWatch(t.dataSource, team.organisation.id, otherClient.id, team.caseworker.id);

    const browser = t.client();
    await browser.login(team.coordinator.email, team.coordinator.password);
    const page = await browser.get<Page<Watch>>(`/api/watches?clientId=${client.id}`);
    expect(page.status).toBe(200);
    expect(page.body.total).toBe(2);
    expect(page.body.items.map((w) => w.id)).toEqual([current.id, ended.id]);
    expect(page.body.items.map((w) => w.status)).toEqual(['active', 'ended']);

    expect((await browser.get('/api/watches?clientId=not-a-uuid')).status).toBe(400);
  });
});
