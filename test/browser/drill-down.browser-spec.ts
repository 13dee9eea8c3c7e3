import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { axeViolations, launchChromium } from '../support/browser';
import { type DrillDownScenario, createDrillDownScenario } from '../support/drill-down-factories';
import { currentTestRun } from '../support/test-run';
import { startTestApp, type TestApp } from '../support/test-app';

const ADMIN_DIST = join(__dirname, '../../dist/admin/browser');

describe('drill-down lists in the console (Chromium)', () => {
  let t: TestApp;
  let s: DrillDownScenario;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    t = await startTestApp({ ADMIN_DIST, REDIS_PREFIX: `${currentTestRun().redisPrefix}-drill-br` });
    s = await createDrillDownScenario(t.dataSource);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });
  beforeEach(async () => {
    // bypassCSP only to inject axe-core.
    context = await browser.newContext({ bypassCSP: true, locale: 'nl-NL', acceptDownloads: true });
    page = await context.newPage();
    await page.goto(`${t.baseUrl}/inloggen`);
    await page.getByLabel('E-mailadres').fill(s.coordinator.email);
    await page.getByLabel('Wachtwoord').fill(s.coordinator.password);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.getByRole('button', { name: 'Uitloggen' }).waitFor();
  });
  afterEach(() => context.close());

  const clientNames = async (body: string): Promise<string[]> => {
    const ids = [s.watches[0].clientId, s.watches[1].clientId, s.watches[2].clientId];
    const rows: Array<{ id: string; name: string }> = await t.dataSource.query(
      `SELECT id, name FROM clients WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    const names = new Map(rows.map((r) => [r.id, r.name]));
    return (await page.locator(`[data-testid=${body}] tr th a`).allTextContents()).map((name) => {
      expect([...names.values()]).toContain(name.trim());
      return name.trim();
    });
  };
  const nameOf = async (index: number): Promise<string> =>
    (await t.dataSource.query(`SELECT name FROM clients WHERE id = $1`, [s.watches[index].clientId]))[0]
      .name as string;

  it('opens the reactivations of one source from a link, sums up the filter, clears it and exports with it', async () => {
    await page.goto(`${t.baseUrl}/heractiveringen?source=lapse`);
    await page.getByRole('heading', { level: 1, name: 'Heractiveringen' }).waitFor();
    const summary = page.getByTestId('filter-summary');
    await summary.getByText('Gefilterd op:').waitFor();
    expect((await page.getByTestId('filter-summary-text').textContent())?.trim()).toBe(
      'Bron Contact verloren',
    );
    await page.locator('[data-testid=reactivations] tr').first().waitFor();
    expect(await clientNames('reactivations')).toEqual([await nameOf(1)]);
    expect(await page.getByTestId('export-link').getAttribute('href')).toContain('source=lapse');
    expect(await page.getByLabel('Bron').inputValue()).toBe('lapse');
    expect(await axeViolations(page)).toEqual([]);

    const download = page.waitForEvent('download');
    await page.getByTestId('export-link').click();
    const csv = await (await download).path();
    const text = (await import('node:fs')).readFileSync(csv, 'utf8');
    expect(text.split('\r\n').filter((line) => line !== '')).toHaveLength(2);
    expect(text).toContain(await nameOf(1));

    await page.getByRole('button', { name: 'Filter wissen: Bron Contact verloren' }).click();
    await page.waitForURL((url) => !url.search.includes('source'));
    await page.locator('[data-testid=reactivations] tr').nth(2).waitFor();
    expect(await page.getByTestId('filter-summary').count()).toBe(0);
    expect(sortedCopy(await clientNames('reactivations'))).toEqual(
      sortedCopy([await nameOf(0), await nameOf(1), await nameOf(2)]),
    );

    // The back button brings the filter back.
    await page.goBack();
    await page.getByTestId('filter-summary').waitFor();
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid=reactivations] tr').length === 1,
    );
  });

  it('opens the missed check-ins of a period from a link and sums up the period and the timeliness', async () => {
    await page.goto(`${t.baseUrl}/contactmomenten?timeliness=missed&dueFrom=2026-03-01&dueTo=2026-03-31`);
    await page.getByRole('heading', { level: 1, name: 'Contactmomenten' }).waitFor();
    await page.locator('[data-testid=check-ins] tr').first().waitFor();
    expect(await clientNames('check-ins')).toEqual([await nameOf(1)]);
    expect(await page.locator('[data-testid=check-ins] [data-testid=timeliness]').allTextContents()).toEqual([
      ' Gemist ',
    ]);
    expect((await page.getByTestId('filter-summary-text').textContent())?.trim()).toMatch(
      /^gepland 1 mrt\.? – 31 mrt\.?, Tijdigheid Gemist$/,
    );
    const href = await page.getByTestId('export-link').getAttribute('href');
    expect(href).toBe(
      '/api/check-ins/overview/export.csv?dueFrom=2026-03-01&dueTo=2026-03-31&timeliness=missed',
    );
    expect(await axeViolations(page)).toEqual([]);

    await page.getByTestId('clear-filter-timeliness').click();
    await page.waitForURL((url) => !url.search.includes('timeliness'));
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=check-ins] tr').length === 4);
    expect(await page.getByTestId('export-link').getAttribute('href')).toBe(
      '/api/check-ins/overview/export.csv?dueFrom=2026-03-01&dueTo=2026-03-31',
    );
    expect(await axeViolations(page)).toEqual([]);
  });

  it('lists the watches that lapsed in a period, with a link to the client page', async () => {
    await page.goto(`${t.baseUrl}/waakvlammen?lapsedFrom=2026-03-02&lapsedTo=2026-03-02`);
    await page.getByRole('heading', { level: 1, name: 'Waakvlammen' }).waitFor();
    await page.locator('[data-testid=watches] tr').first().waitFor();
    expect(await clientNames('watches')).toEqual([await nameOf(1)]);
    expect(await page.locator('[data-testid=watches] tr th a').getAttribute('href')).toBe(
      `/inwoners/${s.watches[1].clientId}`,
    );
    expect(await axeViolations(page)).toEqual([]);
  });
});

function sortedCopy(values: string[]): string[] {
  return [...values].sort();
}
