import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { axeViolations, launchChromium } from '../support/browser';
import { createSelfCheckIn, unknownCheckInToken } from '../support/self-check-in-factories';
import { currentTestRun } from '../support/test-run';
import { startTestApp, type TestApp } from '../support/test-app';

const ADMIN_DIST = join(__dirname, '../../dist/admin/browser');
const ANSWERS = ['Het gaat goed', 'Het gaat minder goed', 'Ik wil graag contact'];

describe('the self check-in page in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    t = await startTestApp({
      ADMIN_DIST,
      REDIS_PREFIX: `${currentTestRun().redisPrefix}-sci-browser`,
      SELF_CHECK_IN_LIMIT_PER_MINUTE: '1000',
    });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });
  beforeEach(async () => {
    // A small phone. bypassCSP only so that the test can inject axe-core; the app runs under its real policy.
    context = await browser.newContext({
      bypassCSP: true,
      locale: 'nl-NL',
      viewport: { width: 360, height: 740 },
    });
    page = await context.newPage();
  });
  afterEach(() => context.close());

  const heading = (name: string) => page.getByRole('heading', { level: 1, name });
  const answerButtons = () => page.getByRole('group', { name: /Wij willen graag weten/ }).getByRole('button');
  const hasHorizontalScroll = () =>
    page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

  it('lets the client answer once on a 360 px screen, without personal data, then says the link no longer works', async () => {
    const fixture = await createSelfCheckIn(t.dataSource);
    await page.goto(`${t.baseUrl}/check-in/${fixture.token}`);
    await heading('Hoe gaat het met u?').waitFor();
    // The heading shows before the link's state has arrived: wait for the answers.
    await answerButtons().last().waitFor();

    expect(await page.getAttribute('html', 'lang')).toBe('nl');
    expect(await page.locator('h1').count()).toBe(1);
    expect((await answerButtons().allTextContents()).map((s) => s.trim())).toEqual(ANSWERS);
    expect(await hasHorizontalScroll()).toBe(false);
    const group = await page.getByRole('group', { name: /Wij willen graag weten/ }).boundingBox();
    for (const box of await Promise.all((await answerButtons().all()).map((b) => b.boundingBox()))) {
      expect(box?.height).toBeGreaterThanOrEqual(44);
      expect(box?.width).toBeCloseTo(group?.width ?? 0, 0);
    }
    // No staff shell, no personal data.
    expect(await page.getByRole('navigation').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Uitloggen' }).count()).toBe(0);
    const text = (await page.textContent('body')) ?? '';
    for (const secret of [
      fixture.client.name,
      fixture.client.reference,
      fixture.client.email,
      fixture.caseworker.email,
    ])
      expect(text).not.toContain(secret);
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Ik wil graag contact' }).click();
    await heading('Bedankt voor uw antwoord').waitFor();
    await page.getByText('Uw begeleider neemt zo snel mogelijk contact met u op.').waitFor();
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    expect(await page.locator('h1').count()).toBe(1);
    expect(await hasHorizontalScroll()).toBe(false);
    expect(await axeViolations(page)).toEqual([]);

    const [row] = await t.dataSource.query(`SELECT outcome, channel FROM check_ins WHERE id = $1`, [
      fixture.checkInId,
    ]);
    expect(row).toEqual({ outcome: 'needs_support', channel: 'self' });

    await page.reload();
    await heading('Deze link werkt niet meer').waitFor();
    await page.getByText('Neem dan contact op met uw begeleider, zoals u dat altijd doet.').waitFor();
    expect(await page.getByRole('button', { name: ANSWERS[0] }).count()).toBe(0);
    expect(await hasHorizontalScroll()).toBe(false);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('shows the same friendly page for an unknown or malformed link, in English when asked', async () => {
    for (const token of [unknownCheckInToken(), 'abc']) {
      await page.goto(`${t.baseUrl}/check-in/${token}`);
      await heading('Deze link werkt niet meer').waitFor();
      expect(await page.locator('h1').count()).toBe(1);
      expect(await hasHorizontalScroll()).toBe(false);
      expect(await axeViolations(page)).toEqual([]);
    }
    await page.getByRole('button', { name: 'English' }).click();
    await heading('This link no longer works').waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('can be used by keyboard alone, with a visible focus', async () => {
    const fixture = await createSelfCheckIn(t.dataSource);
    await page.goto(`${t.baseUrl}/check-in/${fixture.token}`);
    await heading('Hoe gaat het met u?').waitFor();
    await answerButtons().first().waitFor();

    const focused = () => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('Naar de hoofdinhoud');
    for (let i = 0; i < 10 && (await focused()) !== ANSWERS[0]; i++) await page.keyboard.press('Tab');
    expect(await focused()).toBe(ANSWERS[0]);
    const outline = await page.evaluate(() => {
      const style = getComputedStyle(document.activeElement as Element);
      return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
    });
    expect(outline.style).not.toBe('none');
    expect(outline.width).toBeGreaterThan(0);

    await page.keyboard.press('Tab');
    expect(await focused()).toBe(ANSWERS[1]);
    await page.keyboard.press('Enter');
    await heading('Bedankt voor uw antwoord').waitFor();
    await page.getByText('Uw begeleider weet nu dat het minder goed met u gaat.', { exact: false }).waitFor();
  });
});
