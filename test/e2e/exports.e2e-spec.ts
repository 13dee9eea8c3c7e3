import {
  API_PATHS,
  CHECK_IN_OVERVIEW_EXPORT_PATH,
  CHECK_IN_OVERVIEW_PATH,
  REACTIVATIONS_PATH,
  SIGNALS_PATH,
  type Page,
} from '@waakvlam/contracts';
import { WorkingCalendar } from '@waakvlam/schedule';
import { createClient, createNotification, createOrganisation, createUser } from '../support/factories';
import {
  type DrillDownScenario,
  auditEventsOf,
  createDrillDownScenario,
  createManyClients,
} from '../support/drill-down-factories';
import type { HttpClient } from '../support/http-client';
import { waitUntil } from '../support/smtp-sink';
import { startTestApp, type TestApp } from '../support/test-app';

const BOM = '\uFEFF';
const cookieOf = (client: HttpClient): string => [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');

/** A small RFC 4180 reader with `;` as separator, enough to read back what the export wrote. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ';') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += 1;
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

const EXPORTS = [
  { path: `${API_PATHS.clients}/export.csv`, list: 'inwoners' },
  { path: `${API_PATHS.watches}/export.csv`, list: 'waakvlammen' },
  { path: CHECK_IN_OVERVIEW_EXPORT_PATH, list: 'contactmomenten' },
  { path: `${REACTIVATIONS_PATH}/export.csv`, list: 'heractiveringen' },
  { path: `${SIGNALS_PATH}/export.csv`, list: 'signalen' },
  { path: `${API_PATHS.notifications}/export.csv`, list: 'e-mails' },
] as const;

describe('CSV exports', () => {
  let t: TestApp;
  let s: DrillDownScenario;
  let coordinator: HttpClient;
  const today = new WorkingCalendar({ timeZone: 'Europe/Amsterdam' }).today(new Date());

  beforeAll(async () => {
    t = await startTestApp();
    s = await createDrillDownScenario(t.dataSource);
    coordinator = await t.signIn(s.coordinator);
    await createNotification(t.dataSource, s.organisationId, { status: 'dead', subject: '=1+1' });
    await createNotification(t.dataSource, s.organisationId, { status: 'sent' });
  });
  afterAll(() => t.close());

  const csv = async (path: string, client: HttpClient = coordinator) => {
    const response = await client.get<string>(path, { 'user-agent': 'export-test/1.0' });
    expect(response.status).toBe(200);
    return { response, rows: parseCsv(response.body) };
  };

  describe.each(EXPORTS)('$path', ({ path, list }) => {
    it('is a semicolon-separated UTF-8 attachment with a byte order mark and a Dutch header row', async () => {
      const { response, rows } = await csv(path);
      expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(response.headers.get('content-disposition')).toBe(
        `attachment; filename="waakvlam-${list}-${today}.csv"`,
      );
      // fetch's text() drops a byte order mark: look at the bytes.
      const raw = await fetch(`${t.baseUrl}${path}`, { headers: { cookie: cookieOf(coordinator) } });
      expect([...new Uint8Array(await raw.arrayBuffer()).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(rows[0].length).toBeGreaterThan(3);
      expect(rows.length).toBeGreaterThan(1);
      expect(new Set(rows.slice(1).map((r) => r.length))).toEqual(new Set([rows[0].length]));
    });

    it('is refused to caseworkers and partners', async () => {
      for (const user of [s.caseworkerA, s.partnerUser]) {
        const response = await (await t.signIn(user)).get(path);
        expect(response.status).toBe(403);
        expect(response.headers.get('content-type')).toContain('application/problem+json');
      }
    });
  });

  /** The rows after the header, by the column with this header. */
  const column = (rows: string[][], header: string): string[] => {
    const index = rows[0].findIndex((h) => h.replace(BOM, '') === header);
    expect(index).toBeGreaterThanOrEqual(0);
    return rows.slice(1).map((r) => r[index]);
  };

  it('exports exactly the rows of the list with the same filters, in its order', async () => {
    const cases: Array<{ list: string; exportPath: string; header: string; key: (item: never) => string }> = [
      {
        list: `${API_PATHS.watches}?neighbourhood=Noord&lapsedFrom=2026-03-01`,
        exportPath: `${API_PATHS.watches}/export.csv?neighbourhood=Noord&lapsedFrom=2026-03-01`,
        header: 'Referentie',
        key: (w: { client: { reference: string } }) => w.client.reference,
      },
      {
        list: `${CHECK_IN_OVERVIEW_PATH}?dueFrom=2026-03-01&dueTo=2026-03-31`,
        exportPath: `${CHECK_IN_OVERVIEW_EXPORT_PATH}?dueFrom=2026-03-01&dueTo=2026-03-31`,
        header: 'Tijdigheid',
        key: (c: { timeliness: string }) => c.timeliness,
      },
      {
        list: `${REACTIVATIONS_PATH}?slaBreached=true`,
        exportPath: `${REACTIVATIONS_PATH}/export.csv?slaBreached=true`,
        header: 'Referentie',
        key: (r: { client: { reference: string } }) => r.client.reference,
      },
      {
        list: `${SIGNALS_PATH}?awaitingFeedback=true`,
        exportPath: `${SIGNALS_PATH}/export.csv?awaitingFeedback=true`,
        header: 'Partner',
        key: (g: { partnerOrganisation: { name: string } }) => g.partnerOrganisation.name,
      },
      {
        list: `${API_PATHS.notifications}?status=dead`,
        exportPath: `${API_PATHS.notifications}/export.csv?status=dead`,
        header: 'Onderwerp',
        key: (n: { subject: string }) => n.subject.replace(/^=/, "'="),
      },
    ];
    for (const c of cases) {
      const page = await coordinator.get<Page<never>>(
        `${c.list}${c.list.includes('?') ? '&' : '?'}pageSize=100`,
      );
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeGreaterThan(0);
      const { rows } = await csv(c.exportPath);
      expect(column(rows, c.header)).toEqual(page.body.items.map(c.key));
    }
    const timeliness = column(
      (await csv(`${CHECK_IN_OVERVIEW_EXPORT_PATH}?dueFrom=2026-03-01&dueTo=2026-03-31`)).rows,
      'Tijdigheid',
    );
    expect(timeliness).toEqual(['open', 'on_time', 'missed', 'late']);
  });

  it('quotes separators, quotes and newlines and defuses formulas', async () => {
    const org = (await createOrganisation(t.dataSource)).id;
    const user = await createUser(t.dataSource, org, { role: 'admin' });
    await createClient(t.dataSource, org, user.id, {
      name: '=HYPERLINK("http://x";"klik")',
      reference: 'A-1',
    });
    await createClient(t.dataSource, org, user.id, { name: 'Jansen; "Piet"', reference: '+31-2' });
    await createClient(t.dataSource, org, user.id, {
      name: '@Zorg',
      reference: '-3',
      neighbourhood: 'Oud\nWest',
    });
    const { response, rows } = await csv(`${API_PATHS.clients}/export.csv`, await t.signIn(user));
    expect(response.body).toContain(`"'=HYPERLINK(""http://x"";""klik"")"`);
    expect(response.body).toContain(`"Jansen; ""Piet"""`);
    expect(response.body).toContain(`"Oud\nWest"`);
    expect(column(rows, 'Naam')).toEqual([`'=HYPERLINK("http://x";"klik")`, `'@Zorg`, 'Jansen; "Piet"']);
    expect(column(rows, 'Referentie')).toEqual(['A-1', "'-3", "'+31-2"]);
  });

  it("never carries another organisation's rows", async () => {
    const all = await Promise.all(EXPORTS.map((e) => csv(e.path).then((r) => r.response.body)));
    const theirs = await t.dataSource.query(`SELECT reference, name FROM clients WHERE id = $1`, [
      s.other.clientId,
    ]);
    for (const body of all) {
      expect(body).not.toContain(theirs[0].reference);
      expect(body).not.toContain(theirs[0].name);
    }
    const own = await t.dataSource.query(`SELECT reference FROM clients WHERE id = $1`, [
      s.watches[0].clientId,
    ]);
    expect(all[0]).toContain(own[0].reference);
  });

  it('writes one audit event per export with the filters, the row count and the clients of the rows', async () => {
    const org = (await createOrganisation(t.dataSource)).id;
    const admin = await createUser(t.dataSource, org, { role: 'admin' });
    const a = await createClient(t.dataSource, org, admin.id, { name: 'Aukje de Boer' });
    const b = await createClient(t.dataSource, org, admin.id, { name: 'Bert Visser' });
    const c = await createClient(t.dataSource, org, admin.id, { name: 'Cor Visser' });
    const browser = await t.signIn(admin);
    await csv(`${API_PATHS.clients}/export.csv?q=visser`, browser);
    await waitUntil(
      async () => (await auditEventsOf(t.dataSource, org)).length === 1,
      5000,
      'the audit event',
    );
    const [event] = await auditEventsOf(t.dataSource, org);
    expect(event).toMatchObject({
      action: 'export',
      outcome: 'success',
      user_id: admin.id,
      role: 'admin',
      resource: 'clients.export',
      ip: '127.0.0.1',
      user_agent: 'export-test/1.0',
      source: 'console',
      details: { filters: { q: 'visser' }, rows: 2 },
    });
    expect([...event.client_ids].sort()).toEqual([b.id, c.id].sort());
    expect(event.client_ids).not.toContain(a.id);
  });

  it('records the drill-down filters of an export of the check-in overview', async () => {
    await csv(`${CHECK_IN_OVERVIEW_EXPORT_PATH}?dueFrom=2026-03-01&dueTo=2026-03-31&timeliness=missed`);
    await waitUntil(
      async () =>
        (await auditEventsOf(t.dataSource, s.organisationId)).some(
          (e) => e.resource === 'check-ins.export' && e.details.filters?.['timeliness'] === 'missed',
        ),
      5000,
      'the audit event',
    );
    const event = (await auditEventsOf(t.dataSource, s.organisationId)).find(
      (e) => e.resource === 'check-ins.export' && e.details.filters?.['timeliness'] === 'missed',
    );
    expect(event?.details).toEqual({
      filters: { dueFrom: '2026-03-01', dueTo: '2026-03-31', timeliness: 'missed' },
      rows: 1,
    });
    expect(event?.client_ids).toEqual([s.watches[1].clientId]);
  });

  describe('a big export', () => {
    const BIG = 40_000;
    let big: { organisationId: string; admin: HttpClient };

    beforeAll(async () => {
      const org = (await createOrganisation(t.dataSource)).id;
      const admin = await createUser(t.dataSource, org, { role: 'admin' });
      await createManyClients(t.dataSource, org, admin.id, BIG);
      big = { organisationId: org, admin: await t.signIn(admin) };
    });

    const open = (signal?: AbortSignal) =>
      fetch(`${t.baseUrl}${API_PATHS.clients}/export.csv`, {
        headers: { cookie: cookieOf(big.admin) },
        signal,
      });

    it('streams every row in many chunks, without holding the file whole', async () => {
      const response = await open();
      expect(response.status).toBe(200);
      expect(response.headers.get('content-length')).toBeNull();
      const reader = (response.body as ReadableStream<Uint8Array>).getReader();
      const decoder = new TextDecoder();
      let chunks = 0;
      let largest = 0;
      let text = '';
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks += 1;
        largest = Math.max(largest, value.length);
        text += decoder.decode(value, { stream: true });
      }
      const lines = text.split('\r\n').filter((l) => l !== '');
      expect(lines).toHaveLength(BIG + 1);
      expect(lines[1]).toMatch(/^MASS-000001-\w+;Massa 000001;/);
      expect(lines[BIG]).toMatch(/^MASS-040000-\w+;Massa 040000;/);
      // About 2 MB arrives in pieces of at most a few batches each, never as one buffer.
      expect(chunks).toBeGreaterThan(10);
      expect(largest).toBeLessThan(text.length / 10);
    });

    it('gives its connection back and audits a failure when the client goes away mid-download', async () => {
      // More aborted downloads than the pool (4 in tests) has connections: a leak would starve the next request.
      for (let i = 0; i < 6; i += 1) {
        const controller = new AbortController();
        const response = await open(controller.signal);
        const reader = (response.body as ReadableStream<Uint8Array>).getReader();
        await reader.read();
        controller.abort();
        await reader.read().catch(() => undefined);
      }
      await waitUntil(
        async () =>
          (await auditEventsOf(t.dataSource, big.organisationId)).filter((e) => e.outcome === 'failure')
            .length === 6,
        10_000,
        'six failed exports in the audit log',
      );
      const failed = (await auditEventsOf(t.dataSource, big.organisationId)).filter(
        (e) => e.outcome === 'failure',
      );
      for (const event of failed) {
        expect(event.details.rows).toBeLessThan(BIG);
        expect(event.client_ids.length).toBe(event.details.rows);
      }
      const list = await big.admin.get<Page<unknown>>(`${API_PATHS.clients}?pageSize=1`);
      expect(list.status).toBe(200);
      expect(list.body.total).toBe(BIG);
    });
  });
});
