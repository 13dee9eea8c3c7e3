import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { axeViolations, launchChromium } from '../support/browser';
import type { TestUser } from '../support/factories';
import { createSignalScenario } from '../support/signal-factories';
import { currentTestRun } from '../support/test-run';
import { startTestApp, type TestApp } from '../support/test-app';

const ADMIN_DIST = join(__dirname, '../../dist/admin/browser');

describe('partner signals in the console (Chromium)', () => {
  let t: TestApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    t = await startTestApp({ ADMIN_DIST, REDIS_PREFIX: `${currentTestRun().redisPrefix}-sig-br` });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });
  afterEach(() => context?.close());

  /** A new browser context (no cookies), signed in as the user. bypassCSP only to inject axe-core. */
  async function signInFresh(user: TestUser): Promise<void> {
    await context?.close();
    context = await browser.newContext({ bypassCSP: true, locale: 'nl-NL' });
    page = await context.newPage();
    await page.goto(`${t.baseUrl}/inloggen`);
    await page.getByLabel('E-mailadres').fill(user.email);
    await page.getByLabel('Wachtwoord').fill(user.password);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.getByRole('button', { name: 'Uitloggen' }).waitFor();
  }

  it('partner files a signal and sees the feedback the coordinator wrote for them', async () => {
    const s = await createSignalScenario(t.dataSource);
    const description = `Huur al twee maanden niet betaald; post stapelt zich op (${Date.now()}).`;

    // The partner lands in the portal and sees nothing else of the console.
    await signInFresh(s.partnerUser);
    await page.getByRole('heading', { level: 1, name: 'Mijn signalen' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/meldingen');
    const menu = page.getByRole('navigation', { name: 'Hoofdmenu' });
    expect((await menu.getByRole('link').allTextContents()).map((text) => text.trim())).toEqual([
      'Mijn signalen',
      'Wie ben ik',
      'Beveiliging',
    ]);
    await page.getByText('U heeft nog geen signalen gemeld.').waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('link', { name: 'Signaal melden' }).click();
    await page.getByRole('heading', { level: 1, name: 'Signaal melden' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Signaal versturen' }).click();
    await page.getByTestId('error-summary').waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await page.getByLabel('Referentie', { exact: true }).fill(s.partnerReference);
    await page.getByLabel('Categorie').selectOption({ label: 'Huurachterstand' });
    await page.getByLabel('Wat heeft u gezien of gehoord?').fill(description);
    await page.getByRole('button', { name: 'Signaal versturen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Uw signaal is verstuurd' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Bekijk uw signaal' }).click();
    await page.getByRole('heading', { level: 1, name: 'Signaal: Huurachterstand' }).waitFor();
    expect(await page.getByTestId('signal-status').textContent()).toContain('Ontvangen');
    const partnerSignalUrl = page.url();
    expect(await axeViolations(page)).toEqual([]);

    // The coordinator triages it in the inbox: the partner's reference found the client's watch.
    await signInFresh(s.coordinator);
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Signalen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Signalen' }).waitFor();
    const row = page.getByRole('row', { name: new RegExp(s.client.name) });
    await row.waitFor();
    expect(await row.textContent()).toContain('Nog niet');
    expect(await axeViolations(page)).toEqual([]);
    await row.getByRole('link', { name: 'Huurachterstand' }).click();
    await page.getByRole('heading', { level: 1, name: `Signaal van ${s.partner.name}` }).waitFor();
    await page.getByText(description).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await page.getByLabel('Koppelen aan een waakvlam').check();
    const watchChoice = page.getByLabel(new RegExp(`^${s.client.name}`));
    await watchChoice.waitFor();
    expect(await watchChoice.isChecked()).toBe(true);
    await page.getByLabel('Reden (intern)').fill('Bekende inwoner; begeleider gaat langs.');
    await page
      .getByRole('textbox', { name: 'Terugkoppeling aan de ketenpartner' })
      .fill('Dank u wel. Wij nemen contact op met de bewoner.');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Beoordeling opslaan' }).click();
    await page.getByText('Het signaal is gekoppeld aan de waakvlam.', { exact: false }).waitFor();
    expect(await page.getByTestId('signal-status').textContent()).toContain('Beoordeeld');
    expect(await axeViolations(page)).toEqual([]);

    const requests: Array<{ sources: string[] }> = await t.dataSource.query(
      `SELECT sources FROM reactivation_requests WHERE watch_id = $1 AND status IN ('open', 'accepted', 'contacted')`,
      [s.watchId],
    );
    expect(requests).toEqual([{ sources: ['partner_signal'] }]);

    await page
      .getByRole('textbox', { name: 'Terugkoppeling aan de ketenpartner' })
      .fill('Wij hebben het opgepakt. Bedankt voor uw melding.');
    await page.getByRole('button', { name: 'Afhandelen' }).click();
    await page.getByText('Het signaal is afgehandeld.', { exact: false }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // The partner reads both feedback texts, and nothing internal.
    await signInFresh(s.partnerUser);
    await page.goto(partnerSignalUrl);
    await page.getByRole('heading', { level: 1, name: 'Signaal: Huurachterstand' }).waitFor();
    expect(await page.getByTestId('signal-status').textContent()).toContain('Afgehandeld');
    const feedback = page.getByTestId('feedback');
    await feedback.getByText('Dank u wel. Wij nemen contact op met de bewoner.').waitFor();
    await feedback.getByText('Wij hebben het opgepakt. Bedankt voor uw melding.').waitFor();
    const text = (await page.textContent('main')) ?? '';
    expect(text).not.toContain('Bekende inwoner; begeleider gaat langs.');
    expect(text).not.toContain(s.client.name);
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('link', { name: 'Naar mijn signalen' }).click();
    const listRow = page.getByRole('row', { name: /Huurachterstand/ });
    await listRow.waitFor();
    expect(await listRow.getByTestId('latest-feedback').textContent()).toContain('Wij hebben het opgepakt.');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('admin creates a partner API key (shown once, copied), a partner system files with it, and the admin revokes it', async () => {
    const s = await createSignalScenario(t.dataSource);
    await signInFresh(s.admin);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: t.baseUrl });
    await page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Ketenpartners' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Ketenpartners' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page
      .getByRole('row', { name: new RegExp(s.partner.name) })
      .getByRole('link', { name: /API-sleutels beheren/ })
      .click();
    await page.getByRole('heading', { level: 1, name: `API-sleutels van ${s.partner.name}` }).waitFor();
    await page.getByText('Deze ketenpartner heeft nog geen API-sleutels.').waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await page.getByLabel('Naam').fill('Woningsysteem');
    await page.getByLabel(/E-mail voor terugkoppeling/).fill('systeem@woonstede.example.nl');
    await page.getByRole('button', { name: 'Sleutel maken' }).click();
    await page.getByRole('heading', { name: 'Nieuwe sleutel: Woningsysteem' }).waitFor();
    await page.getByText('U ziet deze sleutel hierna niet meer.', { exact: false }).waitFor();
    const key = ((await page.getByTestId('secret').textContent()) ?? '').trim();
    expect(key).toMatch(/^wvk_[A-Za-z0-9_-]{40}$/);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Sleutel kopiëren' }).click();
    await page.getByText('De sleutel is gekopieerd.').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key);

    // The key works for the partner system.
    const system = t.client();
    const filed = await system.post(
      '/api/signals',
      {
        clientReference: s.partnerReference,
        category: 'isolation',
        description: 'Al weken niemand gezien.',
        observedOn: new Date().toISOString().slice(0, 10),
      },
      { csrf: false, headers: { 'x-api-key': key } },
    );
    expect(filed.status).toBe(201);

    await page.getByRole('button', { name: 'Ik heb de sleutel bewaard' }).click();
    // The secret leaves the page once it is confirmed (on the next render: wait for it, do not sample).
    await page.getByTestId('secret').waitFor({ state: 'detached' });
    expect(await page.getByTestId('secret').count()).toBe(0);
    const row = page.getByRole('row', { name: /Woningsysteem/ });
    expect(await row.textContent()).toContain(key.slice(0, 12));
    expect(await row.textContent()).not.toContain(key);
    await row.getByRole('button', { name: /Intrekken/ }).click();
    await page.getByRole('heading', { name: /Sleutel Woningsysteem .* intrekken\?/ }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Ja, intrekken' }).click();
    await page.getByText('Sleutel Woningsysteem is ingetrokken.').waitFor();
    expect(await row.textContent()).toContain('Ingetrokken op');
    expect(await axeViolations(page)).toEqual([]);
    expect((await system.get('/api/signals', { 'x-api-key': key })).status).toBe(401);
  });
});
