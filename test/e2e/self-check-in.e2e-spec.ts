import { PROBLEM_TYPES, selfCheckInPath, type ProblemDetails } from '@waakvlam/contracts';
import { QueueName } from '../../api/src/core/queue/queue.constants';
import { QueueService } from '../../api/src/core/queue/queue.service';
import { createSelfCheckIn, unknownCheckInToken } from '../support/self-check-in-factories';
import { currentTestRun } from '../support/test-run';
import { startTestApp, type TestApp } from '../support/test-app';

/** What a client's browser does: GET the link (which also hands out the CSRF cookie), then POST the answer. */
async function answer(t: TestApp, token: string, response: unknown) {
  const browser = t.client();
  await browser.get(selfCheckInPath(token));
  return browser.post(selfCheckInPath(token), { response });
}

/** The parts of a problem that must not differ between an unknown, a used and an expired link. */
const sameness = (body: unknown) => {
  const { type, title, status, detail, errors } = body as ProblemDetails;
  return { type, title, status, detail, errors };
};

describe('self check-in over HTTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    // Own throttle counters, and a limit the other tests never reach.
    t = await startTestApp({
      REDIS_PREFIX: `${currentTestRun().redisPrefix}-sci`,
      SELF_CHECK_IN_LIMIT_PER_MINUTE: '1000',
    });
  });
  afterAll(() => t.close());

  const checkIn = async (id: string) =>
    (
      await t.dataSource.query(
        `SELECT status, outcome, channel, completed_by, watch_id FROM check_ins WHERE id = $1`,
        [id],
      )
    )[0] as { status: string; outcome: string | null; channel: string | null; completed_by: string | null };

  const mailsOf = (organisationId: string): Promise<Array<{ id: string; recipient: string }>> =>
    t.dataSource.query(`SELECT id, recipient FROM notifications WHERE organisation_id = $1`, [
      organisationId,
    ]);

  it('records an answer from a browser that keeps no cookies (no CSRF token needed: the link is the secret)', async () => {
    const fixture = await createSelfCheckIn(t.dataSource);
    const res = await fetch(`${t.baseUrl}${selfCheckInPath(fixture.token)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ response: 'well' }),
    });
    expect(res.status).toBe(200);
    expect((await checkIn(fixture.checkInId)).status).toBe('done');
  });

  it('says an unused link is open, without a session and without any personal data', async () => {
    const fixture = await createSelfCheckIn(t.dataSource);
    const res = await t.client().get(selfCheckInPath(fixture.token));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'open' });
    expect(res.headers.get('cache-control')).toBe('no-store');
    const text = JSON.stringify(res.body);
    for (const secret of [
      fixture.client.name,
      fixture.client.email,
      fixture.client.reference,
      fixture.client.dateOfBirth,
      fixture.caseworker.email,
      fixture.checkInId,
      fixture.organisationId,
    ])
      expect(text).not.toContain(secret);
  });

  it('records "well": the check-in is done by the client (channel self) and the next one is planned', async () => {
    const fixture = await createSelfCheckIn(t.dataSource);
    const res = await answer(t, fixture.token, 'well');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'recorded' });

    expect(await checkIn(fixture.checkInId)).toMatchObject({
      status: 'done',
      outcome: 'well',
      channel: 'self',
      completed_by: null,
    });
    const planned: Array<{ id: string }> = await t.dataSource.query(
      `SELECT id FROM check_ins WHERE watch_id = $1 AND status = 'planned'`,
      [fixture.watchId],
    );
    expect(planned).toHaveLength(1);
    expect(planned[0].id).not.toBe(fixture.checkInId);
    const [link] = await t.dataSource.query(
      `SELECT used_at, response FROM check_in_tokens WHERE check_in_id = $1`,
      [fixture.checkInId],
    );
    expect(link.used_at).not.toBeNull();
    expect(link.response).toBe('well');
    // Nobody is alerted when things go well.
    const [{ count }] = await t.dataSource.query(
      `SELECT count(*)::int AS count FROM notifications WHERE organisation_id = $1`,
      [fixture.organisationId],
    );
    expect(count).toBe(0);
  });

  it('opens an urgent reactivation when the client asks for contact (needs_support); its e-mail alerts the caseworker', async () => {
    const fixture = await createSelfCheckIn(t.dataSource);
    const res = await answer(t, fixture.token, 'needs_support');
    expect(res.status).toBe(200);
    expect(await checkIn(fixture.checkInId)).toMatchObject({
      status: 'done',
      outcome: 'needs_support',
      channel: 'self',
    });
    const [request] = await t.dataSource.query(
      `SELECT status, urgency, sources, assignee_id FROM reactivation_requests WHERE watch_id = $1`,
      [fixture.watchId],
    );
    expect(request).toEqual({
      status: 'open',
      urgency: 'urgent',
      sources: ['client'],
      assignee_id: fixture.caseworker.id,
    });
    const mails = await mailsOf(fixture.organisationId);
    expect(mails.map((m) => m.recipient)).toEqual([fixture.caseworker.email]);
    // Queued after commit on the urgent queue, not behind the reminders: the caseworker is alerted at once.
    const queues = t.app.get(QueueService);
    expect(await queues.queue(QueueName.Urgent).getJob(`urgent-${mails[0].id}`)).toBeDefined();
    expect(await queues.queue(QueueName.Mail).getJob(`${mails[0].id}-1`)).toBeUndefined();
  });

  it('keeps the answer and still alerts when the check-in is no longer planned', async () => {
    const fixture = await createSelfCheckIn(t.dataSource);
    await t.dataSource.query(`UPDATE check_ins SET status = 'cancelled' WHERE id = $1`, [fixture.checkInId]);
    const res = await answer(t, fixture.token, 'concern');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'recorded' });
    expect((await checkIn(fixture.checkInId)).status).toBe('cancelled');
    const [link] = await t.dataSource.query(`SELECT response FROM check_in_tokens WHERE check_in_id = $1`, [
      fixture.checkInId,
    ]);
    expect(link.response).toBe('concern');
    const mails = await mailsOf(fixture.organisationId);
    expect(mails.map((m) => m.recipient)).toEqual([fixture.caseworker.email]);
    const job = await t.app.get(QueueService).queue(QueueName.Mail).getJob(`${mails[0].id}-1`);
    expect(job).toBeDefined();
    expect(job?.opts.priority ?? 0).not.toBe(1);
  });

  it('answers a used, an expired, an unknown and a malformed link with the same 404', async () => {
    const used = await createSelfCheckIn(t.dataSource);
    const first = await answer(t, used.token, 'well');
    expect(first.status).toBe(200);
    const second = await answer(t, used.token, 'needs_support');
    const expired = await createSelfCheckIn(t.dataSource, { expired: true });

    const browser = t.client();
    const unknownGet = await browser.get(selfCheckInPath(unknownCheckInToken()));
    expect(unknownGet.status).toBe(404);
    expect(unknownGet.headers.get('content-type')).toContain('application/problem+json');
    expect(unknownGet.body).toMatchObject({ type: PROBLEM_TYPES.notFound, status: 404 });
    const reference = sameness(unknownGet.body);

    const answers = [
      second,
      await browser.get(selfCheckInPath(used.token)),
      await browser.get(selfCheckInPath(expired.token)),
      await answer(t, expired.token, 'well'),
      await answer(t, unknownCheckInToken(), 'well'),
      await browser.get(selfCheckInPath('not-a-token')),
      await browser.get(selfCheckInPath(`${unknownCheckInToken()}A`)),
      await browser.get(selfCheckInPath(`${unknownCheckInToken().slice(0, 42)}.`)),
      await answer(t, 'short', 'well'),
    ];
    for (const res of answers) {
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(sameness(res.body)).toEqual(reference);
    }
    // The second answer changed nothing.
    expect(await checkIn(used.checkInId)).toMatchObject({ status: 'done', outcome: 'well' });
    // The expired link stays unused and its check-in planned.
    expect((await checkIn(expired.checkInId)).status).toBe('planned');
  });

  it('refuses an answer that is not one of the three with a 400, and leaves the link usable', async () => {
    const fixture = await createSelfCheckIn(t.dataSource);
    for (const body of [
      { response: 'great' },
      { response: 'not_reached' },
      {},
      { response: 'well', extra: 1 },
    ]) {
      const browser = t.client();
      await browser.get(selfCheckInPath(fixture.token));
      const res = await browser.post<ProblemDetails>(selfCheckInPath(fixture.token), body);
      expect(res.status).toBe(400);
      expect(res.body.type).toBe(PROBLEM_TYPES.validation);
    }
    expect((await t.client().get(selfCheckInPath(fixture.token))).status).toBe(200);
  });

  it('is in the OpenAPI document as a public route', async () => {
    const doc = await t.client().get<{ paths: Record<string, Record<string, unknown>> }>('/api/openapi.json');
    const path = doc.body.paths['/api/public/check-in/{token}'];
    expect(Object.keys(path ?? {}).sort()).toEqual(['get', 'post']);
  });
});

describe('self check-in rate limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      REDIS_PREFIX: `${currentTestRun().redisPrefix}-sci-rl`,
      SELF_CHECK_IN_LIMIT_PER_MINUTE: '3',
    });
  });
  afterAll(() => t.close());

  it('limits GET and POST together per address, with a 429 problem and Retry-After', async () => {
    const fixture = await createSelfCheckIn(t.dataSource);
    const browser = t.client();
    expect((await browser.get(selfCheckInPath(unknownCheckInToken()))).status).toBe(404);
    expect((await browser.get(selfCheckInPath(unknownCheckInToken()))).status).toBe(404);
    expect((await browser.get(selfCheckInPath(fixture.token))).status).toBe(200);

    const limited = await browser.post<ProblemDetails>(selfCheckInPath(fixture.token), { response: 'well' });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('content-type')).toContain('application/problem+json');
    expect(limited.body).toMatchObject({ type: PROBLEM_TYPES.rateLimited, status: 429 });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    const limitedGet = await browser.get(selfCheckInPath(fixture.token));
    expect(limitedGet.status).toBe(429);
    // The limited request changed nothing.
    const [link] = await t.dataSource.query(`SELECT used_at FROM check_in_tokens WHERE check_in_id = $1`, [
      fixture.checkInId,
    ]);
    expect(link.used_at).toBeNull();
  });
});
