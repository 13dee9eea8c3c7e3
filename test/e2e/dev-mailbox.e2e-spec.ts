import { createPartnerUser, createTeam } from '../support/factories';
import { startTestApp, type TestApp } from '../support/test-app';

describe('Dev mailbox', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('shows a message sent over SMTP to the embedded catcher, and empties on request', async () => {
    const { coordinator, caseworker } = await createTeam(t.dataSource);
    const sender = t.client();
    await sender.login(coordinator.email, coordinator.password);
    expect((await sender.post('/api/dev/mailbox/test-message')).status).toBe(204);

    const reader = t.client();
    await reader.login(caseworker.email, caseworker.password);
    const box = await reader.get<{ enabled: boolean; messages: Array<{ to: string[]; subject: string }> }>(
      '/api/dev/mailbox',
    );
    expect(box.body.enabled).toBe(true);
    expect(box.body.messages).toEqual([
      expect.objectContaining({ to: [coordinator.email], subject: 'Testbericht van Waakvlam' }),
    ]);

    expect((await reader.delete('/api/dev/mailbox')).status).toBe(204);
    expect((await reader.get<{ messages: unknown[] }>('/api/dev/mailbox')).body.messages).toEqual([]);
  });

  it('is not for partners', async () => {
    const team = await createTeam(t.dataSource);
    const { user } = await createPartnerUser(t.dataSource, team.organisation.id);
    const browser = t.client();
    await browser.login(user.email, user.password);
    expect((await browser.get('/api/dev/mailbox')).status).toBe(403);
  });
});
