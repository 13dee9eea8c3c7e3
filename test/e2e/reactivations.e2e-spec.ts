import {
  IDEMPOTENCY_KEY_HEADER,
  PROBLEM_TYPES,
  REACTIVATIONS_PATH,
  REACTIVATION_METRICS_PATH,
  USERS_PATH,
  reactivationActionPath,
  reactivationPath,
  userAbsencePath,
  userAbsencesPath,
  userPath,
  type Page,
  type ProblemDetails,
  type ReactivationCreated,
  type ReactivationMetrics,
  type ReactivationRequest,
  type ReactivationRequestDetail,
  type UserAbsence,
  type UserSummary,
  type Watch,
} from '@waakvlam/contracts';
import { WorkingCalendar } from '@waakvlam/schedule';
import { Worker } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { simpleParser } from 'mailparser';
import { AppConfig } from '../../api/src/core/config/app.config';
import { QueueName } from '../../api/src/core/queue/queue.constants';
import { QueueService } from '../../api/src/core/queue/queue.service';
import { RedisConnections } from '../../api/src/core/queue/redis-connections.service';
import { ReactivationNotifyProcessor } from '../../api/src/modules/reactivations/reactivation-notify.processor';
import { createPartnerUser, createUser } from '../support/factories';
import type { HttpClient } from '../support/http-client';
import {
  type ReactivationScenario,
  addWatch,
  createReactivationScenario,
  mailsOf,
  reasonsOf,
  requestsOf,
} from '../support/reactivation-factories';
import { type SmtpSink, startSmtpSink, waitUntil } from '../support/smtp-sink';
import { startTestApp, type TestApp } from '../support/test-app';
import { currentTestRun } from '../support/test-run';

const calendar = new WorkingCalendar({ timeZone: 'Europe/Amsterdam' });

describe('reactivations over HTTP', () => {
  let t: TestApp;
  let sink: SmtpSink;
  let worker: Worker;

  beforeAll(async () => {
    sink = await startSmtpSink();
    // Own queues: only this suite's worker (below, for the urgent queue alone) takes these jobs.
    t = await startTestApp({ SMTP_URL: sink.url, REDIS_PREFIX: `${currentTestRun().redisPrefix}-re2e` });
    const processor = t.app.get(ReactivationNotifyProcessor);
    worker = new Worker(
      QueueName.Urgent,
      (job) => processor.process(job.data, { jobId: job.id ?? '', attempt: job.attemptsMade + 1 }),
      {
        connection: t.app.get(RedisConnections).create('test-urgent', { maxRetriesPerRequest: null }),
        prefix: t.app.get(AppConfig).queuePrefix,
      },
    );
  });
  afterAll(async () => {
    await worker.close();
    await t.close();
    await sink.stop();
  });

  const create = (browser: HttpClient, body: Record<string, unknown>, key?: string) =>
    browser.post<ReactivationCreated>(REACTIVATIONS_PATH, body, {
      headers: key ? { [IDEMPOTENCY_KEY_HEADER]: key } : {},
    });
  const body = (s: ReactivationScenario, extra: Record<string, unknown> = {}) => ({
    watchId: s.watchId,
    urgency: 'normal',
    reason: 'Gaat slechter, wil weer hulp',
    ...extra,
  });

  it('opens a request for the primary caseworker, whose e-mail goes through the urgent queue to SMTP', async () => {
    const s = await createReactivationScenario(t.dataSource);
    const coordinator = await t.signIn(s.coordinator);
    const res = await create(coordinator, body(s, { urgency: 'urgent' }));
    expect(res.status).toBe(201);
    expect(res.body.merged).toBe(false);
    expect(res.body.request).toMatchObject({
      watchId: s.watchId,
      status: 'open',
      urgency: 'urgent',
      sources: ['coordinator'],
      assignee: { id: s.caseworker.id },
      createdBy: { id: s.coordinator.id },
      slaBreached: false,
    });
    const [mail] = await mailsOf(t.dataSource, s.organisation.id);
    expect(mail.recipient).toBe(s.caseworker.email);
    // Its own high-priority queue, not the mail queue behind the reminders.
    expect(await t.app.get(QueueService).queue(QueueName.Mail).getJob(`${mail.id}-1`)).toBeUndefined();
    await waitUntil(
      () => sink.received.some((r) => r.messageId === `<${mail.id}@waakvlam>`),
      10_000,
      'the assignee e-mail',
    );
    const raw = sink.received.find((r) => r.messageId === `<${mail.id}@waakvlam>`);
    expect(raw?.to).toBe(s.caseworker.email);
    const parsed = await simpleParser(raw?.raw ?? '');
    expect(parsed.subject).toBe(`Heractivering voor ${s.client.reference} (spoed)`);
    expect(parsed.text).not.toContain(s.client.name);
    await waitUntil(
      async () =>
        (await t.dataSource.query(`SELECT status FROM notifications WHERE id = $1`, [mail.id]))[0].status ===
        'sent',
      5_000,
      'the outbox row marked sent',
    );
  });

  it('replays the first answer for a retried Idempotency-Key and refuses the key with another body', async () => {
    const s = await createReactivationScenario(t.dataSource);
    const caseworker = await t.signIn(s.caseworker);
    const key = randomUUID();
    const first = await create(caseworker, body(s), key);
    expect(first.status).toBe(201);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    // The same body with its keys in another order is the same request.
    const retry = await create(
      caseworker,
      { reason: body(s).reason, urgency: 'normal', watchId: s.watchId },
      key,
    );
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.body).toEqual(first.body);
    const [request] = await requestsOf(t.dataSource, s.watchId);
    expect(await reasonsOf(t.dataSource, request.id)).toHaveLength(1);

    const other = await create(caseworker, body(s, { reason: 'Iets anders' }), key);
    expect(other.status).toBe(422);
    expect(other.headers.get('content-type')).toContain('application/problem+json');
    expect(other.body).toMatchObject({ type: PROBLEM_TYPES.idempotencyKeyMismatch, status: 422 });
    expect(await reasonsOf(t.dataSource, request.id)).toHaveLength(1);

    // A key is the organisation's and the user's: a colleague with the same key gets no replay of someone else's.
    const coordinator = await t.signIn(s.coordinator);
    expect((await create(coordinator, body(s), key)).status).toBe(422);
    expect((await create(caseworker, body(s), 'with space')).status).toBe(400);

    // Transitions honour it too.
    const acceptKey = randomUUID();
    const accept = (k: string) =>
      caseworker.post(reactivationActionPath(request.id, 'accept'), undefined, {
        headers: { [IDEMPOTENCY_KEY_HEADER]: k },
      });
    expect((await accept(acceptKey)).status).toBe(200);
    const again = await accept(acceptKey);
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect((await accept(randomUUID())).status).toBe(409);
  });

  it('runs concurrent duplicates once, and forgets the key of a request that failed', async () => {
    const s = await createReactivationScenario(t.dataSource);
    const caseworker = await t.signIn(s.caseworker);
    const key = randomUUID();
    const answers = await Promise.all(Array.from({ length: 6 }, () => create(caseworker, body(s), key)));
    for (const a of answers) expect([201, 409]).toContain(a.status);
    const [request] = await requestsOf(t.dataSource, s.watchId);
    expect(await reasonsOf(t.dataSource, request.id)).toHaveLength(1);
    const created = answers.filter((a) => a.status === 201);
    expect(created.length).toBeGreaterThanOrEqual(1);
    for (const a of created) expect(a.body).toEqual(created[0].body);

    const failing = randomUUID();
    const other = await createReactivationScenario(t.dataSource);
    expect((await create(caseworker, body(other), failing)).status).toBe(404);
    // Nothing was kept for the failed request: the key can carry a good one.
    expect((await create(caseworker, body(s, { reason: 'Tweede melding' }), failing)).status).toBe(201);
  });

  it('answers a retry while the first request with its key still runs with 409 idempotency-key-in-progress', async () => {
    const s = await createReactivationScenario(t.dataSource);
    const caseworker = await t.signIn(s.caseworker);
    const key = randomUUID();
    // Hold the watch: the first request claims its key, then waits for the watch inside its handler.
    const holder = t.dataSource.createQueryRunner();
    await holder.connect();
    await holder.startTransaction();
    let first: Promise<Awaited<ReturnType<typeof create>>> | null = null;
    try {
      await holder.query(`SELECT 1 FROM watches WHERE id = $1 FOR UPDATE`, [s.watchId]);
      first = create(caseworker, body(s), key);
      await waitUntil(
        async () =>
          (
            await t.dataSource.query(
              `SELECT 1 FROM idempotency_keys WHERE organisation_id = $1 AND key = $2 AND completed_at IS NULL`,
              [s.organisation.id, key],
            )
          ).length === 1,
        10_000,
        'the first request to claim its key',
      );
      const second = await create(caseworker, body(s), key);
      expect(second.status).toBe(409);
      expect(second.headers.get('content-type')).toContain('application/problem+json');
      expect(second.body).toMatchObject({ type: PROBLEM_TYPES.idempotencyKeyInProgress, status: 409 });
      expect(second.body).not.toMatchObject({ type: PROBLEM_TYPES.conflict });
    } finally {
      await holder.rollbackTransaction();
      await holder.release();
    }
    const done = await first;
    expect(done?.status).toBe(201);
    // Now the key has its answer: a retry replays it.
    const retry = await create(caseworker, body(s), key);
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(await requestsOf(t.dataSource, s.watchId)).toHaveLength(1);
  });

  it('lists by urgency and, with sort=sla, the requests waiting for first contact by deadline first', async () => {
    const s = await createReactivationScenario(t.dataSource);
    const coordinator = await t.signIn(s.coordinator);
    const normal = (await create(coordinator, body(s))).body.request;
    const urgentWatch = await addWatch(t.dataSource, s);
    const urgent = (
      await create(coordinator, { watchId: urgentWatch, urgency: 'urgent', reason: 'Acute zorg' })
    ).body.request;
    const contactedWatch = await addWatch(t.dataSource, s);
    const contacted = (
      await create(coordinator, { watchId: contactedWatch, urgency: 'urgent', reason: 'Al gebeld' })
    ).body.request;
    await coordinator.post(reactivationActionPath(contacted.id, 'accept'));
    expect((await coordinator.post(reactivationActionPath(contacted.id, 'contacted'))).status).toBe(200);

    const ids = async (query: string) => {
      const res = await coordinator.get<Page<ReactivationRequest>>(`${REACTIVATIONS_PATH}?${query}`);
      expect(res.status).toBe(200);
      return res.body.items.map((r) => r.id);
    };
    // Default: newest first, as before.
    expect(await ids('')).toEqual([contacted.id, urgent.id, normal.id]);
    expect(await ids('sort=created')).toEqual([contacted.id, urgent.id, normal.id]);
    // Most urgent first; a request already contacted has no deadline left and comes after.
    expect(new Date(urgent.slaDueAt).getTime()).toBeLessThan(new Date(normal.slaDueAt).getTime());
    expect(await ids('sort=sla')).toEqual([urgent.id, normal.id, contacted.id]);
    expect(await ids('urgency=urgent')).toEqual([contacted.id, urgent.id]);
    expect(await ids('urgency=urgent&sort=sla')).toEqual([urgent.id, contacted.id]);
    expect(await ids('urgency=normal&sort=sla')).toEqual([normal.id]);
    expect(await ids('urgency=urgent&status=open')).toEqual([urgent.id]);
    const paged = await coordinator.get<Page<ReactivationRequest>>(
      `${REACTIVATIONS_PATH}?sort=sla&page=2&pageSize=1`,
    );
    expect(paged.body).toMatchObject({ total: 3, items: [{ id: normal.id }] });

    for (const bad of ['urgency=high', 'sort=deadline', 'sort=']) {
      const res = await coordinator.get<ProblemDetails>(`${REACTIVATIONS_PATH}?${bad}`);
      expect([bad, res.status]).toEqual([bad, 400]);
      expect(res.body.errors?.[0]?.field).toBe(bad.split('=')[0]);
    }
  });

  it('lets coordinators set a caseworker’s capacity, which assignment respects: primary → backup → pool', async () => {
    const s = await createReactivationScenario(t.dataSource);
    const coordinator = await t.signIn(s.coordinator);
    const patch = (browser: HttpClient, userId: string, value: unknown) =>
      browser.request<UserSummary & ProblemDetails>('PATCH', userPath(userId), value, {}, true);

    expect(
      (await coordinator.get<UserSummary>(userPath(s.caseworker.id))).body.reactivationCapacity,
    ).toBeNull();
    const full = await patch(coordinator, s.caseworker.id, { reactivationCapacity: 0 });
    expect(full.status).toBe(200);
    expect(full.body).toMatchObject({ id: s.caseworker.id, role: 'caseworker', reactivationCapacity: 0 });
    const listed = await coordinator.get<Page<UserSummary>>(`${USERS_PATH}?role=caseworker&pageSize=100`);
    expect(listed.body.items.find((u) => u.id === s.caseworker.id)?.reactivationCapacity).toBe(0);

    // Primary at capacity: the backup gets it.
    const toBackup = await create(coordinator, body(s));
    expect(toBackup.body.request.assignee?.id).toBe(s.backup.id);
    // Both at capacity (the backup's one place is taken now): the pool.
    const admin = await t.signIn(s.admin);
    expect((await patch(admin, s.backup.id, { reactivationCapacity: 1 })).status).toBe(200);
    const pooled = await create(coordinator, {
      watchId: await addWatch(t.dataSource, s),
      urgency: 'normal',
      reason: 'Geen contact',
    });
    expect(pooled.body.request.assignee).toBeNull();
    // No limit again.
    const cleared = await patch(coordinator, s.caseworker.id, { reactivationCapacity: null });
    expect(cleared.body.reactivationCapacity).toBeNull();
    const toPrimary = await create(coordinator, {
      watchId: await addWatch(t.dataSource, s),
      urgency: 'normal',
      reason: 'Weer zorgen',
    });
    expect(toPrimary.body.request.assignee?.id).toBe(s.caseworker.id);
    // Sending nothing changes nothing.
    expect((await patch(coordinator, s.backup.id, {})).body.reactivationCapacity).toBe(1);

    for (const value of [-1, 501, 2.5, '3', true]) {
      const res = await patch(coordinator, s.caseworker.id, { reactivationCapacity: value });
      expect([value, res.status]).toEqual([value, 400]);
      expect(res.body.errors?.map((e) => e.field)).toContain('reactivationCapacity');
    }
    expect((await patch(coordinator, s.caseworker.id, { role: 'admin' })).status).toBe(400);
    const { user: partner } = await createPartnerUser(t.dataSource, s.organisation.id);
    expect((await patch(coordinator, partner.id, { reactivationCapacity: 3 })).status).toBe(400);

    // Only coordinators and admins, and only in their own organisation.
    expect(
      (await patch(await t.signIn(s.caseworker), s.caseworker.id, { reactivationCapacity: 5 })).status,
    ).toBe(403);
    expect((await patch(await t.signIn(partner), s.caseworker.id, { reactivationCapacity: 5 })).status).toBe(
      403,
    );
    const stranger = await createReactivationScenario(t.dataSource);
    const otherCoordinator = await t.signIn(stranger.coordinator);
    const across = await patch(otherCoordinator, s.caseworker.id, { reactivationCapacity: 5 });
    expect(across.status).toBe(404);
    expect(across.body.type).toBe(PROBLEM_TYPES.notFound);
    expect((await patch(coordinator, randomUUID(), { reactivationCapacity: 5 })).status).toBe(404);
    expect(
      (await coordinator.get<UserSummary>(userPath(s.caseworker.id))).body.reactivationCapacity,
    ).toBeNull();
  });

  it('keeps requests to the organisation and to the caseworker’s own watches; partners get 403', async () => {
    const s = await createReactivationScenario(t.dataSource);
    const coordinator = await t.signIn(s.coordinator);
    const { body: created } = await create(coordinator, body(s));
    const id = created.request.id;

    const stranger = await createReactivationScenario(t.dataSource);
    const otherCoordinator = await t.signIn(stranger.coordinator);
    expect((await otherCoordinator.get(reactivationPath(id))).status).toBe(404);
    for (const action of ['accept', 'contacted', 'cancel'] as const) {
      const res = await otherCoordinator.post<ProblemDetails>(reactivationActionPath(id, action), {
        reason: 'x',
      });
      expect(res.status).toBe(404);
      expect(res.body.type).toBe(PROBLEM_TYPES.notFound);
    }
    expect(
      (
        await otherCoordinator.post(reactivationActionPath(id, 'assign'), {
          assigneeId: stranger.caseworker.id,
        })
      ).status,
    ).toBe(404);
    expect((await create(otherCoordinator, body(s))).status).toBe(404);
    const list = await otherCoordinator.get<Page<ReactivationRequest>>(REACTIVATIONS_PATH);
    expect(list.body.items.map((r) => r.id)).not.toContain(id);

    // A caseworker who is not on the watch (and not the assignee) sees nothing of it.
    const colleague = await createUser(t.dataSource, s.organisation.id, { role: 'caseworker' });
    const outsider = await t.signIn(colleague);
    expect((await outsider.get(reactivationPath(id))).status).toBe(404);
    expect((await create(outsider, body(s))).status).toBe(404);
    expect((await outsider.get<Page<ReactivationRequest>>(REACTIVATIONS_PATH)).body.total).toBe(0);
    // The backup sees it, but only the assignee (or a coordinator) acts on it.
    const backup = await t.signIn(s.backup);
    expect((await backup.get(reactivationPath(id))).status).toBe(200);
    expect((await backup.post(reactivationActionPath(id, 'accept'))).status).toBe(403);
    expect(
      (await backup.post(reactivationActionPath(id, 'assign'), { assigneeId: s.backup.id })).status,
    ).toBe(403);
    // A caseworker speaks for themself.
    const caseworker = await t.signIn(s.caseworker);
    const wrongSource = await create(caseworker, body(s, { source: 'coordinator' }));
    expect(wrongSource.status).toBe(400);
    expect(wrongSource.body).toMatchObject({ errors: [{ field: 'source' }] });
    // Unknown fields, such as an organisation, are refused.
    expect((await create(coordinator, body(s, { organisationId: stranger.organisation.id }))).status).toBe(
      400,
    );

    const { user: partner } = await createPartnerUser(t.dataSource, s.organisation.id);
    const partnerBrowser = await t.signIn(partner);
    expect((await partnerBrowser.get(REACTIVATIONS_PATH)).status).toBe(403);
    expect((await partnerBrowser.get(reactivationPath(id))).status).toBe(403);
    expect((await create(partnerBrowser, body(s))).status).toBe(403);
    expect((await partnerBrowser.get(userAbsencesPath(partner.id))).status).toBe(403);
    expect((await t.client().get(REACTIVATIONS_PATH)).status).toBe(401);
  });

  it('walks the lifecycle, shows what was agreed, and answers 409 for a step out of order', async () => {
    const s = await createReactivationScenario(t.dataSource, { status: 'lapsed' });
    await t.dataSource.query(
      `UPDATE watches SET agreements = 'Bellen op dinsdag', signaleringsplan = $2 WHERE id = $1`,
      [
        s.watchId,
        JSON.stringify({
          green: { signs: 'Neemt op', actions: 'Niets' },
          orange: { signs: 'Post stapelt op', actions: 'Langsgaan' },
          red: { signs: 'Geen contact', actions: 'Huisarts bellen' },
        }),
      ],
    );
    const caseworker = await t.signIn(s.caseworker);
    const { body: created } = await create(caseworker, body(s));
    const id = created.request.id;

    const detail = await caseworker.get<ReactivationRequestDetail>(reactivationPath(id));
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({
      status: 'open',
      reasons: [
        { source: 'caseworker', reason: 'Gaat slechter, wil weer hulp', actor: { id: s.caseworker.id } },
      ],
      watch: {
        status: 'lapsed',
        agreements: 'Bellen op dinsdag',
        signaleringsplan: { orange: { signs: 'Post stapelt op', actions: 'Langsgaan' } },
        primaryCaseworker: { id: s.caseworker.id },
        backupCaseworker: { id: s.backup.id },
      },
      consent: { legalBasis: 'consent', emailReminders: false },
      resolutionNote: null,
    });
    expect(Array.isArray(detail.body.recentEvents)).toBe(true);
    expect(Array.isArray(detail.body.recentCheckIns)).toBe(true);

    const conflict = await caseworker.post<ProblemDetails>(reactivationActionPath(id, 'resolve'), {
      resolution: 'back_to_watch',
    });
    expect(conflict.status).toBe(409);
    expect(conflict.body).toMatchObject({ type: PROBLEM_TYPES.conflict });
    expect((await caseworker.post(reactivationActionPath(id, 'contacted'))).status).toBe(409);

    const accepted = await caseworker.post<ReactivationRequestDetail>(reactivationActionPath(id, 'accept'));
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ status: 'accepted', watch: { status: 'reactivated' } });
    expect(accepted.body.recentEvents[0]).toMatchObject({
      type: 'reactivated',
      actor: { id: s.caseworker.id },
    });
    expect((await caseworker.post(reactivationActionPath(id, 'contacted'))).body).toMatchObject({
      status: 'contacted',
    });
    expect(
      (await caseworker.post(reactivationActionPath(id, 'resolve'), { resolution: 'later' })).status,
    ).toBe(400);
    const resolved = await caseworker.post<ReactivationRequestDetail>(reactivationActionPath(id, 'resolve'), {
      resolution: 'back_to_watch',
      note: 'Afspraken opnieuw gemaakt',
    });
    expect(resolved.body).toMatchObject({
      status: 'resolved',
      resolution: 'back_to_watch',
      watch: { status: 'active' },
    });
    const watch = await caseworker.get<Watch>(`/api/watches/${s.watchId}`);
    expect(watch.body.status).toBe('active');
    expect(watch.body.nextCheckIn?.dueDate).toBe(calendar.nextDueDate(calendar.today(new Date()), 14));
    expect(
      (await caseworker.post(reactivationActionPath(id, 'cancel'), { reason: 'Toch niet' })).status,
    ).toBe(409);
    expect((await caseworker.post(reactivationActionPath(id, 'cancel'), {})).status).toBe(400);
  });

  it('merges a second request, lists by status, pool and assignee, and lets a coordinator assign', async () => {
    const s = await createReactivationScenario(t.dataSource);
    const coordinator = await t.signIn(s.coordinator);
    const caseworker = await t.signIn(s.caseworker);
    const first = await create(caseworker, body(s));
    const second = await create(coordinator, body(s, { urgency: 'urgent', reason: 'Buren bellen' }));
    expect(second.body).toMatchObject({
      merged: true,
      request: { id: first.body.request.id, urgency: 'urgent' },
    });
    expect(second.body.request.sources).toEqual(['caseworker', 'coordinator']);

    // Nobody available for a second watch: primary absent today (through the API), backup inactive.
    const today = calendar.today(new Date());
    expect(
      (
        await coordinator.post(userAbsencesPath(s.caseworker.id), {
          startsOn: today,
          endsOn: today,
          reason: 'verlof',
        })
      ).status,
    ).toBe(201);
    await t.dataSource.query(`UPDATE users SET active = false WHERE id = $1`, [s.backup.id]);
    const poolWatch = await addWatch(t.dataSource, s);
    const pooled = await create(coordinator, {
      watchId: poolWatch,
      urgency: 'normal',
      reason: 'Geen contact',
    });
    expect(pooled.body.request.assignee).toBeNull();

    const ids = async (query: string) =>
      (await coordinator.get<Page<ReactivationRequest>>(`${REACTIVATIONS_PATH}?${query}`)).body.items.map(
        (r) => r.id,
      );
    expect(await ids('pool=true')).toEqual([pooled.body.request.id]);
    expect(await ids(`assigneeId=${s.caseworker.id}`)).toEqual([first.body.request.id]);
    expect(await ids('status=open')).toEqual([pooled.body.request.id, first.body.request.id]);
    expect(await ids('status=resolved')).toEqual([]);
    expect(await ids(`watchId=${poolWatch}`)).toEqual([pooled.body.request.id]);
    expect((await coordinator.get(`${REACTIVATIONS_PATH}?status=nope`)).status).toBe(400);
    const page = await coordinator.get<Page<ReactivationRequest>>(`${REACTIVATIONS_PATH}?page=2&pageSize=1`);
    expect(page.body).toMatchObject({ page: 2, pageSize: 1, total: 2 });
    expect(page.body.items.map((r) => r.id)).toEqual([first.body.request.id]);
    expect((await coordinator.get(`${REACTIVATIONS_PATH}?pageSize=101`)).status).toBe(400);

    // The coordinator gives the pooled request to a caseworker, who is e-mailed and now finds it under "mine".
    const helper = await createUser(t.dataSource, s.organisation.id, { role: 'caseworker' });
    const { user: partner } = await createPartnerUser(t.dataSource, s.organisation.id);
    expect(
      (
        await coordinator.post(reactivationActionPath(pooled.body.request.id, 'assign'), {
          assigneeId: partner.id,
        })
      ).status,
    ).toBe(400);
    const assigned = await coordinator.post<ReactivationRequestDetail>(
      reactivationActionPath(pooled.body.request.id, 'assign'),
      { assigneeId: helper.id },
    );
    expect(assigned.status).toBe(200);
    expect(assigned.body.assignee?.id).toBe(helper.id);
    const helperBrowser = await t.signIn(helper);
    expect(
      (await helperBrowser.get<Page<ReactivationRequest>>(`${REACTIVATIONS_PATH}?mine=true`)).body.items.map(
        (r) => r.id,
      ),
    ).toEqual([pooled.body.request.id]);
    await waitUntil(
      () => sink.received.some((r) => r.to === helper.email),
      10_000,
      "the new assignee's e-mail",
    );
  });

  it('manages absences: coordinators for anyone, a caseworker for themself, nobody across organisations', async () => {
    const s = await createReactivationScenario(t.dataSource);
    const caseworker = await t.signIn(s.caseworker);
    const coordinator = await t.signIn(s.coordinator);
    const own = await caseworker.post<UserAbsence>(userAbsencesPath(s.caseworker.id), {
      startsOn: '2031-07-01',
      endsOn: '2031-07-14',
      reason: 'vakantie',
    });
    expect(own.status).toBe(201);
    expect(own.body).toMatchObject({
      userId: s.caseworker.id,
      startsOn: '2031-07-01',
      endsOn: '2031-07-14',
      reason: 'vakantie',
      createdBy: { id: s.caseworker.id },
    });
    expect(
      (await caseworker.post(userAbsencesPath(s.backup.id), { startsOn: '2031-07-01', endsOn: '2031-07-02' }))
        .status,
    ).toBe(404);
    expect((await caseworker.get(userAbsencesPath(s.backup.id))).status).toBe(404);
    const byCoordinator = await coordinator.post<UserAbsence>(userAbsencesPath(s.backup.id), {
      startsOn: '2031-08-01',
      endsOn: '2031-08-01',
    });
    expect(byCoordinator.status).toBe(201);
    const reversed = await coordinator.post<ProblemDetails>(userAbsencesPath(s.backup.id), {
      startsOn: '2031-08-02',
      endsOn: '2031-08-01',
    });
    expect(reversed.status).toBe(400);
    expect(reversed.body.errors).toEqual([{ field: 'endsOn', message: 'must not be before startsOn' }]);
    expect(
      (
        await coordinator.post(userAbsencesPath(s.backup.id), {
          startsOn: '2031-02-30',
          endsOn: '2031-03-01',
        })
      ).status,
    ).toBe(400);
    const list = await coordinator.get<UserAbsence[]>(userAbsencesPath(s.caseworker.id));
    expect(list.body.map((a) => a.id)).toEqual([own.body.id]);

    const stranger = await createReactivationScenario(t.dataSource);
    const otherCoordinator = await t.signIn(stranger.coordinator);
    expect((await otherCoordinator.get(userAbsencesPath(s.caseworker.id))).status).toBe(404);
    expect((await otherCoordinator.delete(userAbsencePath(s.caseworker.id, own.body.id))).status).toBe(404);
    expect(
      (
        await otherCoordinator.post(userAbsencesPath(s.caseworker.id), {
          startsOn: '2031-07-01',
          endsOn: '2031-07-01',
        })
      ).status,
    ).toBe(404);

    expect((await caseworker.delete(userAbsencePath(s.caseworker.id, own.body.id))).status).toBe(204);
    expect((await caseworker.delete(userAbsencePath(s.caseworker.id, own.body.id))).status).toBe(404);
    expect((await caseworker.get<UserAbsence[]>(userAbsencesPath(s.caseworker.id))).body).toEqual([]);
  });

  it('gives coordinators the metrics of a period', async () => {
    const s = await createReactivationScenario(t.dataSource);
    const coordinator = await t.signIn(s.coordinator);
    const caseworker = await t.signIn(s.caseworker);
    const { body: created } = await create(caseworker, body(s));
    await caseworker.post(reactivationActionPath(created.request.id, 'accept'));
    await caseworker.post(reactivationActionPath(created.request.id, 'contacted'));
    const metrics = await coordinator.get<ReactivationMetrics>(REACTIVATION_METRICS_PATH);
    expect(metrics.status).toBe(200);
    expect(metrics.body).toMatchObject({
      requests: 1,
      toAccepted: { count: 1 },
      toContacted: { count: 1 },
      perSource: { caseworker: 1, client: 0, lapse: 0, partner_signal: 0, coordinator: 0 },
      slaBreached: 0,
    });
    expect(metrics.body.toAccepted.median).toBeGreaterThanOrEqual(0);
    const past = await coordinator.get<ReactivationMetrics>(
      `${REACTIVATION_METRICS_PATH}?from=2020-01-01T00:00:00Z&to=2020-02-01T00:00:00Z`,
    );
    expect(past.body).toMatchObject({ requests: 0, toAccepted: { median: null, count: 0 } });
    expect(
      (
        await coordinator.get(
          `${REACTIVATION_METRICS_PATH}?from=2020-02-01T00:00:00Z&to=2020-01-01T00:00:00Z`,
        )
      ).status,
    ).toBe(400);
    expect((await caseworker.get(REACTIVATION_METRICS_PATH)).status).toBe(403);
  });
});
