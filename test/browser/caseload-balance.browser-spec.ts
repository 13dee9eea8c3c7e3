import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { axeViolations, launchChromium, signInThroughConsole } from '../support/browser';
import {
  caseworkersOf,
  createCaseloadTeam,
  createClientWatch,
  plannedCheckInOf,
} from '../support/caseload-factories';
import { createCheckIn, type TestUser } from '../support/factories';
import { currentTestRun } from '../support/test-run';
import { startTestApp, type TestApp } from '../support/test-app';

const ADMIN_DIST = join(__dirname, '../../dist/admin/browser');

describe('Caseloadbalans in the console (Chromium)', () => {
  let t: TestApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    t = await startTestApp({ ADMIN_DIST, REDIS_PREFIX: `${currentTestRun().redisPrefix}-caseload-br` });
    browser = await launchChromium();
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

  const row = (name: RegExp) =>
    page.getByRole('table', { name: 'Caseloadbalans per begeleider' }).getByRole('row', { name });

  it('coordinator selects watches, previews, hands them over and sees the result', async () => {
    const db = t.dataSource;
    const team = await createCaseloadTeam(db);
    const { org, anna, bram } = team;
    const by = team.coordinator.id;
    const w1 = await createClientWatch(db, org, by, anna.id, { reference: `BR-1-${Date.now()}` });
    const w2 = await createClientWatch(db, org, by, anna.id, { reference: `BR-2-${Date.now()}` });
    // Bram is already the backup here: as primary it is skipped.
    const w3 = await createClientWatch(db, org, by, anna.id, {
      backupId: bram.id,
      reference: `BR-3-${Date.now()}`,
    });
    await createCheckIn(db, org, w1.watchId, anna.id, { dueDate: '2099-01-05' });

    await signIn(team.coordinator);
    await page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Caseloadbalans' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Caseloadbalans' }).waitFor();
    expect(await page.title()).toBe('Caseloadbalans – Waakvlam');
    await row(/Anna Aalders/).waitFor();
    expect(
      await row(/Anna Aalders/)
        .getByRole('cell')
        .first()
        .textContent(),
    ).toBe('3');
    expect(await axeViolations(page)).toEqual([]);

    await page.getByLabel('Van begeleider').selectOption({ label: 'Anna Aalders' });
    await page.getByRole('checkbox', { name: `Selecteer ${w1.reference}` }).waitFor();
    // Keyboard: space ticks "select all".
    await page.getByRole('checkbox', { name: 'Alles selecteren' }).focus();
    await page.keyboard.press('Space');
    // Wait for each box to be ticked (the change lands after the key press), rather than sample it at once.
    for (const w of [w1, w2, w3])
      await page.getByRole('checkbox', { name: `Selecteer ${w.reference}`, checked: true }).waitFor();
    await page.getByLabel('Naar begeleider').selectOption({ label: 'Bram Bos' });
    await page.getByRole('radio', { name: 'Hoofdbegeleider' }).check();
    await page.getByLabel('Reden').fill('Anna gaat met verlof');
    await page.getByRole('button', { name: 'Voorbeeld bekijken' }).click();

    const preview = page.getByTestId('preview-result');
    await preview.getByRole('heading', { name: 'Voorbeeld: 2 waakvlam(men) gaan over' }).waitFor();
    await preview.getByText(`${w1.reference}: van Anna Aalders naar Bram Bos`).waitFor();
    await preview.getByText(`${w3.reference}: is al de andere begeleider van deze waakvlam`).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    // The preview changed nothing.
    expect((await caseworkersOf(db, w1.watchId)).primary_caseworker_id).toBe(anna.id);

    await preview.getByRole('button', { name: 'Overdragen' }).click();
    await page
      .getByRole('status')
      .getByText('2 waakvlam(men) overgedragen aan Bram Bos; 1 overgeslagen.')
      .waitFor();
    // The table refreshed: Anna keeps one watch, Bram has two.
    await row(/Bram Bos/)
      .getByRole('cell')
      .first()
      .getByText('2')
      .waitFor();
    expect(
      await row(/Anna Aalders/)
        .getByRole('cell')
        .first()
        .textContent(),
    ).toBe('1');
    expect((await caseworkersOf(db, w1.watchId)).primary_caseworker_id).toBe(bram.id);
    expect((await plannedCheckInOf(db, w1.watchId))?.caseworker_id).toBe(bram.id);
    expect(await axeViolations(page)).toEqual([]);
  });
});
