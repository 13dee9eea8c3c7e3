import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { createClient, createTeam, createWatch, type TestUser } from '../support/factories';
import { createSelfCheckIn } from '../support/self-check-in-factories';
import { startTestApp, type TestApp } from '../support/test-app';

const ADMIN_DIST = join(__dirname, '../../dist/admin/browser');

/** The console's pages a coordinator opens (each renders its own components and their styles). */
const PAGES = [
  '/',
  '/vandaag',
  '/inwoners',
  '/waakvlammen',
  '/contactmomenten',
  '/heractiveringen',
  '/signalen',
  '/berichten',
  '/caseloadbalans',
  '/logboek',
  '/wie-ben-ik',
  '/beveiliging',
];

/**
 * The console under its real Content-Security-Policy (no bypassCSP): every violation the browser reports
 * (`securitypolicyviolation`, or a console error naming the policy) is recorded and must not happen.
 */
describe('the console under its Content-Security-Policy, in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let violations: string[];
  let coordinator: TestUser;
  let admin: TestUser;

  beforeAll(async () => {
    t = await startTestApp({ ADMIN_DIST });
    const team = await createTeam(t.dataSource);
    coordinator = team.coordinator;
    admin = team.admin;
    const client = await createClient(t.dataSource, team.organisation.id, coordinator.id);
    await createWatch(t.dataSource, team.organisation.id, client.id, team.caseworker.id);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });
  beforeEach(async () => {
    context = await browser.newContext({ locale: 'nl-NL' });
    // Injected by the browser itself, so the policy does not apply to this listener (it does to the page).
    await context.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { cspViolations: string[] }).cspViolations = seen;
      document.addEventListener('securitypolicyviolation', (e) =>
        seen.push(
          `${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`,
        ),
      );
    });
    page = await context.newPage();
    violations = [];
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) {
        violations.push(message.text());
      }
    });
    page.on('pageerror', (error) => violations.push(`page error: ${error.message}`));
  });
  afterEach(() => context.close());

  async function signIn(user: TestUser): Promise<void> {
    await page.goto(`${t.baseUrl}/inloggen`);
    await page.getByLabel('E-mailadres').fill(user.email);
    await page.getByLabel('Wachtwoord').fill(user.password);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.getByRole('heading', { level: 1 }).filter({ hasText: 'Welkom' }).waitFor();
  }

  async function recorded(): Promise<string[]> {
    const inPage = await page.evaluate(
      () => (window as unknown as { cspViolations: string[] }).cspViolations,
    );
    return [...violations, ...inPage];
  }

  it('really enforces the policy: an inline script and an inline style are refused', async () => {
    await page.goto(`${t.baseUrl}/inloggen`);
    await page.getByRole('heading', { level: 1, name: 'Inloggen bij Waakvlam' }).waitFor();
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.inlineRan = true';
      document.head.append(script);
      const style = document.createElement('style');
      style.textContent = 'body { outline: 1px solid red }';
      document.head.append(style);
    });
    expect(
      await page.evaluate(() => (window as unknown as { inlineRan?: boolean }).inlineRan),
    ).toBeUndefined();
    await page.waitForFunction(
      () => (window as unknown as { cspViolations: string[] }).cspViolations.length >= 2,
    );
    expect((await recorded()).join('\n')).toMatch(/script-src/);
  });

  it('signs a coordinator in and opens every main page without a single violation', async () => {
    await signIn(coordinator);
    for (const path of PAGES) {
      await page.goto(`${t.baseUrl}${path}`);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await page.waitForLoadState('networkidle');
    }
    expect(await recorded()).toEqual([]);
  });

  it("shows a resident's self check-in page, styled from the stylesheet, without a violation", async () => {
    const { token } = await createSelfCheckIn(t.dataSource);
    await page.goto(`${t.baseUrl}/check-in/${token}`);
    const answer = page.locator('.wv-self-check-in__choice').first();
    await answer.waitFor();
    // The page's own styles (once a component <style>, now in the stylesheet) apply: tall, full-width answers.
    const style = await answer.evaluate((el) => {
      const computed = getComputedStyle(el);
      return { minHeight: computed.minHeight, fontSize: computed.fontSize };
    });
    expect(style).toEqual({ minHeight: '56px', fontSize: '18px' });
    expect(await recorded()).toEqual([]);
  });

  it("opens an admin's settings and the queue board (Bull Board) without a violation of its own", async () => {
    await signIn(admin);
    for (const path of ['/instellingen', '/medewerkers', '/ketenpartners']) {
      await page.goto(`${t.baseUrl}${path}`);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await page.waitForLoadState('networkidle');
    }
    await page.goto(`${t.baseUrl}/api/admin/queues`);
    await page.getByText('Waakvlam').first().waitFor();
    await page.waitForLoadState('networkidle');
    // The board asks Google for its web font; the policy refuses that on purpose (no third parties). Its inline
    // styles are allowed on its page alone (TOOL_PAGES); its scripts are its own files.
    expect((await recorded()).filter((text) => !text.includes('fonts.googleapis.com'))).toEqual([]);
  });
});
