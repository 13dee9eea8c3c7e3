import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { axeViolations, launchChromium } from '../support/browser';
import { createTeam, type TestUser } from '../support/factories';
import { startTestApp, type TestApp } from '../support/test-app';

const ADMIN_DIST = join(__dirname, '../../dist/admin/browser');

describe('the console in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let coordinator: TestUser;

  beforeAll(async () => {
    t = await startTestApp({ ADMIN_DIST });
    ({ coordinator } = await createTeam(t.dataSource));
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

  async function signIn(user: TestUser, password = user.password): Promise<void> {
    await page.getByLabel('E-mailadres').fill(user.email);
    await page.getByLabel('Wachtwoord').fill(password);
    await page.getByRole('button', { name: 'Inloggen' }).click();
  }

  it('sends a visitor to the sign-in page, which has no accessibility violations', async () => {
    await page.goto(`${t.baseUrl}/wie-ben-ik`);
    await page.getByRole('heading', { level: 1, name: 'Inloggen bij Waakvlam' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/inloggen');
    expect(await page.getAttribute('html', 'lang')).toBe('nl');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('tells a wrong password plainly, without saying which part was wrong', async () => {
    await page.goto(`${t.baseUrl}/inloggen`);
    await signIn(coordinator, 'not-the-password');
    await page.getByRole('alert').getByText('Het e-mailadres of wachtwoord klopt niet.').waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  it('signs the coordinator in to a home page without violations, shows who is signed in, and signs out', async () => {
    await page.goto(`${t.baseUrl}/`);
    await signIn(coordinator);
    const heading = page.getByRole('heading', { level: 1 });
    await heading.filter({ hasText: 'Welkom' }).waitFor();
    expect(await page.getByText('U bent regievoerder', { exact: false }).count()).toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);

    await page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Wie ben ik' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Wie ben ik' }).waitFor();
    await page.getByText(coordinator.email).waitFor();

    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Inloggen bij Waakvlam' }).waitFor();
    const me = await page.evaluate(async () => (await fetch('/api/auth/me')).status);
    expect(me).toBe(401);
  });

  it('can be used by keyboard alone', async () => {
    await page.goto(`${t.baseUrl}/inloggen`);
    await page.getByLabel('E-mailadres').waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe(
      'Naar de hoofdinhoud',
    );
    await page.getByLabel('E-mailadres').focus();
    await page.keyboard.type(coordinator.email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(coordinator.password);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1 }).filter({ hasText: 'Welkom' }).waitFor();
  });
});
