import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { QueueEvents } from 'bullmq';
import Redis from 'ioredis';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { DataSource } from 'typeorm';
import { AppModule } from '../../api/src/app.module';
import { TenantScope } from '../../api/src/core/database/tenant-scope.model';
import { JobName, QueueName } from '../../api/src/core/queue/queue.constants';
import { QueueService } from '../../api/src/core/queue/queue.service';
import { NotificationsService } from '../../api/src/modules/notifications/notifications.service';
import { createOrganisation } from '../support/factories';
import { testConfig } from '../support/test-config';
import { TEST_REDIS_URL } from '../support/test-run';

interface Received {
  to: string;
  raw: string;
}

describe('the notifications outbox over real SMTP', () => {
  const received: Received[] = [];
  /** Recipients whose next N deliveries the server refuses (a negative count: always). */
  const refusals = new Map<string, number>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      const left = refusals.get(address.address) ?? 0;
      if (left === 0) return callback();
      refusals.set(address.address, left - 1);
      const error = new Error('Mailbox temporarily unavailable') as Error & { responseCode: number };
      error.responseCode = 451;
      callback(error);
    },
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (chunk: Buffer) => (raw += chunk.toString()));
      stream.on('end', () => {
        for (const r of session.envelope.rcptTo) received.push({ to: r.address, raw });
        callback();
      });
    },
  });

  let app: INestApplicationContext;
  let db: DataSource;
  let notifications: NotificationsService;
  let events: QueueEvents;
  let scope: TenantScope;
  const connection = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: null });

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.server.address() as AddressInfo).port;
    const config = testConfig({ WAAKVLAM_ROLES: 'worker', SMTP_URL: `smtp://127.0.0.1:${port}` });
    app = await NestFactory.createApplicationContext(AppModule.forConfig(config), { logger: false });
    await app.init();
    db = app.get(DataSource);
    notifications = app.get(NotificationsService);
    notifications.retryPolicy = { attempts: 3, delayMs: 50, jitter: 0.5 };
    events = new QueueEvents(QueueName.Mail, { connection, prefix: config.queuePrefix });
    await events.waitUntilReady();
    scope = TenantScope.fromSession({ organisationId: (await createOrganisation(db)).id });
  });
  afterAll(async () => {
    await events.close();
    await app.close();
    connection.disconnect();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  let counter = 0;
  const recipient = (): string => `inwoner-${Date.now()}-${++counter}@example.nl`;
  const mailTo = (to: string) => received.filter((r) => r.to === to);
  const row = async (id: string) =>
    (
      (await db.query(
        `SELECT status, attempts, last_error, message_id, sent_at FROM notifications WHERE id = $1`,
        [id],
      )) as Array<{
        status: string;
        attempts: number;
        last_error: string | null;
        message_id: string;
        sent_at: Date;
      }>
    )[0];
  const settled = async (id: string, status: 'sent' | 'dead') => {
    const until = Date.now() + 15_000;
    for (;;) {
      const current = await row(id);
      if (current.status === status) return current;
      if (Date.now() > until) throw new Error(`Notification ${id} is ${current.status}, not ${status}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  const enqueue = (to: string, key = `test-${to}`) =>
    notifications.enqueue(scope, {
      idempotencyKey: key,
      recipient: to,
      subject: 'Even bijpraten',
      text: 'Hoe gaat het?',
      html: '<p>Hoe gaat het?</p>',
      locale: 'nl',
    });

  it('enqueued twice with the same key: one row, one e-mail with the deterministic Message-ID', async () => {
    const to = recipient();
    const [a, b] = [await enqueue(to), await enqueue(to)];
    expect(b).toBe(a);
    const sent = await settled(a, 'sent');
    expect(sent).toMatchObject({ attempts: 1, last_error: null, message_id: `<${a}@waakvlam>` });
    expect(await enqueue(to)).toBe(a);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(mailTo(to)).toHaveLength(1);
    expect(mailTo(to)[0].raw).toContain(`Message-ID: <${a}@waakvlam>`);
    const [{ count }] = (await db.query(
      `SELECT count(*)::int AS count FROM notifications WHERE recipient = $1`,
      [to],
    )) as Array<{ count: number }>;
    expect(count).toBe(1);
  });

  it('run twice through the queue, sends once', async () => {
    const to = recipient();
    const id = await enqueue(to);
    await settled(id, 'sent');
    const job = await app
      .get(QueueService)
      .queue(QueueName.Mail)
      .add(JobName.NotificationSend, { notificationId: id }, { jobId: `${id}-again` });
    await job.waitUntilFinished(events, 15_000);
    expect(mailTo(to)).toHaveLength(1);
    expect((await row(id)).attempts).toBe(1);
  });

  it('retries with backoff while SMTP refuses, then delivers', async () => {
    const to = recipient();
    refusals.set(to, 2);
    const id = await enqueue(to);
    const sent = await settled(id, 'sent');
    expect(sent.attempts).toBe(3);
    expect(sent.last_error).toBeNull();
    expect(mailTo(to)).toHaveLength(1);
  });

  it('ends dead with the last error when every attempt fails; a console retry delivers it', async () => {
    const to = recipient();
    refusals.set(to, -1);
    const id = await enqueue(to);
    const dead = await settled(id, 'dead');
    expect(dead.attempts).toBe(3);
    expect(dead.last_error).toEqual(expect.any(String));
    expect(mailTo(to)).toHaveLength(0);

    refusals.delete(to);
    expect(await notifications.retry(scope, id)).toMatchObject({ id, status: 'pending', attempts: 0 });
    const sent = await settled(id, 'sent');
    expect(sent.attempts).toBe(1);
    expect(mailTo(to)).toHaveLength(1);
    expect(await notifications.retry(scope, id)).toBe('not-dead');
  });
});
