import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { axeViolations, launchChromium } from '../support/browser';
import {
  type DashboardScenario,
  SCENARIO_PERIOD,
  createDashboardScenario,
} from '../support/dashboard-factories';
import { currentTestRun } from '../support/test-run';
import { startTestApp, type TestApp } from '../support/test-app';

const ADMIN_DIST = join(__dirname, '../../dist/admin/browser');
const PERIOD = `from=${SCENARIO_PERIOD.from}&to=${SCENARIO_PERIOD.to}`;

describe('the coordinator dashboard in the console (Chromium)', () => {
  let t: TestApp;
  let s: DashboardScenario;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    t = await startTestApp({ ADMIN_DIST, REDIS_PREFIX: `${currentTestRun().redisPrefix}-dash-br` });
    s = await createDashboardScenario(t.dataSource);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });
  beforeEach(async () => {
    // bypassCSP only to inject axe-core.
    context = await browser.newContext({ bypassCSP: true, locale: 'nl-NL' });
    page = await context.newPage();
    await page.goto(`${t.baseUrl}/inloggen`);
    await page.getByLabel('E-mailadres').fill(s.coordinator.email);
    await page.getByLabel('Wachtwoord').fill(s.coordinator.password);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.getByRole('button', { name: 'Uitloggen' }).waitFor();
  });
  afterEach(() => context.close());

  const figure = (testId: string): Promise<string> =>
    page
      .getByTestId(testId)
      .innerText()
      .then((text) => text.trim());

  it('shows the period’s figures with charts and tables, and no axe violations', async () => {
    await page.goto(`${t.baseUrl}/?${PERIOD}`);
    await page.getByRole('heading', { level: 2, name: 'Overzicht' }).waitFor();
    await page.getByTestId('check-ins-due').filter({ hasText: '6' }).waitFor();
    expect(await figure('check-ins-onTime')).toBe('20%');
    expect(await figure('check-ins-missed')).toBe('40%');
    expect(await figure('watches-lapsed')).toBe('1');
    expect(await figure('reactivations-without-intake')).toBe('1');
    expect(await figure('reactivations-sla-breached')).toBe('2');
    expect(await figure('reactivations-to-accepted')).toBe('2 u 0 min');
    expect(await figure('signals-awaiting')).toBe('1');
    expect(await page.locator('svg[role=img]').count()).toBe(2);
    const rows = page.getByTestId('caseworkers-table').locator('tr');
    expect(await rows.allInnerTexts()).toEqual([
      expect.stringContaining('Anna Aalders'),
      expect.stringContaining('Bram Bos'),
    ]);
    await page.getByText('Als tabel').first().click();
    expect(await page.getByTestId('weeks-table').locator('tr').count()).toBe(4);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('opens the list behind a figure with the same period, and back', async () => {
    await page.goto(`${t.baseUrl}/?${PERIOD}`);
    await page.getByTestId('check-ins-missed').filter({ hasText: '40%' }).click();
    await page.waitForURL(/\/contactmomenten\?/);
    const url = new URL(page.url());
    expect(Object.fromEntries(url.searchParams)).toEqual({
      dueFrom: SCENARIO_PERIOD.from,
      dueTo: SCENARIO_PERIOD.to,
      timeliness: 'missed',
    });
    await page.getByRole('heading', { level: 1 }).waitFor();
    // The two missed check-ins of the lapsed watch, nothing else.
    await page.locator('tbody tr').nth(1).waitFor();
    expect(await page.locator('tbody tr').count()).toBe(2);
    expect(await axeViolations(page)).toEqual([]);

    await page.goBack();
    await page.getByTestId('reactivations-sla-breached').click();
    await page.waitForURL(/\/heractiveringen\?/);
    expect(new URL(page.url()).searchParams.get('slaBreached')).toBe('true');
  });

  it('narrows the figures to a wijk from the filter form, by keyboard, and keeps it in the URL', async () => {
    await page.goto(`${t.baseUrl}/?${PERIOD}`);
    await page.getByTestId('check-ins-due').filter({ hasText: '6' }).waitFor();
    await page.getByLabel('Wijk').selectOption('Centrum');
    await page.getByTestId('dashboard-apply').focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/neighbourhood=Centrum/);
    await page.getByTestId('check-ins-due').filter({ hasText: '4' }).waitFor();
    expect(await figure('check-ins-missed')).toBe('50%');
    expect(await page.getByTestId('dashboard-export').getAttribute('href')).toContain(
      'neighbourhood=Centrum',
    );

    await page.getByRole('link', { name: 'Per wijk bekijken' }).click();
    await page.getByRole('heading', { level: 1, name: 'Per wijk' }).waitFor();
    const hoods = page.getByTestId('neighbourhoods-table').locator('tbody th');
    // The heading shows before the figures have arrived: wait for the last wijk's row.
    await hoods.filter({ hasText: 'Geen wijk bekend' }).waitFor();
    expect(await hoods.allInnerTexts()).toEqual(['Centrum', 'Noord', 'Geen wijk bekend']);
    expect(await axeViolations(page)).toEqual([]);
  });
});
