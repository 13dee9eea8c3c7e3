import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { AppModule } from '../../api/src/app.module';
import { createDataSource } from '../../api/src/core/database/data-source.factory';
import { TimerPlannerService } from '../../api/src/modules/scheduling/timer-planner.service';
import { addDays } from '../../api/src/modules/check-ins/check-in-views.util';
import { createCheckIn, createClient, createTeam, createTimer, createWatch } from '../support/factories';
import { type PrivateRedis, startPrivateRedis } from '../support/private-redis';
import { type SmtpSink, startSmtpSink, waitUntil } from '../support/smtp-sink';
import { testConfig } from '../support/test-config';
import { currentTestRun } from '../support/test-run';

const ROOT = join(__dirname, '../..');
const WORKER = join(ROOT, 'dist/api/api/src/worker.js');

/**
 * The engine's promise under faults, on a Redis server of this spec's own (so FLUSHALL hurts nobody else) and a
 * real SMTP server: every due reminder is delivered, and every effect happens once.
 */
describe('the scheduling engine under faults', () => {
  let redis: PrivateRedis;
  let smtp: SmtpSink;
  let db: DataSource;
  const fast = { PLANNER_INTERVAL_MS: '200', TIMER_LEASE_SECONDS: '5' };

  beforeAll(async () => {
    [redis, smtp] = await Promise.all([startPrivateRedis(), startSmtpSink()]);
    db = createDataSource(testConfig(), 'faults');
    await db.initialize();
  });
  afterAll(async () => {
    await db.destroy();
    await Promise.all([redis.stop(), smtp.stop()]);
  });

  const config = (overrides: Record<string, string>) =>
    testConfig({ REDIS_URL: redis.url, SMTP_URL: smtp.url, ...fast, ...overrides });

  const boot = async (roles: string): Promise<INestApplicationContext> => {
    const app = await NestFactory.createApplicationContext(
      AppModule.forConfig(config({ WAAKVLAM_ROLES: roles })),
      { logger: false },
    );
    await app.init();
    return app;
  };

  /** `n` teams, each with one check-in whose `kind` timer is due now; returns the caseworkers and check-ins. */
  const dueTimers = async (n: number, kind: 'check_in_overdue' | 'check_in_missed') => {
    const today = new Date().toISOString().slice(0, 10);
    const seeded: Array<{ caseworker: string; coordinator: string; checkIn: string; watch: string }> = [];
    for (let i = 0; i < n; i++) {
      const team = await createTeam(db);
      const client = await createClient(db, team.organisation.id, team.coordinator.id);
      const watch = await createWatch(db, team.organisation.id, client.id, team.caseworker.id);
      const checkIn = await createCheckIn(db, team.organisation.id, watch.id, team.caseworker.id, {
        dueDate: addDays(today, -8),
        graceEndsOn: addDays(today, -4),
      });
      await createTimer(db, team.organisation.id, kind, checkIn.id);
      seeded.push({
        caseworker: team.caseworker.email,
        coordinator: team.coordinator.email,
        checkIn: checkIn.id,
        watch: watch.id,
      });
    }
    return seeded;
  };

  const deliveriesTo = (addresses: readonly string[]) => {
    const wanted = new Set(addresses);
    return smtp.received.filter((m) => wanted.has(m.to));
  };

  it('FLUSHALL between planning and sending: every due reminder is still delivered, exactly once', async () => {
    const seeded = await dueTimers(20, 'check_in_overdue');
    const recipients = seeded.map((s) => s.caseworker);

    // Planned without workers: the jobs are in Redis, and then Redis loses everything.
    const planning = await boot('api');
    const tick = await planning.get(TimerPlannerService).tick();
    expect(tick.enqueued).toBeGreaterThanOrEqual(20);
    await planning.close();
    await redis.flushAll();

    const worker = await boot('worker');
    try {
      await waitUntil(
        () => new Set(deliveriesTo(recipients).map((m) => m.to)).size === 20,
        45_000,
        '20 e-mails',
      );
      // Every lease that could still bring a duplicate has passed.
      await new Promise((r) => setTimeout(r, 6_000));
    } finally {
      await worker.close();
    }
    const delivered = deliveriesTo(recipients);
    expect(delivered.map((m) => m.to).sort()).toEqual([...recipients].sort());
    const rows: Array<{ status: string; n: number }> = await db.query(
      `SELECT status, count(*)::int AS n FROM notifications WHERE recipient = ANY($1::text[]) GROUP BY status`,
      [recipients],
    );
    expect(rows).toEqual([{ status: 'sent', n: 20 }]);
  }, 90_000);

  it('SMTP refusing for a while: everything is delivered after it recovers, nothing dead', async () => {
    const seeded = await dueTimers(10, 'check_in_overdue');
    const recipients = seeded.map((s) => s.caseworker);
    smtp.refuseFor(4_000);
    const worker = await boot('worker');
    try {
      await waitUntil(
        () => deliveriesTo(recipients).length >= 10,
        60_000,
        '10 e-mails after the SMTP outage',
      );
    } finally {
      await worker.close();
    }
    expect(
      deliveriesTo(recipients)
        .map((m) => m.to)
        .sort(),
    ).toEqual([...recipients].sort());
    const [{ attempts, dead }]: Array<{ attempts: number; dead: number }> = await db.query(
      `SELECT max(attempts)::int AS attempts, count(*) FILTER (WHERE status = 'dead')::int AS dead
       FROM notifications WHERE recipient = ANY($1::text[])`,
      [recipients],
    );
    expect(dead).toBe(0);
    // They were refused first and retried with backoff.
    expect(attempts).toBeGreaterThan(1);
  }, 90_000);

  it('a worker process killed with SIGKILL mid-batch: nothing lost, nothing doubled', async () => {
    const n = 300;
    const seeded = await dueTimers(n, 'check_in_missed');
    const checkIns = seeded.map((s) => s.checkIn);
    const missed = async (): Promise<number> =>
      Number(
        (
          await db.query(
            `SELECT count(*) AS n FROM check_ins WHERE id = ANY($1::uuid[]) AND status = 'missed'`,
            [checkIns],
          )
        )[0].n,
      );

    const first = startWorker();
    try {
      await waitUntil(async () => (await missed()) >= 20, 90_000, 'the first worker to be mid-batch').catch(
        (error: unknown) => {
          // What the worker said, for a run where it never got going.
          throw new Error(`${String(error)}; the worker's output:\n${first.output()}`);
        },
      );
      first.child.kill('SIGKILL');
      await first.exit;
    } finally {
      first.child.kill('SIGKILL');
    }
    const doneAtKill = await missed();
    expect(doneAtKill).toBeLessThan(n);

    const second = startWorker();
    try {
      await waitUntil(async () => (await missed()) === n, 90_000, `all ${n} check-ins missed`);
      await waitUntil(
        () => new Set(deliveriesTo(seeded.map((s) => s.coordinator)).map((m) => m.to)).size === n,
        60_000,
        'every coordinator e-mail',
      );
    } finally {
      second.child.kill('SIGTERM');
      await second.exit;
    }

    const watches = seeded.map((s) => s.watch);
    const [effects]: Array<{ events: number; retries: number; streak: number }> = await db.query(
      `SELECT (SELECT count(*)::int FROM watch_events WHERE watch_id = ANY($1::uuid[]) AND type = 'check_in_missed') AS events,
              (SELECT count(*)::int FROM check_ins WHERE watch_id = ANY($1::uuid[]) AND status = 'planned') AS retries,
              (SELECT sum(missed_in_row)::int FROM watches WHERE id = ANY($1::uuid[])) AS streak`,
      [watches],
    );
    expect(effects).toEqual({ events: n, retries: n, streak: n });
    const [{ written }]: Array<{ written: number }> = await db.query(
      `SELECT count(*)::int AS written FROM notifications WHERE recipient = ANY($1::text[])`,
      [seeded.map((s) => s.coordinator)],
    );
    expect(written).toBe(n);
    // SMTP can only double a message cut between DATA and the server's reply; the pool has 5 connections.
    const deliveries = deliveriesTo(seeded.map((s) => s.coordinator));
    expect(new Set(deliveries.map((m) => m.messageId)).size).toBe(n);
    expect(deliveries.length - n).toBeLessThanOrEqual(5);
  }, 240_000);

  function startWorker(): { child: ChildProcess; exit: Promise<number | null>; output: () => string } {
    const run = currentTestRun();
    const child = spawn(process.execPath, [WORKER], {
      cwd: ROOT,
      env: {
        PATH: process.env['PATH'] ?? '',
        NODE_ENV: 'test',
        DATABASE_URL: run.databaseUrl,
        DATABASE_MIGRATION_URL: run.ownerDatabaseUrl,
        REDIS_URL: redis.url,
        REDIS_PREFIX: run.redisPrefix,
        SMTP_URL: smtp.url,
        MIGRATE_ON_START: 'false',
        SEED_DEMO: 'false',
        LOG_LEVEL: 'warn',
        WORKER_CONCURRENCY: '8',
        ...fast,
      },
    });
    let output = '';
    child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
    const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    return { child, exit, output: () => output };
  }
});
