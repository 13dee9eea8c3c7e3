import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { axeViolations, launchChromium, signInThroughConsole } from '../support/browser';
import type { TestUser } from '../support/factories';
import { createClientWithEverything } from '../support/privacy-factories';
import { startTestApp, type TestApp } from '../support/test-app';

const ADMIN_DIST = join(__dirname, '../../dist/admin/browser');

describe("the resident's rights on the client page", () => {
  let t: TestApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    t = await startTestApp({ ADMIN_DIST });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });
  beforeEach(async () => {
    // bypassCSP only so that the test can inject axe-core; the app itself runs under its real policy.
    context = await browser.newContext({ bypassCSP: true, locale: 'nl-NL', acceptDownloads: true });
    page = await context.newPage();
  });
  afterEach(() => context.close());

  const signIn = (user: TestUser) => signInThroughConsole(page, t.baseUrl, user);

  it('shows everything stored in plain Dutch, to print or download, without violations', async () => {
    const s = await createClientWithEverything(t.dataSource);
    await signIn(s.team.coordinator);
    await page.goto(`${t.baseUrl}/inwoners/${s.clientId}`);
    const privacy = page.getByRole('region', { name: 'Privacy' });
    await privacy.waitFor();
    await privacy.getByRole('link', { name: 'Gegevens inzien (export)' }).click();

    const heading = page.getByRole('heading', {
      level: 1,
      name: `Uw gegevens bij ${s.team.organisation.name}`,
    });
    await heading.waitFor();
    const report = page.getByTestId('data-export');
    for (const text of [
      s.texts.name,
      s.texts.email,
      s.texts.agreements,
      s.texts.checkInNote,
      s.texts.signalDescription,
    ])
      await expect(report.getByText(text, { exact: false }).first().isVisible()).resolves.toBe(true);
    await expect(
      report.getByRole('heading', { name: 'Wie uw gegevens gebruikte' }).isVisible(),
    ).resolves.toBe(true);
    expect(await axeViolations(page)).toEqual([]);

    await expect(page.getByRole('button', { name: 'Afdrukken' }).isVisible()).resolves.toBe(true);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download (JSON)' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`waakvlam-gegevens-${s.reference}.json`);

    // On paper only the export: no navigation and no buttons.
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('button', { name: 'Afdrukken' }).isVisible()).resolves.toBe(false);
    await expect(heading.isVisible()).resolves.toBe(true);
  });

  it('explains plainly why erasure is refused while the watch runs, by keyboard, without violations', async () => {
    const s = await createClientWithEverything(t.dataSource, { status: 'active' });
    await signIn(s.team.coordinator);
    await page.goto(`${t.baseUrl}/inwoners/${s.clientId}`);
    const erase = page.getByRole('button', { name: 'Gegevens wissen' });
    await erase.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('group', { name: 'Waarom wist u de gegevens?' }).waitFor();
    // Without a reason the preview asks for one.
    await page.getByRole('button', { name: 'Bekijk wat er gewist wordt' }).click();
    await page.getByText('Kies waarom u de gegevens wist.').waitFor();
    await page.getByLabel('De inwoner vraagt erom').focus();
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: 'Bekijk wat er gewist wordt' }).press('Enter');

    await page.getByRole('heading', { name: 'Wissen kan nu niet' }).waitFor();
    await page.getByText('De waakvlam loopt nog. Beëindig eerst de waakvlam.').waitFor();
    await expect(page.getByRole('button', { name: 'Definitief wissen' }).count()).resolves.toBe(0);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('previews, asks for confirmation and then erases, showing the anonymised resident', async () => {
    const s = await createClientWithEverything(t.dataSource);
    await signIn(s.team.coordinator);
    await page.goto(`${t.baseUrl}/inwoners/${s.clientId}`);
    await page.getByRole('heading', { level: 1, name: s.texts.name }).waitFor();
    await page.getByRole('button', { name: 'Gegevens wissen' }).click();
    await page.getByLabel('De inwoner trekt de toestemming in').check();
    await page.getByRole('button', { name: 'Bekijk wat er gewist wordt' }).click();

    await page.getByRole('heading', { name: 'Dit wordt gewist' }).waitFor();
    await page.getByText('1 melding(en) van partners (tekst en adres)').waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // Not without the confirmation.
    await page.getByRole('button', { name: 'Definitief wissen' }).click();
    await page.getByText('Vink aan dat u weet dat dit niet ongedaan kan worden.').waitFor();
    await expect(page.getByRole('heading', { level: 1, name: s.texts.name }).isVisible()).resolves.toBe(true);

    await page.getByLabel('Ik weet dat dit niet ongedaan kan worden.').check();
    await page.getByRole('button', { name: 'Definitief wissen' }).click();
    await page.getByText('De gegevens van de inwoner zijn gewist.').waitFor();
    await page.getByRole('heading', { level: 1, name: 'Geanonimiseerde inwoner' }).waitFor();
    await expect(page.getByText(s.texts.email).count()).resolves.toBe(0);
    expect(await axeViolations(page)).toEqual([]);
  });
});
