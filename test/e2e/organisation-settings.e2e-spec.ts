import { PROBLEM_TYPES, type OrganisationSettings, type Watch } from '@waakvlam/contracts';
import { createClient, createTeam } from '../support/factories';
import type { HttpClient } from '../support/http-client';
import { startTestApp, type TestApp } from '../support/test-app';

describe('organisation settings over HTTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const signIn = (user: { email: string; password: string }): Promise<HttpClient> => t.signIn(user);
  const put = <T>(browser: HttpClient, body: unknown) =>
    browser.request<T>('PUT', '/api/organisation/settings', body, {}, true);

  it('lets an admin set extra days off, which new check-ins then skip', async () => {
    const team = await createTeam(t.dataSource);
    const other = await createTeam(t.dataSource);
    const admin = await signIn(team.admin);

    const saved = await put<OrganisationSettings>(admin, {
      extraDaysOff: ['2027-05-05', '2027-04-30', '2027-05-05'],
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toEqual({ timeZone: 'Europe/Amsterdam', extraDaysOff: ['2027-04-30', '2027-05-05'] });

    const coordinator = await signIn(team.coordinator);
    expect(
      (await coordinator.get<OrganisationSettings>('/api/organisation/settings')).body.extraDaysOff,
    ).toEqual(['2027-04-30', '2027-05-05']);
    const otherAdmin = await signIn(other.admin);
    expect(
      (await otherAdmin.get<OrganisationSettings>('/api/organisation/settings')).body.extraDaysOff,
    ).toEqual([]);

    // 21 April 2027 + 14 days is Wednesday 5 May 2027, now a day off; Thursday 6 May is Ascension Day (a public
    // holiday), so the check-in moves to Friday 7 May.
    const client = await createClient(t.dataSource, team.organisation.id, team.coordinator.id);
    const watch = await coordinator.post<Watch>('/api/watches', {
      clientId: client.id,
      primaryCaseworkerId: team.caseworker.id,
      intervalDays: 14,
      contactMode: 'phone',
      startDate: '2027-04-21',
    });
    expect(watch.status).toBe(201);
    expect(watch.body.nextCheckIn?.dueDate).toBe('2027-05-07');
  });

  it('refuses other roles and malformed dates, naming the field', async () => {
    const team = await createTeam(t.dataSource);
    expect((await put(await signIn(team.coordinator), { extraDaysOff: [] })).status).toBe(403);

    const admin = await signIn(team.admin);
    const bad = await put<{ type: string; errors: Array<{ field: string }> }>(admin, {
      extraDaysOff: ['2027-02-30'],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.type).toBe(PROBLEM_TYPES.validation);
    expect(bad.body.errors.map((e) => e.field)).toEqual(['extraDaysOff']);
    expect((await put(admin, { extraDaysOff: '2027-05-05' })).status).toBe(400);
  });
});
