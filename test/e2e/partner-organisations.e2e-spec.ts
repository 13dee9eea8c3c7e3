import type { PartnerOrganisationSummary } from '@waakvlam/contracts';
import { createPartnerOrganisation, createPartnerUser, createTeam } from '../support/factories';
import { startTestApp, type TestApp } from '../support/test-app';

describe('partner organisations over HTTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it("lists your own organisation's partners to staff, by name, and nobody else's", async () => {
    const team = await createTeam(t.dataSource);
    const other = await createTeam(t.dataSource);
    const police = await createPartnerOrganisation(t.dataSource, team.organisation.id, 'police');
    const housing = await createPartnerOrganisation(
      t.dataSource,
      team.organisation.id,
      'housing_corporation',
    );
    await createPartnerOrganisation(t.dataSource, other.organisation.id, 'debt_help');

    for (const user of [team.admin, team.coordinator, team.caseworker]) {
      const browser = t.client();
      await browser.login(user.email, user.password);
      const list = await browser.get<PartnerOrganisationSummary[]>('/api/partner-organisations');
      expect(list.status).toBe(200);
      expect(list.body).toEqual(
        [
          { id: police.id, name: police.name, kind: 'police' },
          { id: housing.id, name: housing.name, kind: 'housing_corporation' },
        ].sort((a, b) => a.name.localeCompare(b.name)),
      );
    }
  });

  it('is not for partner users or anonymous callers', async () => {
    const team = await createTeam(t.dataSource);
    const { user } = await createPartnerUser(t.dataSource, team.organisation.id);
    const browser = t.client();
    await browser.login(user.email, user.password);
    expect((await browser.get('/api/partner-organisations')).status).toBe(403);
    expect((await t.client().get('/api/partner-organisations')).status).toBe(401);
  });
});
