import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { axeViolations, launchChromium, signInThroughConsole } from '../support/browser';
import {
  createClient,
  createPartnerUser,
  createTeam,
  createWatch,
  type TestUser,
} from '../support/factories';
import { currentTestRun } from '../support/test-run';
import { startTestApp, type TestApp } from '../support/test-app';

const ADMIN_DIST = join(__dirname, '../../dist/admin/browser');

describe('Logboek and the access report in the console (Chromium)', () => {
  let t: TestApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let team: Awaited<ReturnType<typeof createTeam>>;
  let client: { id: string; name: string; reference: string };

  beforeAll(async () => {
    t = await startTestApp({ ADMIN_DIST, REDIS_PREFIX: `${currentTestRun().redisPrefix}-audit-br` });
    browser = await launchChromium();
    team = await createTeam(t.dataSource);
    client = await createClient(t.dataSource, team.organisation.id, team.admin.id, { name: 'Aukje de Boer' });
    await createWatch(t.dataSource, team.organisation.id, client.id, team.caseworker.id);
    // A refused look by a partner, so the log and the report have a failure to show.
    const { user } = await createPartnerUser(t.dataSource, team.organisation.id);
    expect((await (await t.signIn(user)).get(`/api/clients/${client.id}`)).status).toBe(403);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });
  beforeEach(async () => {
    context = await browser.newContext({ bypassCSP: true, locale: 'nl-NL' });
    page = await context.newPage();
  });
  afterEach(() => context.close());

  const signIn = (user: TestUser) => signInThroughConsole(page, t.baseUrl, user);

  it('a coordinator opens Logboek from the menu, filters on refusals and sees the partner; no axe violations', async () => {
    await signIn(team.coordinator);
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Logboek' }).click();
    await page.getByRole('heading', { level: 1, name: 'Logboek' }).waitFor();
    expect(await page.title()).toBe('Logboek – Waakvlam');
    const table = page.getByRole('table', { name: 'Logregels, nieuwste eerst' });
    await table.waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await page.getByLabel('Resultaat').selectOption('failure');
    await page.waitForURL(/outcome=failure/);
    // The list reloads with the filter: the successful lines (the sign-ins among them) go.
    await table.locator('tbody tr', { hasText: 'Gelukt' }).first().waitFor({ state: 'detached' });
    await table.locator('tbody tr', { hasText: 'ketenpartner' }).first().waitFor();
    const texts = await table.locator('tbody tr').allTextContents();
    expect(texts.length).toBeGreaterThan(0);
    for (const text of texts) expect(text).toContain('Geweigerd of mislukt');
    expect(texts.join('\n')).toContain(client.reference);
    expect(await page.getByTestId('export-link').getAttribute('href')).toBe(
      '/api/audit-events/export.csv?outcome=failure',
    );
    expect(await axeViolations(page)).toEqual([]);
  });

  it("the client's page links to a printable report in plain Dutch with an Afdrukken button; no axe violations", async () => {
    await signIn(team.caseworker);
    await page.goto(`${t.baseUrl}/inwoners/${client.id}`);
    await page.getByRole('link', { name: /Wie heeft mijn gegevens bekeken/ }).click();
    const report = page.getByTestId('access-report');
    await report.getByRole('heading', { level: 1, name: 'Wie heeft uw gegevens bekeken?' }).waitFor();
    expect(await report.textContent()).toContain('Dit overzicht is voor Aukje de Boer');
    const entries = report.getByRole('table', { name: 'Wie heeft uw gegevens bekeken' });
    await entries
      .getByRole('row', { name: /ketenpartner/ })
      .first()
      .waitFor();
    expect(await entries.textContent()).toContain('(dit mocht niet of lukte niet)');
    expect(await page.getByRole('button', { name: 'Afdrukken' }).isVisible()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);

    // On paper only the report: the menu and the button are hidden by the print stylesheet.
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('button', { name: 'Afdrukken' }).isVisible()).toBe(false);
    expect(await page.getByRole('navigation', { name: 'Hoofdmenu' }).isVisible()).toBe(false);
    expect(await report.getByRole('heading', { level: 1 }).isVisible()).toBe(true);
  });
});
