import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { QueueName } from '../../api/src/core/queue/queue.constants';
import { axeViolations, launchChromium } from '../support/browser';
import { createTeam, type TestUser } from '../support/factories';
import { currentTestRun } from '../support/test-run';
import { startTestApp, type TestApp } from '../support/test-app';

const ADMIN_DIST = join(__dirname, '../../dist/admin/browser');

describe('Bull Board from the console (Chromium)', () => {
  let t: TestApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let team: { admin: TestUser; coordinator: TestUser };

  beforeAll(async () => {
    t = await startTestApp({ ADMIN_DIST, REDIS_PREFIX: `${currentTestRun().redisPrefix}-board-br` });
    team = await createTeam(t.dataSource);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });
  afterEach(() => context.close());

  /** `bypassCSP` only where axe-core is injected; the board itself is checked under the real policy. */
  async function signIn(user: TestUser, options: { bypassCSP: boolean }): Promise<void> {
    context = await browser.newContext({ ...options, locale: 'nl-NL' });
    page = await context.newPage();
    await page.goto(`${t.baseUrl}/inloggen`);
    await page.getByLabel('E-mailadres').fill(user.email);
    await page.getByLabel('Wachtwoord').fill(user.password);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.getByRole('button', { name: 'Uitloggen' }).waitFor();
  }

  const mainMenu = () => page.getByRole('navigation', { name: 'Hoofdmenu' });

  it('an admin opens the board from the main menu and sees every queue, under the Content-Security-Policy', async () => {
    await signIn(team.admin, { bypassCSP: false });
    const blocked: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) {
        blocked.push(message.text());
      }
    });
    page.on('pageerror', (error) => blocked.push(`page error: ${error.message}`));

    await mainMenu().getByRole('link', { name: 'Wachtrijen (Bull Board)' }).click();
    await page.waitForURL(`${t.baseUrl}/api/admin/queues`);
    for (const name of Object.values(QueueName)) {
      await page
        .getByRole('link', { name: new RegExp(`^${name}\\b`, 'i') })
        .first()
        .waitFor();
    }
    await page.getByText('Waakvlam').first().waitFor();

    // The board asks Google for its web font; the policy refuses that on purpose (no third parties).
    expect(blocked.filter((text) => !text.includes('fonts.googleapis.com'))).toEqual([]);
  });

  it('shows the link to an admin only, in an accessible menu', async () => {
    await signIn(team.admin, { bypassCSP: true });
    await mainMenu().getByRole('link', { name: 'Wachtrijen (Bull Board)' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await context.close();

    await signIn(team.coordinator, { bypassCSP: true });
    await mainMenu().getByRole('link', { name: 'Inwoners' }).waitFor();
    expect(await mainMenu().getByRole('link', { name: 'Wachtrijen (Bull Board)' }).count()).toBe(0);
    // Typing the address does not help: the board refuses the role.
    const response = await page.goto(`${t.baseUrl}/api/admin/queues`);
    expect(response?.status()).toBe(403);
  });
});
