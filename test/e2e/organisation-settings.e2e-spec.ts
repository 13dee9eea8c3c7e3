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
    expect(saved.body).toEqual({
      timeZone: 'Europe/Amsterdam',
      extraDaysOff: ['2027-04-30', '2027-05-05'],
      discreetSenderName: null,
      clientNamesInEmail: false,
    });

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

  it('lets an admin set the e-mail settings; fields not sent keep their value', async () => {
    const team = await createTeam(t.dataSource);
    const other = await createTeam(t.dataSource);
    const admin = await signIn(team.admin);
    expect((await admin.get<OrganisationSettings>('/api/organisation/settings')).body).toMatchObject({
      discreetSenderName: null,
      clientNamesInEmail: false,
    });
    await put(admin, { extraDaysOff: ['2027-05-05'] });

    const saved = await put<OrganisationSettings>(admin, {
      discreetSenderName: '  Team Noord  ',
      clientNamesInEmail: true,
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toEqual({
      timeZone: 'Europe/Amsterdam',
      extraDaysOff: ['2027-05-05'],
      discreetSenderName: 'Team Noord',
      clientNamesInEmail: true,
    });
    // Staff read them; another organisation is untouched.
    const caseworker = await signIn(team.caseworker);
    expect((await caseworker.get<OrganisationSettings>('/api/organisation/settings')).body).toMatchObject({
      discreetSenderName: 'Team Noord',
      clientNamesInEmail: true,
    });
    expect(
      (await (await signIn(other.admin)).get<OrganisationSettings>('/api/organisation/settings')).body,
    ).toMatchObject({ discreetSenderName: null, clientNamesInEmail: false });

    const onlyDays = await put<OrganisationSettings>(admin, { extraDaysOff: [] });
    expect(onlyDays.body).toMatchObject({
      extraDaysOff: [],
      discreetSenderName: 'Team Noord',
      clientNamesInEmail: true,
    });

    // Empty (after trimming) or null turns discreet mode off.
    expect(
      (await put<OrganisationSettings>(admin, { discreetSenderName: '   ' })).body.discreetSenderName,
    ).toBeNull();
    await put(admin, { discreetSenderName: 'Team Zuid' });
    expect(
      (await put<OrganisationSettings>(admin, { discreetSenderName: null })).body.discreetSenderName,
    ).toBeNull();
    expect(
      (await put<OrganisationSettings>(admin, { clientNamesInEmail: false })).body.clientNamesInEmail,
    ).toBe(false);
    const [row]: Array<{ discreet_sender_name: string | null; client_names_in_email: boolean }> =
      await t.dataSource.query(
        `SELECT discreet_sender_name, client_names_in_email FROM organisations WHERE id = $1`,
        [team.organisation.id],
      );
    expect(row).toEqual({ discreet_sender_name: null, client_names_in_email: false });
  });

  it('refuses a sender name over 100 characters, a non-boolean, null where a value is needed, and others', async () => {
    const team = await createTeam(t.dataSource);
    expect((await put(await signIn(team.coordinator), { clientNamesInEmail: true })).status).toBe(403);
    expect((await put(await signIn(team.caseworker), { discreetSenderName: 'X' })).status).toBe(403);

    const admin = await signIn(team.admin);
    const fieldsOf = async (body: unknown): Promise<string[]> => {
      const response = await put<{ type: string; errors: Array<{ field: string }> }>(admin, body);
      expect(response.status).toBe(400);
      expect(response.body.type).toBe(PROBLEM_TYPES.validation);
      return [...new Set(response.body.errors.map((e) => e.field))];
    };
    expect(await fieldsOf({ discreetSenderName: 'x'.repeat(101) })).toEqual(['discreetSenderName']);
    expect(await fieldsOf({ discreetSenderName: 'Team\nNoord' })).toEqual(['discreetSenderName']);
    expect(await fieldsOf({ discreetSenderName: 42 })).toEqual(['discreetSenderName']);
    expect(await fieldsOf({ clientNamesInEmail: 'yes' })).toEqual(['clientNamesInEmail']);
    expect(await fieldsOf({ clientNamesInEmail: null })).toEqual(['clientNamesInEmail']);
    expect(await fieldsOf({ extraDaysOff: null })).toEqual(['extraDaysOff']);
    expect(await fieldsOf({ organisationId: team.organisation.id })).toEqual(['organisationId']);

    // 100 characters after trimming is fine.
    const longest = ` ${'x'.repeat(100)} `;
    const saved = await put<OrganisationSettings>(admin, { discreetSenderName: longest });
    expect(saved.status).toBe(200);
    expect(saved.body.discreetSenderName).toBe('x'.repeat(100));
    // Nothing changed by the refused requests.
    expect(saved.body.clientNamesInEmail).toBe(false);
  });
});
