import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { axeViolations, launchChromium } from '../support/browser';
import { createTeam, type TestUser } from '../support/factories';
import { startTestApp, type TestApp } from '../support/test-app';

const ADMIN_DIST = join(__dirname, '../../dist/admin/browser');

describe('password change and deactivation in the console (Chromium)', () => {
  let t: TestApp;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    t = await startTestApp({ ADMIN_DIST });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close()));
  });

  async function signedIn(user: TestUser, password = user.password): Promise<Page> {
    // bypassCSP only so that the test can inject axe-core; the app itself runs under its real policy.
    const context = await browser.newContext({ bypassCSP: true, locale: 'nl-NL' });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${t.baseUrl}/inloggen`);
    await page.getByLabel('E-mailadres').fill(user.email);
    await page.getByLabel('Wachtwoord').fill(password);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    // Each role lands on its own start page; all of them have the main navigation.
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).waitFor();
    return page;
  }

  const meStatus = (page: Page): Promise<number> =>
    page.evaluate(async () => (await fetch('/api/auth/me')).status);

  it('changes the password with plain Dutch messages per field, and signs the other browser out', async () => {
    const { caseworker } = await createTeam(t.dataSource);
    const other = await signedIn(caseworker);
    const page = await signedIn(caseworker);
    await page.goto(`${t.baseUrl}/beveiliging`);
    await page.getByRole('heading', { level: 1, name: 'Beveiliging' }).waitFor();
    // A caseworker sees no two-factor section.
    expect(await page.getByRole('heading', { name: 'Tweestapsverificatie' }).count()).toBe(0);

    await page.getByLabel('Huidig wachtwoord').fill(caseworker.password);
    await page.getByLabel('Nieuw wachtwoord', { exact: true }).fill('wachtwoord2026');
    await page.getByLabel('Herhaal het nieuwe wachtwoord').fill('wachtwoord2026');
    await page.getByRole('button', { name: 'Wachtwoord wijzigen' }).click();
    await page
      .getByRole('alert')
      .getByText('Dit wachtwoord wordt veel gebruikt en is makkelijk te raden. Kies een ander.')
      .waitFor();
    expect(await page.getByLabel('Nieuw wachtwoord', { exact: true }).getAttribute('aria-invalid')).toBe(
      'true',
    );
    expect(await axeViolations(page)).toEqual([]);

    const fresh = 'mijn fiets staat bij de brug';
    await page.getByLabel('Nieuw wachtwoord', { exact: true }).fill(fresh);
    await page.getByLabel('Herhaal het nieuwe wachtwoord').fill(fresh);
    await page.getByRole('button', { name: 'Wachtwoord wijzigen' }).click();
    await page.getByText('Uw wachtwoord is gewijzigd. Op andere apparaten bent u uitgelogd.').waitFor();
    expect(await meStatus(page)).toBe(200);
    expect(await meStatus(other)).toBe(401);
  });

  it('lets an admin deactivate an account, which ends its sessions at once', async () => {
    const { admin, caseworker } = await createTeam(t.dataSource);
    const worker = await signedIn(caseworker);
    const page = await signedIn(admin);
    await page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Medewerkers' })
      .click();
    const row = page.locator(`tr[data-id="${caseworker.id}"]`);
    await row.getByRole('button', { name: /Deactiveren/ }).click();
    await row.getByRole('button', { name: 'Ja, deactiveren' }).click();
    await page
      .getByRole('status')
      .getByText('is gedeactiveerd en overal uitgelogd.', { exact: false })
      .waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(await meStatus(worker)).toBe(401);
    // Own account: no button.
    expect(
      await page
        .locator(`tr[data-id="${admin.id}"]`)
        .getByRole('button', { name: /Deactiveren/ })
        .count(),
    ).toBe(0);

    await row.getByRole('button', { name: /Activeren/ }).click();
    await page.getByRole('status').getByText('kan weer inloggen.', { exact: false }).waitFor();
  });
});
