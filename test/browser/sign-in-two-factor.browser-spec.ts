import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { base32Decode, hotp, totpStep } from '../../api/src/core/auth/totp.util';
import { axeViolations, launchChromium } from '../support/browser';
import { createTeam, type TestUser } from '../support/factories';
import { startTestApp, type TestApp } from '../support/test-app';

const ADMIN_DIST = join(__dirname, '../../dist/admin/browser');

/** A code of the current step plus `offset` (the server accepts one step either side, each step once). */
const codeAt = (secret: string, offset = 0): string =>
  hotp(base32Decode(secret.replace(/\s/g, '')), totpStep(Date.now()) + offset);

describe('two-factor authentication in the console (Chromium)', () => {
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
    context = await browser.newContext({ bypassCSP: true, locale: 'nl-NL' });
    page = await context.newPage();
  });
  afterEach(() => context.close());

  async function signIn(user: TestUser): Promise<void> {
    await page.goto(`${t.baseUrl}/inloggen`);
    await page.getByLabel('E-mailadres').fill(user.email);
    await page.getByLabel('Wachtwoord').fill(user.password);
    await page.getByRole('button', { name: 'Inloggen' }).click();
  }

  /** Scans (reads) the secret on the page and confirms it with a code; ends on the recovery codes. */
  async function confirmApp(offset: number): Promise<string> {
    await page
      .getByRole('img', { name: 'QR-code om Waakvlam aan uw authenticator-app toe te voegen' })
      .waitFor();
    const secret = (await page.getByTestId('totp-secret').textContent()) ?? '';
    await page.getByLabel('Code uit de app').fill(codeAt(secret, offset));
    await page.getByRole('button', { name: 'Instellen', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: 'Uw herstelcodes' }).waitFor();
    expect(await page.getByTestId('recovery-codes').getByRole('listitem').count()).toBe(10);
    return secret;
  }

  it('sets up two-factor on the security page, then asks for a code at the next sign-in', async () => {
    const { coordinator } = await createTeam(t.dataSource);
    await signIn(coordinator);
    await page.getByRole('heading', { level: 1 }).filter({ hasText: 'Welkom' }).waitFor();
    await page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Beveiliging' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Beveiliging' }).waitFor();
    await page.getByText('Tweestapsverificatie staat uit.', { exact: false }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Tweestapsverificatie instellen' }).click();
    // A wrong code first: the message is tied to the field.
    await page.getByLabel('Code uit de app').fill('000000');
    await page.getByRole('button', { name: 'Instellen', exact: true }).click();
    await page
      .getByRole('alert')
      .getByText('Deze code klopt niet of is al gebruikt.', { exact: false })
      .first()
      .waitFor();
    expect(await page.getByLabel('Code uit de app').getAttribute('aria-invalid')).toBe('true');
    expect(await axeViolations(page)).toEqual([]);

    const secret = await confirmApp(-1);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Ik heb de codes bewaard' }).click();
    await page.getByText('Tweestapsverificatie staat nu aan.').waitFor();
    await page.getByText('U heeft nog 10 herstelcodes.', { exact: false }).waitFor();

    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Inloggen bij Waakvlam' }).waitFor();

    // The second step: the password alone gives no session.
    await signIn(coordinator);
    await page.getByRole('heading', { level: 2, name: 'Tweestapsverificatie' }).waitFor();
    expect(await page.evaluate(async () => (await fetch('/api/auth/me')).status)).toBe(401);
    expect(await axeViolations(page)).toEqual([]);
    // By keyboard: the code field, then Enter.
    await page.getByLabel('Code uit de app').focus();
    await page.keyboard.type(codeAt(secret, 1));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1 }).filter({ hasText: 'Welkom' }).waitFor();
    expect(await page.evaluate(async () => (await fetch('/api/auth/me')).status)).toBe(200);
  });

  it('signs in with a recovery code instead of the app', async () => {
    const { admin } = await createTeam(t.dataSource);
    await signIn(admin);
    await page.getByRole('heading', { level: 1 }).filter({ hasText: 'Welkom' }).waitFor();
    await page.goto(`${t.baseUrl}/beveiliging`);
    await page.getByRole('button', { name: 'Tweestapsverificatie instellen' }).click();
    await confirmApp(0);
    const recoveryCode = (
      await page.getByTestId('recovery-codes').getByRole('listitem').first().textContent()
    )?.trim();
    await page.getByRole('button', { name: 'Ik heb de codes bewaard' }).click();
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Inloggen bij Waakvlam' }).waitFor();

    await signIn(admin);
    await page.getByRole('button', { name: 'Ik heb mijn telefoon niet: herstelcode gebruiken' }).click();
    await page.getByLabel('Herstelcode').fill(recoveryCode ?? '');
    await page.getByRole('button', { name: 'Controleren' }).click();
    await page.getByRole('heading', { level: 1 }).filter({ hasText: 'Welkom' }).waitFor();
  });

  it('makes a coordinator set it up at sign-in when the organisation requires it', async () => {
    const { admin, coordinator } = await createTeam(t.dataSource);
    // The admin switches the rule on in the console.
    await signIn(admin);
    await page.getByRole('heading', { level: 1 }).filter({ hasText: 'Welkom' }).waitFor();
    await page.goto(`${t.baseUrl}/beveiliging`);
    await page.getByLabel('Tweestapsverificatie verplicht voor beheerders en regievoerders').check();
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByText('Opgeslagen: tweestapsverificatie is verplicht.').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Inloggen bij Waakvlam' }).waitFor();

    await signIn(coordinator);
    await page.getByRole('heading', { level: 2, name: 'Tweestapsverificatie instellen' }).waitFor();
    await page.getByText('Uw organisatie vraagt beheerders en regievoerders', { exact: false }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await confirmApp(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Ik heb de codes bewaard, ga verder' }).click();
    await page.getByRole('heading', { level: 1 }).filter({ hasText: 'Welkom' }).waitFor();
    expect(await page.getByText('U bent regievoerder', { exact: false }).count()).toBeGreaterThan(0);
  });
});
