import {
  API_PATHS,
  AUDIT_EVENTS_PATH,
  type AccessReport,
  type AuditEvent,
  type Client,
  type Page,
  clientAccessReportPath,
} from '@waakvlam/contracts';
import { createClient, createPartnerUser, createTeam, createWatch } from '../support/factories';
import type { HttpClient } from '../support/http-client';
import { waitUntil } from '../support/smtp-sink';
import { startTestApp, type TestApp } from '../support/test-app';

interface EventRow {
  seq: string;
  action: string;
  outcome: string;
  user_id: string | null;
  role: string | null;
  purpose: string | null;
  client_ids: string[];
  resource: string;
  ip: string | null;
  user_agent: string | null;
  source: string;
  details: Record<string, unknown> | null;
  occurred_at: Date;
}

const UA = { 'user-agent': 'audit-e2e/1.0' };

describe('the audit log over HTTP', () => {
  let t: TestApp;
  let team: Awaited<ReturnType<typeof createTeam>>;
  let coordinator: HttpClient;
  let caseworker: HttpClient;
  let mine: { id: string };
  let other: { id: string };

  beforeAll(async () => {
    t = await startTestApp();
    team = await createTeam(t.dataSource);
    mine = await createClient(t.dataSource, team.organisation.id, team.admin.id, { name: 'Aukje de Boer' });
    other = await createClient(t.dataSource, team.organisation.id, team.admin.id, { name: 'Bert Visser' });
    await createWatch(t.dataSource, team.organisation.id, mine.id, team.caseworker.id);
    coordinator = await t.signIn(team.coordinator);
    caseworker = await t.signIn(team.caseworker);
  });
  afterAll(() => t.close());

  /** The events about client data written since `after` (sign-ins are the accounts' own log). */
  const eventsSince = async (after: number): Promise<EventRow[]> =>
    t.dataSource.query(
      `SELECT seq::text AS seq, action, outcome, user_id, role, purpose, client_ids, resource, ip, user_agent, source,
         details, occurred_at
       FROM audit_events WHERE organisation_id = $1 AND seq > $2 AND action <> 'sign_in' ORDER BY audit_events.seq`,
      [team.organisation.id, after],
    );
  const head = async (): Promise<number> => {
    const [row]: Array<{ seq: string | null }> = await t.dataSource.query(
      `SELECT max(seq)::text AS seq FROM audit_events WHERE organisation_id = $1`,
      [team.organisation.id],
    );
    return Number(row.seq ?? 0);
  };
  /** Does `act`, then returns the one event it wrote (and fails when it wrote none or more). */
  const oneEventOf = async (
    act: () => Promise<{ status: number }>,
    status: number,
    { afterDownload = false } = {},
  ): Promise<EventRow> => {
    const before = await head();
    const started = Date.now();
    expect((await act()).status).toBe(status);
    // An export is recorded when its stream has ended, just after the last byte left.
    if (afterDownload)
      await waitUntil(async () => (await eventsSince(before)).length > 0, 5000, 'the export event');
    const events = await eventsSince(before);
    expect(events).toHaveLength(1);
    expect(events[0].occurred_at.getTime()).toBeGreaterThanOrEqual(started - 1000);
    return events[0];
  };

  it('a read of a client: one event with who, role, purpose, client, address and source', async () => {
    const event = await oneEventOf(() => coordinator.get(`${API_PATHS.clients}/${mine.id}`, UA), 200);
    expect(event).toMatchObject({
      action: 'read',
      outcome: 'success',
      user_id: team.coordinator.id,
      role: 'coordinator',
      purpose: 'care',
      client_ids: [mine.id],
      resource: 'clients.read',
      ip: '127.0.0.1',
      user_agent: 'audit-e2e/1.0',
      source: 'console',
    });
  });

  it('a search: one event with the clients of the rows returned', async () => {
    const event = await oneEventOf(() => coordinator.get(`${API_PATHS.clients}?q=visser`, UA), 200);
    expect(event).toMatchObject({ action: 'search', resource: 'clients.search', client_ids: [other.id] });
    expect(event.details).toEqual({ rows: 1 });
  });

  it('a create and an update: one event each, naming the client', async () => {
    let created: Client | undefined;
    const create = await oneEventOf(async () => {
      const response = await coordinator.post<Client>(API_PATHS.clients, {
        reference: `AU-${Math.random().toString(36).slice(2, 10)}`,
        name: 'Cor Jansen',
        preferredChannel: 'phone',
        postcode: '3511AB',
        houseNumber: '1',
        consent: { legalBasis: 'consent', emailReminders: false },
      });
      created = response.body;
      return response;
    }, 201);
    expect(create).toMatchObject({ action: 'create', resource: 'clients.create', client_ids: [created?.id] });

    const update = await oneEventOf(
      () =>
        coordinator.request(
          'PATCH',
          `${API_PATHS.clients}/${created?.id}`,
          { name: 'Cor Janssen' },
          {},
          true,
        ),
      200,
    );
    expect(update).toMatchObject({ action: 'update', outcome: 'success', client_ids: [created?.id] });
  });

  it('refused access: a client outside the caseload (404) and a role without access (403) are failures', async () => {
    const notMine = await oneEventOf(() => caseworker.get(`${API_PATHS.clients}/${other.id}`), 404);
    expect(notMine).toMatchObject({
      action: 'read',
      outcome: 'failure',
      user_id: team.caseworker.id,
      role: 'caseworker',
      client_ids: [other.id],
      details: { status: 404 },
    });

    const { user } = await createPartnerUser(t.dataSource, team.organisation.id);
    const partner = await t.signIn(user);
    const refused = await oneEventOf(() => partner.get(`${API_PATHS.clients}/${mine.id}`), 403);
    expect(refused).toMatchObject({
      outcome: 'failure',
      user_id: user.id,
      role: 'partner',
      resource: 'clients.read',
      client_ids: [mine.id],
      details: expect.objectContaining({ status: 403 }),
    });
  });

  it('a watch refused to a caseworker names its client, found in the same INSERT', async () => {
    const foreignWatch = await createWatch(t.dataSource, team.organisation.id, other.id, team.coordinator.id);
    const event = await oneEventOf(() => caseworker.get(`${API_PATHS.watches}/${foreignWatch.id}`), 404);
    expect(event).toMatchObject({ resource: 'watches.read', outcome: 'failure', client_ids: [other.id] });
  });

  it('an export: one event, with its purpose', async () => {
    const event = await oneEventOf(() => coordinator.get(`${API_PATHS.clients}/export.csv?q=visser`), 200, {
      afterDownload: true,
    });
    expect(event).toMatchObject({
      action: 'export',
      resource: 'clients.export',
      purpose: 'accountability',
      client_ids: [other.id],
    });
  });

  it('lists the log for coordinators with filters, and refuses caseworkers', async () => {
    const page = await coordinator.get<Page<AuditEvent>>(
      `${AUDIT_EVENTS_PATH}?clientId=${mine.id}&resource=clients&outcome=failure&pageSize=10`,
    );
    expect(page.status).toBe(200);
    expect(page.body.items.length).toBeGreaterThanOrEqual(1);
    for (const item of page.body.items) {
      expect(item.outcome).toBe('failure');
      expect(item.resource).toMatch(/^clients\./);
      expect(item.clients.map((c) => c.id)).toContain(mine.id);
    }
    expect(page.body.items.map((i) => i.role)).toContain('partner');
    expect((await caseworker.get(AUDIT_EVENTS_PATH)).status).toBe(403);
    expect((await coordinator.get(`${AUDIT_EVENTS_PATH}?resource=clients%25`)).status).toBe(400);
  });

  it('the access report tells the client, in plain Dutch, who used their data and why', async () => {
    const report = await caseworker.get<AccessReport>(clientAccessReportPath(mine.id));
    expect(report.status).toBe(200);
    expect(report.body.client.id).toBe(mine.id);
    expect(report.body.retentionYears).toBe(5);
    expect(report.body.entries).toContainEqual(
      expect.objectContaining({
        what: 'Heeft uw gegevens bekeken',
        role: 'regievoerder',
        why: 'Voor uw begeleiding',
        allowed: true,
      }),
    );
    expect(report.body.entries).toContainEqual(
      expect.objectContaining({ role: 'ketenpartner', allowed: false }),
    );
    // Another's client is not found, and asking is itself logged.
    const before = await head();
    expect((await caseworker.get(clientAccessReportPath(other.id))).status).toBe(404);
    expect(await eventsSince(before)).toEqual([
      expect.objectContaining({
        resource: 'clients.access-report',
        outcome: 'failure',
        client_ids: [other.id],
      }),
    ]);
  });
});
