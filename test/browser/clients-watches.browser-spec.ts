import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { axeViolations, launchChromium, signInThroughConsole } from '../support/browser';
import { createTeam, type TestUser } from '../support/factories';
import { startTestApp, type TestApp } from '../support/test-app';

const ADMIN_DIST = join(__dirname, '../../dist/admin/browser');

describe('clients, watches and check-ins in the console', () => {
  let t: TestApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let coordinator: TestUser;
  let caseworker: TestUser;

  beforeAll(async () => {
    t = await startTestApp({ ADMIN_DIST });
    ({ coordinator, caseworker } = await createTeam(t.dataSource));
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });
  beforeEach(async () => {
    // bypassCSP only so that the test can inject axe-core; the app itself runs under its real policy.
    context = await browser.newContext({ bypassCSP: true, locale: 'nl-NL' });
    page = await context.newPage();
  });
  afterEach(() => context.close());

  const signIn = (user: TestUser) => signInThroughConsole(page, t.baseUrl, user);

  it('lets a coordinator register a resident and start a watch, on screens without violations', async () => {
    await signIn(coordinator);
    await page.goto(`${t.baseUrl}/inwoners`);
    await page.getByRole('heading', { level: 1, name: 'Inwoners' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('link', { name: 'Nieuwe inwoner' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nieuwe inwoner' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    const reference = `BR-${Date.now()}`;
    await page.getByLabel('Naam', { exact: true }).fill('Bram Visser');
    await page.getByLabel('Referentie').fill(reference);
    await page.getByLabel('Postcode').fill('3511 AB');
    await page.getByLabel('Huisnummer').fill('12');
    await page.getByLabel('Toestemming van de inwoner').check();
    await page.getByRole('button', { name: 'Inwoner registreren' }).click();

    await page.getByRole('heading', { name: 'Inwoner geregistreerd' }).waitFor();
    await page.getByRole('link', { name: 'Waakvlam starten' }).click();
    await page.getByRole('heading', { level: 1, name: 'Waakvlam starten voor Bram Visser' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('Begeleider', { exact: true }).selectOption({ value: caseworker.id });
    await page.getByRole('button', { name: 'Waakvlam starten' }).click();

    await page.getByRole('heading', { level: 1, name: 'Bram Visser' }).waitFor();
    await page.getByText('Actief').first().waitFor();
    expect(await axeViolations(page)).toEqual([]);
    const clientUrl = page.url();

    // The edit screens and the end dialog have no violations either.
    await page.getByRole('link', { name: 'Gegevens wijzigen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Inwoner wijzigen' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(clientUrl);
    await page.getByRole('link', { name: 'Waakvlam wijzigen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Waakvlam wijzigen voor Bram Visser' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(clientUrl);
    await page.getByRole('button', { name: 'Beëindigen' }).click();
    await page.getByRole('dialog').waitFor();
    expect(await axeViolations(page)).toEqual([]);

    const rows: Array<{ status: string; planned: string }> = await t.dataSource.query(
      `SELECT w.status, (SELECT count(*) FROM check_ins c WHERE c.watch_id = w.id AND c.status = 'planned')::text AS planned
       FROM watches w JOIN clients cl ON cl.id = w.client_id WHERE cl.reference = $1`,
      [reference],
    );
    expect(rows).toEqual([{ status: 'active', planned: '1' }]);
  });

  it('lets a caseworker record a check-in in three clicks', async () => {
    const api = t.client();
    await api.login(coordinator.email, coordinator.password);
    const client = await api.post<{ id: string }>('/api/clients', {
      reference: `KL-${Date.now()}`,
      name: 'Kees Lammers',
      preferredChannel: 'phone',
      postcode: '3512CD',
      houseNumber: '4',
      consent: { legalBasis: 'wmo_task', emailReminders: false },
    });
    expect(client.status).toBe(201);
    const watch = await api.post<{ id: string }>('/api/watches', {
      clientId: client.body.id,
      primaryCaseworkerId: caseworker.id,
      intervalDays: 14,
      contactMode: 'phone',
      startDate: new Date().toISOString().slice(0, 10),
    });
    expect(watch.status).toBe(201);
    // Three days ago (in the organisation's time zone, as the console counts) the check-in was due: it is
    // overdue, still within its grace period.
    await t.dataSource.query(
      `UPDATE check_ins
       SET due_date = (now() AT TIME ZONE 'Europe/Amsterdam')::date - 3,
           grace_ends_on = (now() AT TIME ZONE 'Europe/Amsterdam')::date + 5
       WHERE watch_id = $1 AND status = 'planned'`,
      [watch.body.id],
    );

    await signIn(caseworker);
    await page.getByRole('heading', { level: 1, name: 'Vandaag' }).waitFor();
    await page.getByText('3 dagen te laat').waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: /Vastleggen.*Kees Lammers/ }).click();
    await page.getByRole('dialog').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('dialog').getByText('Het gaat goed').click();
    await page.getByRole('dialog').getByRole('button', { name: 'Opslaan' }).click();

    await page.getByText('Contactmoment vastgelegd voor Kees Lammers.').waitFor();
    await page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Mijn caseload' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Mijn caseload' }).waitFor();
    await page.getByText('Kees Lammers').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    const checkIns: Array<{ status: string; outcome: string | null }> = await t.dataSource.query(
      `SELECT status, outcome FROM check_ins WHERE watch_id = $1 ORDER BY due_date`,
      [watch.body.id],
    );
    expect(checkIns).toEqual([
      { status: 'done', outcome: 'well' },
      { status: 'planned', outcome: null },
    ]);
  });
});
