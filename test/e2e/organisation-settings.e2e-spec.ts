import {
  PROBLEM_TYPES,
  REACTIVATIONS_PATH,
  type OrganisationSettings,
  type ReactivationCreated,
  type Watch,
} from '@waakvlam/contracts';
import { WorkingCalendar } from '@waakvlam/schedule';
import { createClient, createTeam } from '../support/factories';
import { createReactivationScenario } from '../support/reactivation-factories';
import type { HttpClient } from '../support/http-client';
import { startTestApp, type TestApp } from '../support/test-app';

/** The SLA settings every organisation starts with (migration 1795430000000). */
const DEFAULT_SLA = {
  slaUrgentWorkingHours: 4,
  slaNormalWorkingHours: 16,
  workingHoursStart: '09:00',
  workingHoursEnd: '17:00',
};

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
      ...DEFAULT_SLA,
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
      ...DEFAULT_SLA,
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

  it('lets an admin set the reactivation SLA and working day, which new requests then count in', async () => {
    const s = await createReactivationScenario(t.dataSource);
    const other = await createTeam(t.dataSource);
    const admin = await signIn(s.admin);
    expect((await admin.get<OrganisationSettings>('/api/organisation/settings')).body).toMatchObject(
      DEFAULT_SLA,
    );

    const saved = await put<OrganisationSettings>(admin, {
      slaUrgentWorkingHours: 2,
      slaNormalWorkingHours: 80,
      workingHoursStart: '08:30',
      workingHoursEnd: '16:30',
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({
      slaUrgentWorkingHours: 2,
      slaNormalWorkingHours: 80,
      workingHoursStart: '08:30',
      workingHoursEnd: '16:30',
      extraDaysOff: [],
      discreetSenderName: null,
    });
    // Fields not sent keep their value; staff read them; another organisation is untouched.
    const onlyUrgent = await put<OrganisationSettings>(admin, { slaUrgentWorkingHours: 1 });
    expect(onlyUrgent.body).toMatchObject({ slaUrgentWorkingHours: 1, slaNormalWorkingHours: 80 });
    expect(
      (await (await signIn(s.caseworker)).get<OrganisationSettings>('/api/organisation/settings')).body,
    ).toMatchObject({ slaUrgentWorkingHours: 1, workingHoursStart: '08:30', workingHoursEnd: '16:30' });
    expect(
      (await (await signIn(other.admin)).get<OrganisationSettings>('/api/organisation/settings')).body,
    ).toMatchObject(DEFAULT_SLA);
    // Only the start moves: checked against the stored end.
    expect((await put<OrganisationSettings>(admin, { workingHoursStart: '15:30' })).body).toMatchObject({
      workingHoursStart: '15:30',
      workingHoursEnd: '16:30',
    });

    // A request opened now counts in the new settings: urgent is one working hour of 15:30–16:30.
    const calendar = new WorkingCalendar({ timeZone: 'Europe/Amsterdam' });
    const coordinator = await signIn(s.coordinator);
    const created = await coordinator.post<ReactivationCreated>(REACTIVATIONS_PATH, {
      watchId: s.watchId,
      urgency: 'urgent',
      reason: 'Test van de termijn',
    });
    expect(created.status).toBe(201);
    const dueAt = new Date(created.body.request.slaDueAt);
    const createdAt = new Date(created.body.request.createdAt);
    const dueDate = calendar.today(dueAt);
    expect(calendar.isWorkingDay(dueDate)).toBe(true);
    const open = calendar.instantAt(dueDate, '15:30').getTime();
    const close = calendar.instantAt(dueDate, '16:30').getTime();
    expect(dueAt.getTime()).toBeGreaterThan(open);
    expect(dueAt.getTime()).toBeLessThanOrEqual(close);
    expect(dueAt.getTime() - createdAt.getTime()).toBeGreaterThanOrEqual(3_600_000 - 1_000);
  });

  it('refuses SLA hours outside 1–80, a time that is not HH:mm, and a working day shorter than an hour', async () => {
    const team = await createTeam(t.dataSource);
    expect((await put(await signIn(team.coordinator), { slaUrgentWorkingHours: 8 })).status).toBe(403);

    const admin = await signIn(team.admin);
    const fieldsOf = async (body: unknown): Promise<string[]> => {
      const response = await put<{ type: string; errors: Array<{ field: string }> }>(admin, body);
      expect([body, response.status]).toEqual([body, 400]);
      expect(response.body.type).toBe(PROBLEM_TYPES.validation);
      return [...new Set(response.body.errors.map((e) => e.field))];
    };
    expect(await fieldsOf({ slaUrgentWorkingHours: 0 })).toEqual(['slaUrgentWorkingHours']);
    expect(await fieldsOf({ slaUrgentWorkingHours: 81 })).toEqual(['slaUrgentWorkingHours']);
    expect(await fieldsOf({ slaNormalWorkingHours: 2.5 })).toEqual(['slaNormalWorkingHours']);
    expect(await fieldsOf({ slaNormalWorkingHours: '16' })).toEqual(['slaNormalWorkingHours']);
    expect(await fieldsOf({ slaNormalWorkingHours: null })).toEqual(['slaNormalWorkingHours']);
    expect(await fieldsOf({ workingHoursStart: '9:00' })).toEqual(['workingHoursStart']);
    expect(await fieldsOf({ workingHoursStart: '24:00' })).toEqual(['workingHoursStart']);
    expect(await fieldsOf({ workingHoursEnd: '17:00:00' })).toEqual(['workingHoursEnd']);
    expect(await fieldsOf({ workingHoursEnd: 17 })).toEqual(['workingHoursEnd']);
    // Start after end, or a working day under an hour: against the other time as sent or stored.
    expect(await fieldsOf({ workingHoursStart: '17:00', workingHoursEnd: '09:00' })).toEqual([
      'workingHoursEnd',
    ]);
    expect(await fieldsOf({ workingHoursStart: '12:00', workingHoursEnd: '12:30' })).toEqual([
      'workingHoursEnd',
    ]);
    expect(await fieldsOf({ workingHoursEnd: '08:00' })).toEqual(['workingHoursEnd']);
    expect(await fieldsOf({ workingHoursStart: '16:30' })).toEqual(['workingHoursStart']);

    // Nothing changed by the refused requests, not even the valid fields sent along.
    expect(await fieldsOf({ slaUrgentWorkingHours: 6, workingHoursEnd: '08:00' })).toEqual([
      'workingHoursEnd',
    ]);
    expect((await admin.get<OrganisationSettings>('/api/organisation/settings')).body).toMatchObject(
      DEFAULT_SLA,
    );
    // Exactly an hour is enough.
    expect(
      (await put<OrganisationSettings>(admin, { workingHoursStart: '16:00' })).body.workingHoursStart,
    ).toBe('16:00');
  });
});
