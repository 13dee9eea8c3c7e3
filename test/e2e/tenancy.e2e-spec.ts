import { PROBLEM_TYPES } from '@waakvlam/contracts';
import { createPartnerUser, createTeam } from '../support/factories';
import { startTestApp, type TestApp } from '../support/test-app';

describe('organisation isolation and roles', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it("never shows another organisation's data", async () => {
    const a = await createTeam(t.dataSource);
    const b = await createTeam(t.dataSource);
    const browser = t.client();
    await browser.login(a.coordinator.email, a.coordinator.password);

    const list = await browser.get<{ items: Array<{ id: string }>; total: number }>(
      '/api/users?pageSize=100',
    );
    expect(list.status).toBe(200);
    expect(list.body.items.map((u) => u.id).sort()).toEqual(
      [a.admin.id, a.coordinator.id, a.caseworker.id].sort(),
    );
    expect(list.body.total).toBe(3);

    const own = await browser.get(`/api/users/${a.caseworker.id}`);
    expect(own.status).toBe(200);
    const other = await browser.get(`/api/users/${b.caseworker.id}`);
    expect(other.status).toBe(404);
    expect(other.body).toMatchObject({ type: PROBLEM_TYPES.notFound });

    // The organisation comes from the session; a request cannot choose it.
    const smuggled = await browser.get(`/api/users?organisationId=${b.organisation.id}`);
    expect(smuggled.status).toBe(400);
    expect(smuggled.body).toMatchObject({ errors: [{ field: 'organisationId' }] });
  });

  it('lets only the roles a route names use it', async () => {
    const team = await createTeam(t.dataSource);
    const { user: partnerUser } = await createPartnerUser(t.dataSource, team.organisation.id);

    const statuses: Record<string, number> = {};
    for (const user of [team.admin, team.coordinator, team.caseworker, partnerUser]) {
      const browser = t.client();
      await browser.login(user.email, user.password);
      statuses[user.role] = (await browser.get('/api/users')).status;
    }
    expect(statuses).toEqual({ admin: 200, coordinator: 200, caseworker: 403, partner: 403 });
    expect((await t.client().get('/api/users')).status).toBe(401);
  });

  it('shows a partner user its partner organisation', async () => {
    const team = await createTeam(t.dataSource);
    const { user: partnerUser, partner } = await createPartnerUser(
      t.dataSource,
      team.organisation.id,
      'police',
    );
    const browser = t.client();
    await browser.login(partnerUser.email, partnerUser.password);
    const me = await browser.get('/api/auth/me');
    expect(me.body).toMatchObject({
      role: 'partner',
      partnerOrganisation: { id: partner.id, name: partner.name, kind: 'police' },
    });
  });

  it('pages lists and refuses a page size over 100', async () => {
    const team = await createTeam(t.dataSource);
    const browser = t.client();
    await browser.login(team.admin.email, team.admin.password);
    const page2 = await browser.get<{ items: unknown[]; page: number; pageSize: number; total: number }>(
      '/api/users?page=2&pageSize=2',
    );
    expect(page2.body).toMatchObject({ page: 2, pageSize: 2, total: 3 });
    expect(page2.body.items).toHaveLength(1);
    expect((await browser.get('/api/users?pageSize=101')).status).toBe(400);
  });
});
