import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { QueueEvents } from 'bullmq';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { AppModule } from '../../api/src/app.module';
import { SessionService } from '../../api/src/core/auth/session.service';
import { JOB_QUEUE, JobName, QueueName, jobSchedules } from '../../api/src/core/queue/queue.constants';
import { QueueService } from '../../api/src/core/queue/queue.service';
import { createTeam } from '../support/factories';
import { testConfig } from '../support/test-config';
import { TEST_REDIS_URL } from '../support/test-run';

describe('queue workers against Redis and PostgreSQL', () => {
  const config = testConfig({ WAAKVLAM_ROLES: 'worker' });
  let app: INestApplicationContext;
  let events: QueueEvents;
  const redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: null });
  // BullMQ does not close a connection it was given: this spec closes its own.
  const eventsConnection = redis.duplicate();

  beforeAll(async () => {
    app = await NestFactory.createApplicationContext(AppModule.forConfig(config), { logger: false });
    await app.init();
    events = new QueueEvents(QueueName.Housekeeping, {
      connection: eventsConnection,
      prefix: config.queuePrefix,
    });
    await events.waitUntilReady();
  });
  afterAll(async () => {
    await events.close();
    await app.close();
    eventsConnection.disconnect();
    redis.disconnect();
  });

  it('registers every cluster-wide schedule as a BullMQ job scheduler under the hash-tagged prefix', async () => {
    const expected = jobSchedules({ plannerMs: config.plannerIntervalMs, lapseScanMs: config.lapseScanMs });
    const registered: string[] = [];
    for (const name of Object.values(QueueName)) {
      const schedulers = await app.get(QueueService).queue(name).getJobSchedulers();
      registered.push(...schedulers.map((s) => `${name}/${s.key}/${s.every ?? ''}`));
    }
    expect(registered.sort()).toEqual(expected.map((s) => `${JOB_QUEUE[s.job]}/${s.id}/${s.everyMs}`).sort());
    const keys = await redis.keys(`{${config.redisPrefix}}:${QueueName.Housekeeping}:*`);
    expect(keys.length).toBeGreaterThan(0);
  });

  it('runs the session purge job twice with one effect', async () => {
    const db = app.get(DataSource);
    const sessions = app.get(SessionService);
    const { caseworker } = await createTeam(db);
    const live = await sessions.create(caseworker.id);
    const ended = await sessions.create(caseworker.id);
    await db.query(`UPDATE sessions SET revoked_at = now() - interval '3 days' WHERE csrf_token = $1`, [
      ended.csrfToken,
    ]);

    const queue = app.get(QueueService).queue(QueueName.Housekeeping);
    for (let run = 0; run < 2; run++) {
      const job = await queue.add(JobName.SessionPurge, {});
      await job.waitUntilFinished(events, 15_000);
    }

    const rows: Array<{ csrf_token: string }> = await db.query(
      `SELECT csrf_token FROM sessions WHERE user_id = $1`,
      [caseworker.id],
    );
    expect(rows.map((r) => r.csrf_token)).toEqual([live.csrfToken]);
  });
});
