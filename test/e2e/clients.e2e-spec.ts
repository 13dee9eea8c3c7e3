import { PROBLEM_TYPES, type Client, type ClientSummary, type Page } from '@waakvlam/contracts';
import {
  createClient,
  createPartnerOrganisation,
  createPartnerUser,
  createTeam,
  createUser,
  createWatch,
} from '../support/factories';
import type { HttpClient } from '../support/http-client';
import { startTestApp, type TestApp } from '../support/test-app';

const newClient = (overrides: Record<string, unknown> = {}) => ({
  reference: `WV-${Math.random().toString(36).slice(2, 10)}`,
  name: 'Henk de Boer',
  email: 'Henk@Example.nl',
  phone: '06 12345678',
  preferredChannel: 'phone',
  postcode: '3511 ab',
  houseNumber: '12a',
  neighbourhood: 'Binnenstad',
  dateOfBirth: '1950-04-01',
  consent: { legalBasis: 'consent', emailReminders: true },
  ...overrides,
});

describe('clients over HTTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const signIn = (user: { email: string; password: string }): Promise<HttpClient> => t.signIn(user);
  const patch = <T>(browser: HttpClient, path: string, body: unknown) =>
    browser.request<T>('PATCH', path, body, {}, true);

  it('creates a client with a normalised postcode, reads it and stamps the consent', async () => {
    const team = await createTeam(t.dataSource);
    const partner = await createPartnerOrganisation(t.dataSource, team.organisation.id);
    const browser = await signIn(team.coordinator);
    const created = await browser.post<Client>(
      '/api/clients',
      newClient({
        consent: { legalBasis: 'consent', emailReminders: true, sharingPartnerIds: [partner.id] },
      }),
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'Henk de Boer',
      email: 'henk@example.nl',
      postcode: '3511AB',
      houseNumber: '12a',
      dateOfBirth: '1950-04-01',
      openWatch: null,
      consent: {
        legalBasis: 'consent',
        emailReminders: true,
        sharingPartnerIds: [partner.id],
        recordedBy: { id: team.coordinator.id },
      },
    });
    const read = await browser.get<Client>(`/api/clients/${created.body.id}`);
    expect(read.status).toBe(200);
    expect(read.body).toEqual(created.body);
  });

  it.each([
    ['postcode', { postcode: '0123AB' }],
    ['email', { email: 'not-an-email' }],
    ['phone', { phone: '+1 202 555 0100x' }],
    ['dateOfBirth', { dateOfBirth: '2999-01-01' }],
    ['dateOfBirth', { dateOfBirth: '1950-02-30' }],
    ['preferredChannel', { preferredChannel: 'pigeon' }],
    ['reference', { reference: '' }],
    ['consent.legalBasis', { consent: { legalBasis: 'whim', emailReminders: false } }],
    ['consent', { consent: undefined }],
    ['organisationId', { organisationId: '00000000-0000-4000-8000-000000000000' }],
  ])('refuses a wrong %s with a 400 naming it', async (field, overrides) => {
    const team = await createTeam(t.dataSource);
    const browser = await signIn(team.admin);
    const response = await browser.post<{ type: string; errors: Array<{ field: string }> }>(
      '/api/clients',
      newClient(overrides),
    );
    expect(response.status).toBe(400);
    expect(response.body.type).toBe(PROBLEM_TYPES.validation);
    expect(response.body.errors.map((e) => e.field)).toContain(field);
  });

  it("refuses sharing with another organisation's partner, naming the field", async () => {
    const team = await createTeam(t.dataSource);
    const other = await createTeam(t.dataSource);
    const foreign = await createPartnerOrganisation(t.dataSource, other.organisation.id);
    const browser = await signIn(team.coordinator);
    const response = await browser.post<{ errors: Array<{ field: string }> }>(
      '/api/clients',
      newClient({
        consent: { legalBasis: 'consent', emailReminders: false, sharingPartnerIds: [foreign.id] },
      }),
    );
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([expect.objectContaining({ field: 'consent.sharingPartnerIds' })]);
  });

  it('answers 409 for a duplicate reference within the organisation, but not across organisations', async () => {
    const team = await createTeam(t.dataSource);
    const other = await createTeam(t.dataSource);
    const body = newClient();
    const browser = await signIn(team.coordinator);
    expect((await browser.post('/api/clients', body)).status).toBe(201);
    const again = await browser.post('/api/clients', body);
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ type: PROBLEM_TYPES.conflict });
    expect((await (await signIn(other.coordinator)).post('/api/clients', body)).status).toBe(201);
  });

  it('searches name, reference and postcode, ignoring case, with pages and the open watch', async () => {
    const team = await createTeam(t.dataSource);
    const a = await createClient(t.dataSource, team.organisation.id, team.coordinator.id, {
      name: 'Anna Jansen',
      reference: 'ZX-100',
      postcode: '3512CD',
    });
    await createClient(t.dataSource, team.organisation.id, team.coordinator.id, {
      name: 'Bert Visser',
      reference: 'ZX-200',
      postcode: '3600EF',
    });
    const watch = await createWatch(t.dataSource, team.organisation.id, a.id, team.caseworker.id, {
      status: 'paused',
    });
    const browser = await signIn(team.coordinator);
    const names = async (q: string) =>
      (await browser.get<Page<ClientSummary>>(`/api/clients?q=${encodeURIComponent(q)}`)).body.items.map(
        (c) => c.name,
      );
    expect(await names('JANSEN')).toEqual(['Anna Jansen']);
    expect(await names('zx-2')).toEqual(['Bert Visser']);
    expect(await names('3512 cd')).toEqual(['Anna Jansen']);
    expect(await names('%')).toEqual([]);
    const page = await browser.get<Page<ClientSummary>>('/api/clients?pageSize=1&page=1');
    expect(page.body).toMatchObject({ total: 2, pageSize: 1, page: 1 });
    expect(page.body.items[0]).toMatchObject({
      name: 'Anna Jansen',
      openWatch: { id: watch.id, status: 'paused' },
    });
    expect((await browser.get('/api/clients?pageSize=101')).status).toBe(400);
    // 1e308 is an integer to JavaScript; its offset is not one to PostgreSQL (found by the input fuzzing).
    expect((await browser.get('/api/clients?page=1e%2B308')).status).toBe(400);
  });

  it('re-stamps a changed consent with the session user and keeps an unchanged one', async () => {
    const team = await createTeam(t.dataSource);
    const partner = await createPartnerOrganisation(t.dataSource, team.organisation.id);
    const created = await (await signIn(team.coordinator)).post<Client>('/api/clients', newClient());
    const admin = await signIn(team.admin);
    const renamed = await patch<Client>(admin, `/api/clients/${created.body.id}`, {
      name: 'Henk de Boer-Smit',
      postcode: '1011 ac',
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: 'Henk de Boer-Smit', postcode: '1011AC' });
    expect(renamed.body.consent).toEqual(created.body.consent);

    const changed = await patch<Client>(admin, `/api/clients/${created.body.id}`, {
      consent: { legalBasis: 'wmo_task', emailReminders: false, sharingPartnerIds: [partner.id] },
    });
    expect(changed.status).toBe(200);
    expect(changed.body.consent).toMatchObject({
      legalBasis: 'wmo_task',
      emailReminders: false,
      sharingPartnerIds: [partner.id],
      recordedBy: { id: team.admin.id },
    });
    expect(Date.parse(changed.body.consent.recordedAt)).toBeGreaterThan(
      Date.parse(created.body.consent.recordedAt),
    );

    const bad = await patch<{ errors: Array<{ field: string }> }>(admin, `/api/clients/${created.body.id}`, {
      name: null,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('name');
  });

  it("answers 404 for another organisation's client and lets caseworkers read only their own", async () => {
    const team = await createTeam(t.dataSource);
    const other = await createTeam(t.dataSource);
    const backup = await createUser(t.dataSource, team.organisation.id, { role: 'caseworker' });
    const stranger = await createUser(t.dataSource, team.organisation.id, { role: 'caseworker' });
    const mine = await createClient(t.dataSource, team.organisation.id, team.coordinator.id);
    await createClient(t.dataSource, team.organisation.id, team.coordinator.id);
    await createWatch(t.dataSource, team.organisation.id, mine.id, team.caseworker.id, {
      backupCaseworkerId: backup.id,
    });
    const foreign = await createClient(t.dataSource, other.organisation.id, other.coordinator.id);

    const coordinator = await signIn(team.coordinator);
    expect((await coordinator.get(`/api/clients/${foreign.id}`)).status).toBe(404);
    expect((await patch(coordinator, `/api/clients/${foreign.id}`, { name: 'X' })).status).toBe(404);

    for (const user of [team.caseworker, backup]) {
      const browser = await signIn(user);
      expect((await browser.get(`/api/clients/${mine.id}`)).status).toBe(200);
      const list = await browser.get<Page<ClientSummary>>('/api/clients');
      expect(list.body.items.map((c) => c.id)).toEqual([mine.id]);
      expect((await browser.post('/api/clients', newClient())).status).toBe(403);
      expect((await patch(browser, `/api/clients/${mine.id}`, { name: 'X' })).status).toBe(403);
    }
    const outsider = await signIn(stranger);
    expect((await outsider.get(`/api/clients/${mine.id}`)).status).toBe(404);
    expect((await outsider.get<Page<ClientSummary>>('/api/clients')).body.total).toBe(0);
  });

  it('refuses partners and anonymous callers', async () => {
    const team = await createTeam(t.dataSource);
    const { user } = await createPartnerUser(t.dataSource, team.organisation.id);
    const client = await createClient(t.dataSource, team.organisation.id, team.coordinator.id);
    const partner = await signIn(user);
    expect((await partner.get('/api/clients')).status).toBe(403);
    expect((await partner.get(`/api/clients/${client.id}`)).status).toBe(403);
    expect((await partner.post('/api/clients', newClient())).status).toBe(403);
    expect((await t.client().get('/api/clients')).status).toBe(401);
  });

  it('documents every new route in the OpenAPI document', async () => {
    const doc = await t.client().get<{ paths: Record<string, Record<string, unknown>> }>('/api/openapi.json');
    expect(doc.status).toBe(200);
    const routes = Object.entries(doc.body.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(routes).toEqual(
      expect.arrayContaining([
        'GET /api/clients',
        'POST /api/clients',
        'GET /api/clients/{id}',
        'PATCH /api/clients/{id}',
        'GET /api/watches',
        'POST /api/watches',
        'GET /api/watches/{id}',
        'PATCH /api/watches/{id}',
        'GET /api/watches/{id}/events',
        'POST /api/watches/{id}/{action}',
        'GET /api/check-ins',
        'POST /api/check-ins/{id}/complete',
      ]),
    );
  });
});
