import fs from 'node:fs';
import {
  type Client,
  type ClientPartnerReference,
  type PartnerSignal,
  type ReactivationCreated,
  SIGNALS_PATH,
  type Watch,
  clientPartnerReferencesPath,
  clientDataExportPath,
} from '@waakvlam/contracts';
import { WorkingCalendar } from '@waakvlam/schedule';
import Redis from 'ioredis';
import { NotificationsService } from '../../api/src/modules/notifications/notifications.service';
import { createPartnerUser, createTeam } from '../support/factories';
import { type SmtpSink, startSmtpSink, waitUntil } from '../support/smtp-sink';
import { startTestApp, type TestApp } from '../support/test-app';
import { TEST_REDIS_URL, currentTestRun } from '../support/test-run';

type Write = (...args: unknown[]) => unknown;
/** `fs` as a plain object whose functions can be swapped (pino's sonic-boom looks them up on every write). */
const files = fs as unknown as Record<'write' | 'writeSync', Write>;

/** Everything the application writes to stdout and stderr while it runs, kept instead of printed. */
class OutputCapture {
  private readonly chunks: string[] = [];
  private readonly original = {
    write: files.write,
    writeSync: files.writeSync,
    stdout: process.stdout.write,
    stderr: process.stderr.write,
  };

  /** pino writes to the file descriptors through sonic-boom (fs.write); Nest's console logger through the streams. */
  start(): void {
    const keep = (fd: unknown, data: unknown): boolean => {
      if (fd !== 1 && fd !== 2) return false;
      this.chunks.push(typeof data === 'string' ? data : Buffer.from(data as Uint8Array).toString());
      return true;
    };
    const byteLength = (data: unknown): number =>
      typeof data === 'string' ? Buffer.byteLength(data) : (data as Uint8Array).byteLength;
    const original = this.original;
    files.write = (fd, data, ...rest) => {
      if (!keep(fd, data)) return original.write.call(fs, fd, data, ...rest);
      const callback = rest[rest.length - 1] as (error: null, written: number) => void;
      process.nextTick(() => callback(null, byteLength(data)));
      return undefined;
    };
    files.writeSync = (fd, data, ...rest) =>
      keep(fd, data) ? byteLength(data) : original.writeSync.call(fs, fd, data, ...rest);
    const stream = (fd: number) =>
      ((data: unknown, ...rest: unknown[]): boolean => {
        keep(fd, data);
        const callback = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
        callback?.();
        return true;
      }) as typeof process.stdout.write;
    process.stdout.write = stream(1);
    process.stderr.write = stream(2);
  }

  stop(): void {
    files.write = this.original.write;
    files.writeSync = this.original.writeSync;
    process.stdout.write = this.original.stdout;
    process.stderr.write = this.original.stderr;
  }

  text(): string {
    return this.chunks.join('');
  }
}

/** Every key of the prefix with its value, whatever its type (BullMQ jobs are hashes, queues lists and sets). */
async function dumpRedis(redis: Redis, prefix: string): Promise<{ keys: string[]; text: string }> {
  const keys: string[] = [];
  let cursor = '0';
  do {
    const [next, found] = await redis.scan(cursor, 'MATCH', `*${prefix}*`, 'COUNT', 1000);
    cursor = next;
    keys.push(...found);
  } while (cursor !== '0');
  const parts: string[] = [];
  for (const key of keys) {
    const type = await redis.type(key);
    const value =
      type === 'string'
        ? await redis.get(key)
        : type === 'hash'
          ? await redis.hgetall(key)
          : type === 'list'
            ? await redis.lrange(key, 0, -1)
            : type === 'set'
              ? await redis.smembers(key)
              : type === 'zset'
                ? await redis.zrange(key, 0, -1, 'WITHSCORES')
                : type === 'stream'
                  ? await redis.xrange(key, '-', '+')
                  : null;
    parts.push(`${key} ${JSON.stringify(value)}`);
  }
  return { keys, text: parts.join('\n') };
}

describe('no personal data in Redis or the logs', () => {
  const run = currentTestRun();
  const prefix = `${run.redisPrefix}-leak`;
  const output = new OutputCapture();
  let sink: SmtpSink;
  let t: TestApp;
  let redis: Redis;

  beforeAll(async () => {
    sink = await startSmtpSink();
    redis = new Redis(TEST_REDIS_URL);
    output.start();
    // The whole product in one process, logging every request (info) and more (debug).
    t = await startTestApp({
      WAAKVLAM_ROLES: 'api,worker',
      LOG_LEVEL: 'debug',
      SMTP_URL: sink.url,
      REDIS_PREFIX: prefix,
      PUBLIC_URL: 'https://waakvlam.example.nl',
      PLANNER_INTERVAL_MS: '200',
      WORKER_CONCURRENCY: '2',
    });
    // Failed attempts are retried within the test.
    t.app.get(NotificationsService).retryPolicy = { attempts: 6, delayMs: 300, jitter: 0 };
  });
  afterAll(async () => {
    await t?.close();
    output.stop();
    const keys = await redis.keys(`*${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
    await sink.stop();
  });

  it('holds none of the seeded names, e-mail addresses or phone numbers after a day of work', async () => {
    const db = t.dataSource;
    const team = await createTeam(db);
    const org = team.organisation.id;
    const { user: partnerUser, partner } = await createPartnerUser(db, org);
    // Staff e-mails name clients, so a leak of a mail body would show the name.
    await db.query(`UPDATE organisations SET client_names_in_email = true WHERE id = $1`, [org]);
    const people = [
      { name: 'Gerarda Oosterhuis-Lekvrij', email: 'gerarda.lekvrij@prive.example', phone: '0612873645' },
      { name: 'Barend Zonderlek Kwakernaak', email: 'b.kwakernaak@thuis.example', phone: '+31 20 555 8172' },
    ];
    const needles = people.flatMap((p) => [
      p.name,
      p.email,
      p.phone,
      p.name.split(' ')[0],
      p.email.split('@')[0],
    ]);

    const coordinator = await t.signIn(team.coordinator);
    const today = new WorkingCalendar({ timeZone: 'Europe/Amsterdam' }).today(new Date());
    const watches: Watch[] = [];
    const clients: Client[] = [];
    for (const [i, person] of people.entries()) {
      const created = await coordinator.post<Client>('/api/clients', {
        reference: `LEK-${i}-${run.redisPrefix.slice(-6)}`,
        name: person.name,
        email: person.email,
        phone: person.phone,
        preferredChannel: 'email',
        postcode: '1017 AB',
        houseNumber: `${i + 3}`,
        consent: { legalBasis: 'consent', emailReminders: true, sharingPartnerIds: [partner.id] },
      });
      expect(created.status).toBe(201);
      clients.push(created.body);
      const watch = await coordinator.post<Watch>('/api/watches', {
        clientId: created.body.id,
        primaryCaseworkerId: team.caseworker.id,
        intervalDays: 14,
        contactMode: i === 0 ? 'self' : 'phone',
        startDate: today,
      });
      expect(watch.status).toBe(201);
      watches.push(watch.body);
    }

    // The planned check-ins' reminders fall due now: the worker's planner claims them and sends the e-mails,
    // and SMTP refuses for a moment, so jobs fail and are retried.
    sink.refuseFor(60_000);
    await db.query(
      `UPDATE timers t SET fire_at = now() FROM check_ins x
       WHERE t.subject_id = x.id AND x.watch_id = ANY($1::uuid[]) AND t.state = 'pending'`,
      [watches.map((w) => w.id)],
    );
    await waitUntil(
      async () =>
        (
          await db.query(
            `SELECT 1 FROM notifications WHERE organisation_id = $1 AND last_error IS NOT NULL`,
            [org],
          )
        ).length > 0,
      30_000,
      'a refused attempt',
    );
    sink.refuseFor(0);
    await waitUntil(() => sink.received.some((m) => m.to === people[0].email), 30_000, "the client's e-mail");

    // The resident answers the self check-in link: "Ik wil graag contact".
    const mail = sink.received.find((m) => m.to === people[0].email)?.raw ?? '';
    const token = /check-in\/([A-Za-z0-9_=-]+)/.exec(mail.replace(/=\r?\n/g, ''))?.[1];
    expect(token).toBeDefined();
    const answered = await t
      .client()
      .post(`/api/public/check-in/${token}`, { response: 'needs_support' }, { csrf: false });
    expect(answered.status).toBeLessThan(300);

    // A partner files a signal by the client's reference; a coordinator asks for a reactivation of the other.
    const [reference] = (
      await coordinator.get<ClientPartnerReference[]>(clientPartnerReferencesPath(clients[1].id))
    ).body;
    const partnerClient = await t.signIn(partnerUser);
    const signal = await partnerClient.post<PartnerSignal>(SIGNALS_PATH, {
      clientReference: reference.reference,
      category: 'nuisance',
      description: `Zorgen om de bewoner; bel ${people[1].phone}`,
      observedOn: today,
    });
    expect(signal.status).toBe(201);
    const reactivation = await coordinator.post<ReactivationCreated>(
      '/api/reactivations',
      { watchId: watches[1].id, urgency: 'urgent', reason: 'Signaal van de woningcorporatie' },
      { headers: { 'idempotency-key': `leak-${run.redisPrefix}` } },
    );
    expect(reactivation.status).toBe(201);
    expect((await coordinator.get(clientDataExportPath(clients[0].id))).status).toBe(200);
    // A phone number typed with wide spacing: valid, but longer than the column (it once reached the database and
    // logged the refused row); now a 400 naming the field, which logs nothing but method, path and status.
    const refused = await coordinator.request(
      'PATCH',
      `/api/clients/${clients[1].id}`,
      { name: people[1].name, phone: '06      12      34      56      78' },
      {},
      true,
    );
    expect(refused.status).toBe(400);
    await coordinator.get(`/api/clients?q=${encodeURIComponent(people[0].name)}`);

    await waitUntil(
      () => sink.received.filter((m) => m.to === team.caseworker.email).length >= 2,
      30_000,
      "the caseworker's e-mails",
    );
    // Let the workers settle their jobs (completed and failed ones stay in Redis for a while).
    await new Promise((r) => setTimeout(r, 1_500));

    const dump = await dumpRedis(redis, prefix);
    const logs = output.text();
    // The scan saw the work: job payloads, the failed attempts' reasons, and the logged requests.
    expect(dump.text).toContain('notificationId');
    expect(dump.text).toContain('timerIds');
    expect(dump.text).toContain('"failedReason":"Sending notification');
    expect(dump.text).toContain('returnvalue');
    expect(logs).toContain('"path":"/api/clients"');
    expect(logs).toContain('"path":"/api/public/check-in/:token"');
    expect(logs).toMatch(/"statusCode":201/);
    // The mail did carry the personal data (so it was there to leak).
    expect(sink.received.some((m) => m.raw.includes(people[0].name) || m.to === people[0].email)).toBe(true);

    for (const needle of [...needles, token as string]) {
      expect({ needle, inRedis: dump.text.includes(needle) }).toEqual({ needle, inRedis: false });
      expect({ needle, inLogs: logs.includes(needle) }).toEqual({ needle, inLogs: false });
    }
    // Search terms are not logged either (the query string is left out).
    expect(logs).not.toContain(encodeURIComponent(people[0].name));
  }, 90_000);
});
