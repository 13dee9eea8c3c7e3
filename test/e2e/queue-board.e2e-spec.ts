import { QueueName } from '../../api/src/core/queue/queue.constants';
import { QueueService } from '../../api/src/core/queue/queue.service';
import { createPartnerUser, createTeam, type TestUser } from '../support/factories';
import type { HttpClient } from '../support/http-client';
import { startTestApp, type TestApp } from '../support/test-app';

const BOARD = '/api/admin/queues';
const HTML = { accept: 'text/html,application/xhtml+xml' };

describe('Bull Board at /api/admin/queues', () => {
  let t: TestApp;
  let team: { admin: TestUser; coordinator: TestUser; caseworker: TestUser; organisation: { id: string } };
  let partner: TestUser;

  beforeAll(async () => {
    t = await startTestApp();
    team = await createTeam(t.dataSource);
    partner = (await createPartnerUser(t.dataSource, team.organisation.id)).user;
  });
  afterAll(() => t.close());

  it('sends an anonymous browser to the sign-in page and refuses the rest with a 401 problem', async () => {
    const page = await fetch(`${t.baseUrl}${BOARD}`, { headers: HTML, redirect: 'manual' });
    expect(page.status).toBe(302);
    expect(page.headers.get('location')).toBe('/inloggen');

    for (const path of [`${BOARD}/api/queues`, `${BOARD}/static/images/logo.svg`, `${BOARD}/queue/mail`]) {
      const response = await t.client().get<{ type: string; status: number; instance: string }>(path);
      expect(response.status).toBe(401);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(response.body).toMatchObject({ status: 401, instance: path });
      expect(response.body.type).toMatch(/unauthenticated$/);
    }
    const retry = await t.client().request('PUT', `${BOARD}/api/queues/mail/retry/failed`);
    expect(retry.status).toBe(401);
  });

  it.each(['coordinator', 'caseworker', 'partner'] as const)(
    'refuses a %s with a 403 problem',
    async (role) => {
      const user = role === 'partner' ? partner : team[role];
      const browser = await t.signIn(user);
      for (const [path, headers] of [
        [BOARD, HTML],
        [`${BOARD}/api/queues`, {}],
        [`${BOARD}/static/images/logo.svg`, {}],
      ] as const) {
        const response = await browser.get<{ type: string }>(path, headers);
        expect(response.status).toBe(403);
        expect(response.headers.get('content-type')).toContain('application/problem+json');
        expect(response.body.type).toMatch(/forbidden$/);
      }
      expect((await browser.request('PUT', `${BOARD}/api/queues/mail/pause`)).status).toBe(403);
    },
  );

  it('shows an admin every queue of the app, without starting a worker', async () => {
    const admin = await t.signIn(team.admin);

    const page = await admin.get<string>(BOARD, HTML);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.body).toContain(`<base href="${BOARD}/"`);
    // The app's own policy, unrelaxed: no inline scripts, nothing from elsewhere.
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self';");
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self';");

    const api = await admin.get<{ queues: Array<{ name: string; type: string }> }>(`${BOARD}/api/queues`);
    expect(api.status).toBe(200);
    expect(api.body.queues.map((q) => q.name).sort()).toEqual(Object.values(QueueName).sort());
    expect(new Set(api.body.queues.map((q) => q.type))).toEqual(new Set(['bullmq']));

    const asset = await admin.get(`${BOARD}/static/images/logo.svg`);
    expect(asset.status).toBe(200);

    const queues = t.app.get(QueueService);
    for (const name of Object.values(QueueName)) expect(await queues.queue(name).getWorkersCount()).toBe(0);
  });

  it("lets an admin act from the board itself, not from another site's page", async () => {
    const admin: HttpClient = await t.signIn(team.admin);
    const foreign = await admin.request('PUT', `${BOARD}/api/queues/mail/pause`, undefined, {
      origin: 'https://evil.example',
    });
    expect(foreign.status).toBe(403);
    const crossSite = await admin.request('PUT', `${BOARD}/api/queues/mail/pause`, undefined, {
      'sec-fetch-site': 'cross-site',
    });
    expect(crossSite.status).toBe(403);
    const queues = t.app.get(QueueService);
    expect(await queues.queue(QueueName.Mail).isPaused()).toBe(false);

    const own = await admin.request('PUT', `${BOARD}/api/queues/mail/pause`, undefined, {
      origin: new URL(t.baseUrl).origin,
      'sec-fetch-site': 'same-origin',
    });
    expect(own.status).toBe(200);
    expect(await queues.queue(QueueName.Mail).isPaused()).toBe(true);
    await queues.queue(QueueName.Mail).resume();
  });
});
