import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { axeViolations, launchChromium, signInThroughConsole } from '../support/browser';
import { createClient, createTeam, createWatch, type TestUser } from '../support/factories';
import { createSelfCheckIn } from '../support/self-check-in-factories';
import { currentTestRun } from '../support/test-run';
import { startTestApp, type TestApp } from '../support/test-app';

const ADMIN_DIST = join(__dirname, '../../dist/admin/browser');

describe('reactivation in the console (Chromium)', () => {
  let t: TestApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    t = await startTestApp({
      ADMIN_DIST,
      REDIS_PREFIX: `${currentTestRun().redisPrefix}-react-br`,
      SELF_CHECK_IN_LIMIT_PER_MINUTE: '1000',
    });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });
  beforeEach(async () => {
    page = await freshPage();
  });
  afterEach(() => context.close());

  /** A new browser context (no cookies): another person at another computer. bypassCSP only to inject axe-core. */
  async function freshPage(): Promise<Page> {
    context = await browser.newContext({ bypassCSP: true, locale: 'nl-NL' });
    return context.newPage();
  }

  const signIn = (user: TestUser) => signInThroughConsole(page, t.baseUrl, user);

  /** Signs out of this context and in as another user, in a new context. */
  async function switchTo(user: TestUser): Promise<void> {
    await context.close();
    page = await freshPage();
    await signIn(user);
  }

  async function openQueue(): Promise<void> {
    await page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Heractiveringen' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Heractiveringen' }).waitFor();
  }

  it('caseworker reactivates from the client page; the request is in the coordinator queue', async () => {
    const { organisation, coordinator, caseworker } = await createTeam(t.dataSource);
    const client = await createClient(t.dataSource, organisation.id, coordinator.id, {
      name: `Rosa Heractief ${Date.now()}`,
    });
    const watch = await createWatch(t.dataSource, organisation.id, client.id, caseworker.id);
    await t.dataSource.query(
      `UPDATE watches SET agreements = 'Elke maand bellen; bij zorgen huisbezoek.' WHERE id = $1`,
      [watch.id],
    );

    await signIn(caseworker);
    await page.goto(`${t.baseUrl}/inwoners/${client.id}`);
    await page.getByRole('heading', { level: 1, name: client.name }).waitFor();
    await page.getByText('Er loopt geen heractivering.').waitFor();
    expect(await axeViolations(page)).toEqual([]);

    const trigger = page.getByRole('button', { name: 'Heractiveren', exact: true });
    await trigger.click();
    const dialog = page.getByRole('dialog', { name: `Heractiveren: ${client.name}` });
    await dialog.waitFor();
    // Focus moved into the dialog, to the reason.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('reactivate-reason');
    expect(await axeViolations(page)).toEqual([]);

    // Without a reason nothing is sent.
    await dialog.getByRole('button', { name: 'Heractiveren' }).click();
    await dialog.getByText('Vul een reden in.').first().waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await dialog.getByLabel('Reden').fill('Belde zelf: slaapt slecht en de huur is niet betaald.');
    await dialog.getByLabel('Spoed').check();
    // A double click sends one request.
    await dialog.getByRole('button', { name: 'Heractiveren' }).dblclick();
    await page.getByText(/Heractivering aangevraagd\./).waitFor();
    expect(await dialog.isVisible()).toBe(false);
    const open = page.getByTestId('open-request');
    await open.getByText('Open', { exact: true }).waitFor();
    expect(await open.textContent()).toContain('Spoed');
    expect(await open.getByTestId('sla').textContent()).toMatch(/Nog .*(u|min)/);
    expect(await axeViolations(page)).toEqual([]);

    const rows: Array<{ status: string; urgency: string; sources: string[]; assignee_id: string }> =
      await t.dataSource.query(
        `SELECT status, urgency, sources, assignee_id FROM reactivation_requests WHERE watch_id = $1`,
        [watch.id],
      );
    expect(rows).toEqual([
      { status: 'open', urgency: 'urgent', sources: ['caseworker'], assignee_id: caseworker.id },
    ]);

    // The coordinator sees it in the queue, with its SLA countdown, and opens it with the agreements carried over.
    await switchTo(coordinator);
    await openQueue();
    const row = page.getByRole('row', { name: new RegExp(client.name) });
    await row.waitFor();
    expect(await row.textContent()).toContain('Spoed');
    expect(await row.textContent()).toContain('Begeleider');
    expect(await row.getByTestId('sla').textContent()).toMatch(/Nog /);
    expect(await axeViolations(page)).toEqual([]);

    await row.getByRole('link', { name: client.name }).click();
    await page.getByRole('heading', { level: 1, name: `Heractivering voor ${client.name}` }).waitFor();
    await page.getByText('Elke maand bellen; bij zorgen huisbezoek.').waitFor();
    await page.getByText('Belde zelf: slaapt slecht en de huur is niet betaald.').waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // Accept: the watch is reactivated.
    await page.getByRole('button', { name: 'Oppakken' }).click();
    await page.getByText('U heeft de heractivering opgepakt.', { exact: false }).waitFor();
    expect(await page.getByTestId('request-status').textContent()).toContain('Opgepakt');
    expect(await axeViolations(page)).toEqual([]);
    const [watchRow] = await t.dataSource.query(`SELECT status FROM watches WHERE id = $1`, [watch.id]);
    expect(watchRow).toEqual({ status: 'reactivated' });
  });

  it('client taps "Ik wil graag contact": a reactivation request reaches the coordinator queue', async () => {
    const fixture = await createSelfCheckIn(t.dataSource);
    await page.goto(`${t.baseUrl}/check-in/${fixture.token}`);
    await page.getByRole('heading', { level: 1, name: 'Hoe gaat het met u?' }).waitFor();
    await page.getByRole('button', { name: 'Ik wil graag contact' }).click();
    await page.getByRole('heading', { level: 1, name: 'Bedankt voor uw antwoord' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    const rows: Array<{ status: string; urgency: string; sources: string[] }> = await t.dataSource.query(
      `SELECT status, urgency, sources FROM reactivation_requests WHERE watch_id = $1`,
      [fixture.watchId],
    );
    expect(rows).toEqual([{ status: 'open', urgency: 'urgent', sources: ['client'] }]);

    await switchTo(fixture.coordinator);
    await openQueue();
    const row = page.getByRole('row', { name: new RegExp(fixture.client.name) });
    await row.waitFor();
    expect(await row.textContent()).toContain('Inwoner wil graag contact');
    expect(await row.textContent()).toContain('Spoed');
    expect(await axeViolations(page)).toEqual([]);

    // The caseworker sees it under "Aan mij" too.
    await switchTo(fixture.caseworker);
    await openQueue();
    await page.getByRole('row', { name: new RegExp(fixture.client.name) }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  it('coordinator records a caseworker absence; the caseworker sees and removes it, in Dutch and English', async () => {
    const { organisation, coordinator, caseworker } = await createTeam(t.dataSource);
    const [{ display_name: name }]: Array<{ display_name: string }> = await t.dataSource.query(
      `SELECT display_name FROM users WHERE id = $1`,
      [caseworker.id],
    );

    await signIn(coordinator);
    await page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Medewerkers' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Medewerkers' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('link', { name: new RegExp(name) }).click();
    await page.getByRole('heading', { level: 1, name: `Afwezigheid van ${name}` }).waitFor();
    await page.getByText('Er is geen afwezigheid vastgelegd.').waitFor();
    expect(await axeViolations(page)).toEqual([]);

    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
    const later = new Date(Date.parse(`${today}T12:00:00Z`) + 7 * 86_400_000).toISOString().slice(0, 10);
    // The last day before the first: refused, with the error next to the field.
    await page.getByLabel('Eerste dag').fill(later);
    await page.getByLabel('Laatste dag').fill(today);
    await page.getByRole('button', { name: 'Toevoegen' }).click();
    await page
      .getByTestId('error-summary')
      .getByText('De laatste dag mag niet voor de eerste dag liggen.')
      .waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await page.getByLabel('Eerste dag').fill(today);
    await page.getByLabel('Laatste dag').fill(later);
    await page.getByLabel('Reden').fill('Verlof');
    await page.getByRole('button', { name: 'Toevoegen' }).click();
    await page.getByText(/Afwezigheid van .* toegevoegd\./).waitFor();
    await page.getByTestId('absences').getByText('Nu afwezig').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    const rows: Array<{ starts_on: string; ends_on: string }> = await t.dataSource.query(
      `SELECT starts_on::text, ends_on::text FROM user_absences WHERE user_id = $1 AND organisation_id = $2`,
      [caseworker.id, organisation.id],
    );
    expect(rows).toEqual([{ starts_on: today, ends_on: later }]);

    await switchTo(caseworker);
    await page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Mijn afwezigheid' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Mijn afwezigheid' }).waitFor();
    await page.getByTestId('absences').getByText('Verlof').waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'My absence' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: /^Remove/ }).click();
    await page.getByText('No absence has been recorded.').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page
      .getByRole('navigation', { name: 'Main menu' })
      .getByRole('link', { name: 'Reactivations' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Reactivations' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });
});
