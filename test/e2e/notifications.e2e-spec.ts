import type { NotificationSummary, Page } from '@waakvlam/contracts';
import { createNotification, createTeam } from '../support/factories';
import { startTestApp, type TestApp } from '../support/test-app';

describe('notifications over HTTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('lists the outbox newest first, filtered by status', async () => {
    const team = await createTeam(t.dataSource);
    const org = team.organisation.id;
    const old = await createNotification(t.dataSource, org, {
      status: 'dead',
      createdAt: new Date(Date.now() - 60_000),
    });
    const sent = await createNotification(t.dataSource, org, { status: 'sent' });
    const recent = await createNotification(t.dataSource, org, { status: 'dead' });
    const coordinator = await t.signIn(team.coordinator);

    const all = await coordinator.get<Page<NotificationSummary>>('/api/notifications');
    expect(all.status).toBe(200);
    expect(all.body.items.map((n) => n.id)).toEqual([recent.id, sent.id, old.id]);
    expect(all.body).toMatchObject({ page: 1, total: 3 });

    const dead = await coordinator.get<Page<NotificationSummary>>(
      '/api/notifications?status=dead&pageSize=1',
    );
    expect(dead.body).toMatchObject({ total: 2, pageSize: 1 });
    expect(dead.body.items).toEqual([
      expect.objectContaining({
        id: recent.id,
        status: 'dead',
        attempts: 8,
        lastError: '550 mailbox unavailable',
      }),
    ]);
    expect((await coordinator.get('/api/notifications?status=lost')).status).toBe(400);
  });

  it('retries a dead notification, refuses the others, and hides other organisations', async () => {
    const team = await createTeam(t.dataSource);
    const dead = await createNotification(t.dataSource, team.organisation.id, { status: 'dead' });
    const sent = await createNotification(t.dataSource, team.organisation.id, { status: 'sent' });
    const admin = await t.signIn(team.admin);

    const retried = await admin.post<NotificationSummary>(`/api/notifications/${dead.id}/retry`, {});
    expect(retried.status).toBe(200);
    expect(retried.body).toMatchObject({ id: dead.id, status: 'pending', attempts: 0 });
    expect((await admin.post(`/api/notifications/${dead.id}/retry`, {})).status).toBe(409);
    expect((await admin.post(`/api/notifications/${sent.id}/retry`, {})).status).toBe(409);

    const other = await createTeam(t.dataSource);
    const theirs = await createNotification(t.dataSource, other.organisation.id, { status: 'dead' });
    expect((await admin.post(`/api/notifications/${theirs.id}/retry`, {})).status).toBe(404);
    const list = await admin.get<Page<NotificationSummary>>('/api/notifications');
    expect(list.body.items.map((n) => n.id)).not.toContain(theirs.id);

    const caseworker = await t.signIn(team.caseworker);
    expect((await caseworker.get('/api/notifications')).status).toBe(403);
    expect((await caseworker.post(`/api/notifications/${dead.id}/retry`, {})).status).toBe(403);
  });
});
