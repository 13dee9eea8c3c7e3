import {
  type ClientPartnerReference,
  type CreatedPartnerApiKey,
  type Page,
  type PartnerApiKey,
  type PartnerSignal,
  PROBLEM_TYPES,
  type Signal,
  SIGNALS_PATH,
  clientPartnerReferencesPath,
  partnerApiKeyPath,
  partnerApiKeysPath,
  signalActionPath,
  signalPath,
} from '@waakvlam/contracts';
import { WorkingCalendar } from '@waakvlam/schedule';
import { simpleParser } from 'mailparser';
import { NotificationSendProcessor } from '../../api/src/modules/notifications/notification-send.processor';
import { createPartnerUser, createTeam } from '../support/factories';
import { createSignalScenario, type SignalScenario } from '../support/signal-factories';
import { type SmtpSink, startSmtpSink } from '../support/smtp-sink';
import { currentTestRun } from '../support/test-run';
import { startTestApp, type TestApp } from '../support/test-app';

const PUBLIC_URL = 'https://waakvlam.example.nl';
const PARTNER_KEYS = [
  'address',
  'category',
  'clientReference',
  'description',
  'feedback',
  'id',
  'observedOn',
  'receivedAt',
  'status',
  'updatedAt',
];
const STANDARD_LINKED = 'Bedankt voor uw signaal. We hebben het bekeken en gaan ermee aan de slag.';

/** Every key of a JSON value, at any depth, as `path.key` (array items as `[]`). */
function keyPaths(value: unknown, prefix = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((item) => keyPaths(item, `${prefix}[]`));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, child]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return [path, ...keyPaths(child, path)];
  });
}

/** The partner-facing keys, at any depth: anything else is a leak. */
const PARTNER_KEY_PATHS = new Set([
  ...PARTNER_KEYS,
  'address.postcode',
  'address.houseNumber',
  'address.houseNumberAddition',
  'feedback[].status',
  'feedback[].text',
  'feedback[].createdAt',
]);

describe('partner signals over HTTP', () => {
  let t: TestApp;
  let sink: SmtpSink;
  const today = new WorkingCalendar({ timeZone: 'Europe/Amsterdam' }).today(new Date());

  beforeAll(async () => {
    sink = await startSmtpSink();
    // No queue workers: the test sends each e-mail itself with the real send processor, over real SMTP.
    t = await startTestApp({
      SMTP_URL: sink.url,
      PUBLIC_URL,
      MAIL_FROM: 'Waakvlam <noreply@waakvlam.example.nl>',
      REDIS_PREFIX: `${currentTestRun().redisPrefix}-sige2e`,
    });
  });
  afterAll(async () => {
    await t.close();
    await sink.stop();
  });

  /** Sends the organisation's outbox messages to `recipient` and returns them as the SMTP server received them. */
  async function mailsTo(organisationId: string, recipient: string) {
    const rows: Array<{ id: string }> = await t.dataSource.query(
      `SELECT id FROM notifications WHERE organisation_id = $1 AND recipient = $2 ORDER BY created_at, id`,
      [organisationId, recipient],
    );
    const mails: Array<{ to: string; subject: string; text: string }> = [];
    for (const { id } of rows) {
      await t.app
        .get(NotificationSendProcessor)
        .process({ notificationId: id }, { jobId: `${id}-t`, attempt: 1 });
      const raw = sink.received.find((r) => r.messageId === `<${id}@waakvlam>`);
      if (!raw) throw new Error(`Notification ${id} was not received`);
      const parsed = await simpleParser(raw.raw);
      mails.push({ to: raw.to, subject: parsed.subject ?? '', text: parsed.text ?? '' });
    }
    return mails;
  }

  const signal = (s: SignalScenario, extra: Record<string, unknown> = {}) => ({
    clientReference: s.partnerReference,
    category: 'nuisance',
    description: 'Veel lawaai en de buren maken zich zorgen.',
    observedOn: today,
    ...extra,
  });

  /** A client without cookies that sends an API key, as a partner system does. */
  const system = (key: string, style: 'x-api-key' | 'bearer' = 'x-api-key') => {
    const client = t.client();
    const headers: Record<string, string> =
      style === 'x-api-key' ? { 'x-api-key': key } : { authorization: `Bearer ${key}` };
    return {
      get: <T>(path: string) => client.get<T>(path, headers),
      post: <T>(path: string, body: unknown) => client.post<T>(path, body, { csrf: false, headers }),
    };
  };

  it('a partner user files a signal and follows its status and the feedback, which reaches it by e-mail in Dutch', async () => {
    const s = await createSignalScenario(t.dataSource);
    const partner = await t.signIn(s.partnerUser);
    const filed = await partner.post<PartnerSignal>(SIGNALS_PATH, signal(s));
    expect(filed.status).toBe(201);
    expect(Object.keys(filed.body).sort()).toEqual(PARTNER_KEYS);
    expect(filed.body).toMatchObject({
      status: 'received',
      feedback: [],
      clientReference: s.partnerReference,
    });

    const mine = await partner.get<Page<PartnerSignal>>(SIGNALS_PATH);
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((i) => i.id)).toEqual([filed.body.id]);

    // The coordinator sees the full view, and links the signal to the client's watch.
    const coordinator = await t.signIn(s.coordinator);
    const internal = await coordinator.get<Signal>(signalPath(filed.body.id));
    expect(internal.body).toMatchObject({
      // With the client's open watch, so triage links without looking it up.
      client: { id: s.client.id, name: s.client.name, openWatch: { id: s.watchId, status: 'active' } },
      reportedBy: { id: s.partnerUser.id },
      partnerOrganisation: { id: s.partner.id },
    });
    const inbox = await coordinator.get<Page<Signal>>(`${SIGNALS_PATH}?status=received`);
    expect(inbox.body.items.map((i) => i.id)).toContain(filed.body.id);
    expect(inbox.body.items.find((i) => i.id === filed.body.id)?.client?.openWatch?.id).toBe(s.watchId);
    const second = await partner.post<PartnerSignal>(SIGNALS_PATH, signal(s, { category: 'neglect' }));
    await t.dataSource.query(
      `UPDATE watches SET status = 'ended', ended_at = now(), end_reason = 'moved_away' WHERE id = $1`,
      [s.watchId],
    );
    expect((await coordinator.get<Signal>(signalPath(second.body.id))).body.client).toMatchObject({
      id: s.client.id,
      openWatch: null,
    });
    await t.dataSource.query(
      `UPDATE watches SET status = 'active', ended_at = NULL, end_reason = NULL WHERE id = $1`,
      [s.watchId],
    );
    const triaged = await coordinator.post<Signal>(signalActionPath(filed.body.id, 'triage'), {
      decision: 'link',
      reason: 'Herkenbaar uit het signaleringsplan: oranje fase',
      watchId: s.watchId,
    });
    expect(triaged.status).toBe(200);
    expect(triaged.body.triage).toMatchObject({ decision: 'linked', watchId: s.watchId });

    const followed = await partner.get<PartnerSignal>(signalPath(filed.body.id));
    expect(followed.status).toBe(200);
    expect(followed.body.status).toBe('triaged');
    expect(followed.body.feedback).toEqual([
      { status: 'triaged', text: expect.stringContaining(STANDARD_LINKED), createdAt: expect.any(String) },
    ]);
    for (const path of keyPaths(followed.body)) expect(PARTNER_KEY_PATHS).toContain(path);

    const handled = await coordinator.post<Signal>(signalActionPath(filed.body.id, 'handle'), {
      feedback: 'Er is contact geweest. Dank voor uw melding.',
    });
    expect(handled.status).toBe(200);
    expect(
      (await partner.get<PartnerSignal>(signalPath(filed.body.id))).body.feedback.map((f) => f.status),
    ).toEqual(['triaged', 'handled']);

    const mails = await mailsTo(s.organisation.id, s.partnerUser.email);
    expect(mails.map((m) => [m.to, m.subject])).toEqual([
      [s.partnerUser.email, 'Uw signaal is bekeken'],
      [s.partnerUser.email, 'Uw signaal is afgehandeld'],
    ]);
    expect(mails[0].text).toMatch(/^Hallo Test,/);
    expect(mails[0].text).toContain(STANDARD_LINKED);
    expect(mails[0].text).toContain('Soort signaal: overlast.');
    expect(mails[1].text).toContain('Er is contact geweest. Dank voor uw melding.');
    for (const mail of mails)
      for (const secret of [s.client.name, s.client.reference, 'signaleringsplan', 'oranje'])
        expect(`${mail.subject}\n${mail.text}`).not.toContain(secret);
  });

  it("isolates partners: another partner's signal is 404, staff routes are 403, and no care field is ever sent", async () => {
    const s = await createSignalScenario(t.dataSource);
    const partner = await t.signIn(s.partnerUser);
    const filed = (await partner.post<PartnerSignal>(SIGNALS_PATH, signal(s))).body;
    const coordinator = await t.signIn(s.coordinator);
    await coordinator.post(signalActionPath(filed.id, 'triage'), {
      decision: 'link',
      reason: 'Geheime reden',
      watchId: s.watchId,
    });

    const other = await t.signIn(s.otherPartnerUser);
    const read = await other.get(signalPath(filed.id));
    expect(read.status).toBe(404);
    expect(read.body).toMatchObject({ type: PROBLEM_TYPES.notFound });
    expect((await other.get<Page<PartnerSignal>>(SIGNALS_PATH)).body.items).toEqual([]);

    for (const [method, path] of [
      ['POST', signalActionPath(filed.id, 'triage')],
      ['POST', signalActionPath(filed.id, 'handle')],
      ['GET', signalActionPath(filed.id, 'candidates')],
      ['GET', '/api/signals/metrics'],
      ['GET', clientPartnerReferencesPath(s.client.id)],
      ['GET', partnerApiKeysPath(s.partner.id)],
    ] as const) {
      const answer =
        method === 'GET'
          ? await partner.get(path)
          : await partner.post(path, { decision: 'no_action', reason: 'x' });
      expect([method, path, answer.status]).toEqual([method, path, 403]);
    }
    const caseworker = await t.signIn(s.caseworker);
    expect((await caseworker.get(SIGNALS_PATH)).status).toBe(403);
    expect((await coordinator.post(SIGNALS_PATH, signal(s))).status).toBe(403);
    expect((await t.client().get(SIGNALS_PATH)).status).toBe(401);

    // Another organisation's coordinator finds nothing.
    const elsewhere = await createTeam(t.dataSource);
    const stranger = await t.signIn(elsewhere.coordinator);
    expect((await stranger.get(signalPath(filed.id))).status).toBe(404);
    expect((await stranger.post(signalActionPath(filed.id, 'handle'), {})).status).toBe(404);

    // The partner's own views hold only partner-facing keys, whatever the signal went through.
    for (const body of [
      (await partner.get(signalPath(filed.id))).body,
      (await partner.get(SIGNALS_PATH)).body,
    ]) {
      const paths = keyPaths(body).map((p) => p.replace(/^items\[\]\./, ''));
      for (const path of paths.filter((p) => !['items', 'page', 'pageSize', 'total'].includes(p)))
        expect(PARTNER_KEY_PATHS).toContain(path);
      const text = JSON.stringify(body);
      for (const secret of [s.client.id, s.client.name, s.watchId, 'Geheime reden', s.coordinator.id])
        expect(text).not.toContain(secret);
    }
  });

  it('answers 400 naming the field for a wrong signal, and the same 201 for any reference', async () => {
    const s = await createSignalScenario(t.dataSource);
    const partner = await t.signIn(s.partnerUser);
    const cases: Array<[Record<string, unknown>, string]> = [
      [signal(s, { category: 'gossip' }), 'category'],
      [signal(s, { observedOn: '2031-02-30' }), 'observedOn'],
      [signal(s, { observedOn: '2999-01-01' }), 'observedOn'],
      [signal(s, { description: '   ' }), 'description'],
      [signal(s, { address: { postcode: '1234AB', houseNumber: '1' } }), 'clientReference'],
      [signal(s, { clientReference: undefined }), 'clientReference'],
      [
        signal(s, { clientReference: undefined, address: { postcode: '0123AB', houseNumber: '1' } }),
        'address.postcode',
      ],
      [
        signal(s, { clientReference: undefined, address: { postcode: '1234AB', houseNumber: '12a' } }),
        'address.houseNumber',
      ],
      [signal(s, { organisationId: s.organisation.id }), 'organisationId'],
    ];
    for (const [body, field] of cases) {
      const answer = await partner.post<{ type: string; errors: Array<{ field: string }> }>(
        SIGNALS_PATH,
        body,
      );
      expect([field, answer.status]).toEqual([field, 400]);
      expect(answer.body.type).toBe(PROBLEM_TYPES.validation);
      expect(answer.body.errors.map((e) => e.field)).toContain(field);
    }
    const unknown = await partner.post<PartnerSignal>(
      SIGNALS_PATH,
      signal(s, { clientReference: 'QQQQ-QQQQ' }),
    );
    const known = await partner.post<PartnerSignal>(SIGNALS_PATH, signal(s));
    expect([unknown.status, known.status]).toEqual([201, 201]);
    expect(Object.keys(unknown.body).sort()).toEqual(Object.keys(known.body).sort());
    // A session still needs its CSRF token.
    expect((await partner.post(SIGNALS_PATH, signal(s), { csrf: false })).status).toBe(403);
  });

  it('API keys: admins create (shown once), list and revoke them; a partner system files and reads with one', async () => {
    const s = await createSignalScenario(t.dataSource);
    const admin = await t.signIn(s.admin);
    const coordinator = await t.signIn(s.coordinator);
    expect((await coordinator.post(partnerApiKeysPath(s.partner.id), { name: 'Woonsysteem' })).status).toBe(
      403,
    );

    const created = await admin.post<CreatedPartnerApiKey>(partnerApiKeysPath(s.partner.id), {
      name: 'Woonsysteem',
      feedbackEmail: 'meldingen@woonstad.example.nl',
    });
    expect(created.status).toBe(201);
    const key = created.body.key;
    expect(key).toMatch(/^wvk_/);
    expect(created.body).toMatchObject({
      name: 'Woonsysteem',
      prefix: key.slice(0, 12),
      revokedAt: null,
      lastUsedAt: null,
    });
    // Stored as a hash: no column holds the key.
    const [stored] = await t.dataSource.query(
      `SELECT count(*)::int AS rows, count(*) FILTER (WHERE position($2 in k::text) > 0)::int AS leaked
       FROM partner_api_keys k WHERE key_prefix = $1`,
      [created.body.prefix, key],
    );
    expect(stored).toEqual({ rows: 1, leaked: 0 });

    // The partner system: no cookies, no CSRF token, just the key, in either header.
    const bySystem = system(key);
    const filed = await bySystem.post<PartnerSignal>(
      SIGNALS_PATH,
      signal(s, { clientReference: undefined, address: { postcode: '1234 AB', houseNumber: '1' } }),
    );
    expect(filed.status).toBe(201);
    expect(Object.keys(filed.body).sort()).toEqual(PARTNER_KEYS);
    const read = await system(key, 'bearer').get<PartnerSignal>(signalPath(filed.body.id));
    expect(read.status).toBe(200);
    const listed = await system(key, 'bearer').get<Page<PartnerSignal>>(SIGNALS_PATH);
    expect(listed.body.items.map((i) => i.id)).toEqual([filed.body.id]);
    // The key reads only its own partner's signals, and opens no other route.
    const otherUser = await t.signIn(s.otherPartnerUser);
    const others = (
      await otherUser.post<PartnerSignal>(SIGNALS_PATH, signal(s, { clientReference: 'ABCD-1234' }))
    ).body;
    expect((await bySystem.get(signalPath(others.id))).status).toBe(404);
    expect((await bySystem.get('/api/clients')).status).toBe(401);
    expect((await bySystem.get('/api/auth/me')).status).toBe(401);
    // A route that takes no key ignores it: without a session or CSRF token the POST is refused at once.
    expect(
      (await bySystem.post(signalActionPath(filed.body.id, 'triage'), { decision: 'no_action', reason: 'x' }))
        .status,
    ).toBe(403);
    // One character changed (to one it is not already) makes another key.
    const tampered = `${key.slice(0, -1)}${key.endsWith('x') ? 'y' : 'x'}`;
    expect((await system(tampered).get(SIGNALS_PATH)).status).toBe(401);

    const keys = await admin.get<PartnerApiKey[]>(partnerApiKeysPath(s.partner.id));
    expect(keys.status).toBe(200);
    expect(keys.body).toHaveLength(1);
    expect(keys.body[0]).not.toHaveProperty('key');
    expect(keys.body[0].lastUsedAt).not.toBeNull();
    expect(JSON.stringify(keys.body)).not.toContain(key);

    // Feedback on a system's signal goes to the key's feedback address, in Dutch.
    await coordinator.post(signalActionPath(filed.body.id, 'triage'), {
      decision: 'forward',
      reason: 'Naar de wijkagent',
    });
    const [mail] = await mailsTo(s.organisation.id, 'meldingen@woonstad.example.nl');
    expect(mail).toMatchObject({ to: 'meldingen@woonstad.example.nl', subject: 'Uw signaal is bekeken' });
    expect(mail.text).toContain(`Hallo ${s.partner.name},`);
    expect(mail.text).not.toContain('wijkagent');

    // Another organisation's admin cannot see or revoke them.
    const elsewhere = await createTeam(t.dataSource);
    const strangeAdmin = await t.signIn(elsewhere.admin);
    expect((await strangeAdmin.get(partnerApiKeysPath(s.partner.id))).status).toBe(404);
    expect((await strangeAdmin.delete(partnerApiKeyPath(s.partner.id, created.body.id))).status).toBe(404);
    expect((await bySystem.get(SIGNALS_PATH)).status).toBe(200);

    const revoked = await admin.delete(partnerApiKeyPath(s.partner.id, created.body.id));
    expect(revoked.status).toBe(204);
    for (const answer of [
      await bySystem.get(SIGNALS_PATH),
      await system(key, 'bearer').get(signalPath(filed.body.id)),
      await bySystem.post(SIGNALS_PATH, signal(s)),
    ]) {
      expect(answer.status).toBe(401);
      expect(answer.body).toMatchObject({ type: PROBLEM_TYPES.unauthenticated });
    }
    const after = await admin.get<PartnerApiKey[]>(partnerApiKeysPath(s.partner.id));
    expect(after.body[0].revokedAt).not.toBeNull();
  });

  it('a partner system retrying with the same Idempotency-Key files one signal; another body or key holder gets 422', async () => {
    const s = await createSignalScenario(t.dataSource);
    const admin = await t.signIn(s.admin);
    const keyFor = async (name: string) =>
      (await admin.post<CreatedPartnerApiKey>(partnerApiKeysPath(s.partner.id), { name })).body.key;
    const [first, second] = [await keyFor('Woonsysteem'), await keyFor('Incassosysteem')];
    const post = (apiKey: string, body: unknown) =>
      t.client().post<PartnerSignal>(SIGNALS_PATH, body, {
        csrf: false,
        headers: { 'x-api-key': apiKey, 'idempotency-key': 'melding-2026-0042' },
      });

    const filed = await post(first, signal(s));
    const retried = await post(first, signal(s));
    expect(filed.status).toBe(201);
    expect(retried.status).toBe(201);
    expect(retried.body.id).toBe(filed.body.id);
    expect(retried.headers.get('idempotent-replayed')).toBe('true');
    expect((await post(first, signal(s, { category: 'neglect' }))).status).toBe(422);
    // Another system of the same partner that happens to use the same key never gets the first one's answer.
    expect((await post(second, signal(s))).status).toBe(422);
    const [{ count }] = await t.dataSource.query(
      `SELECT count(*)::int AS count FROM signals WHERE partner_organisation_id = $1`,
      [s.partner.id],
    );
    expect(count).toBe(1);
  });

  it("gives coordinators the client's reference for each consenting partner", async () => {
    const s = await createSignalScenario(t.dataSource);
    const coordinator = await t.signIn(s.coordinator);
    const references = await coordinator.get<ClientPartnerReference[]>(
      clientPartnerReferencesPath(s.client.id),
    );
    expect(references.status).toBe(200);
    expect(references.body).toEqual([
      {
        partnerOrganisation: { id: s.partner.id, name: s.partner.name, kind: 'housing_corporation' },
        reference: s.partnerReference,
      },
    ]);
    const elsewhere = await createTeam(t.dataSource);
    const { user } = await createPartnerUser(t.dataSource, elsewhere.organisation.id);
    const stranger = await t.signIn(elsewhere.coordinator);
    expect((await stranger.get(clientPartnerReferencesPath(s.client.id))).status).toBe(404);
    expect((await (await t.signIn(user)).get(clientPartnerReferencesPath(s.client.id))).status).toBe(403);
  });

  it('documents the signals API and the partner API key in the OpenAPI document', async () => {
    const doc = await t.client().get<{
      paths: Record<string, Record<string, { security?: unknown[] }>>;
      components: { securitySchemes: Record<string, unknown> };
    }>('/api/openapi.json');
    expect(doc.body.components.securitySchemes['partner-api-key']).toEqual({
      type: 'apiKey',
      in: 'header',
      name: 'X-Api-Key',
    });
    expect(doc.body.paths['/api/signals'].post.security).toEqual([{ 'partner-api-key': [] }]);
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/signals/{id}',
        '/api/signals/{id}/triage',
        '/api/signals/metrics',
        '/api/partner-organisations/{partnerId}/api-keys',
      ]),
    );
  });
});
