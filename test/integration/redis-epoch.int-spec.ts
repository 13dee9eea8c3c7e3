import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { AppModule } from '../../api/src/app.module';
import { QueueName, type TimerJobPayload } from '../../api/src/core/queue/queue.constants';
import { QueueService } from '../../api/src/core/queue/queue.service';
import { TimerPlannerService } from '../../api/src/modules/scheduling/timer-planner.service';
import {
  createCheckIn,
  createClient,
  createNotification,
  createTeam,
  createTimer,
  createWatch,
} from '../support/factories';
import { type PrivateRedis, startPrivateRedis } from '../support/private-redis';
import { testConfig } from '../support/test-config';
import { currentTestRun } from '../support/test-run';

/**
 * When Redis loses its data (FLUSHALL, a restart without persistence) the jobs of claimed timers and pending e-mails
 * go with it. The planner sees a new Redis epoch and queues them again in the same sweep, instead of waiting for each
 * lease (60 s here) to run out. On a Redis of its own and a prefix of its own, so that no other suite's work is touched.
 */
describe('the planner after Redis lost its data', () => {
  const prefix = `${currentTestRun().redisPrefix}-epoch`;
  let redis: PrivateRedis;
  let app: INestApplicationContext;
  let db: DataSource;

  /** The engine without workers (api role) on the private Redis: the test drives the planner itself. */
  const startPlanner = async (): Promise<INestApplicationContext> => {
    const context = await NestFactory.createApplicationContext(
      AppModule.forConfig(
        testConfig({
          WAAKVLAM_ROLES: 'api',
          REDIS_URL: redis.url,
          REDIS_PREFIX: prefix,
          TIMER_LEASE_SECONDS: '60',
        }),
      ),
      { logger: false },
    );
    await context.init();
    return context;
  };

  beforeAll(async () => {
    redis = await startPrivateRedis();
    app = await startPlanner();
    db = app.get(DataSource);
  });
  afterAll(async () => {
    await app.close();
    await redis.stop();
  });

  const dueTimer = async () => {
    const team = await createTeam(db);
    const client = await createClient(db, team.organisation.id, team.coordinator.id);
    const watch = await createWatch(db, team.organisation.id, client.id, team.caseworker.id);
    const checkIn = await createCheckIn(db, team.organisation.id, watch.id, team.caseworker.id, {
      dueDate: new Date().toISOString().slice(0, 10),
    });
    return createTimer(db, team.organisation.id, 'check_in_overdue', checkIn.id, new Date());
  };
  const claimOf = async (id: string) =>
    (
      (await db.query(`SELECT state, attempts, claim_epoch FROM timers WHERE id = $1`, [id])) as Array<{
        state: string;
        attempts: number;
        claim_epoch: string | null;
      }>
    )[0];
  const jobsFor = async (timerId: string) =>
    (await app.get(QueueService).queue(QueueName.Timers).getJobs(['waiting', 'delayed', 'prioritized']))
      .filter((j) => (j.data as TimerJobPayload).timerIds.includes(timerId))
      .map((j) => j.id);

  it('queues every timer and e-mail of the lost epoch again in the next sweep, once when run twice; other prefixes untouched', async () => {
    const planner = app.get(TimerPlannerService);
    const timer = await dueTimer();
    // Claimed by a deployment with another Redis prefix (same database): never ours to release.
    const foreign = await dueTimer();
    await db.query(
      `UPDATE timers SET state = 'claimed', attempts = 1, claim_epoch = '{elsewhere}/e1',
         lease_until = now() + interval '1 minute' WHERE id = $1`,
      [foreign.id],
    );

    await planner.tick();
    const first = await claimOf(timer.id);
    expect(first).toMatchObject({ state: 'claimed', attempts: 1 });
    expect(first.claim_epoch?.startsWith(`{${prefix}}/`)).toBe(true);
    expect(await jobsFor(timer.id)).toEqual([`timer-${timer.id}-1`]);

    // An e-mail queued under that epoch, and one of the other deployment's.
    const team = await createTeam(db);
    const mail = await createNotification(db, team.organisation.id);
    const foreignMail = await createNotification(db, team.organisation.id);
    await db.query(
      `UPDATE notifications SET dispatches = 1, lease_until = now() + interval '1 minute',
         dispatch_epoch = CASE WHEN id = $1 THEN $3 ELSE '{elsewhere}/e1' END
       WHERE id = ANY(ARRAY[$1, $2]::uuid[])`,
      [mail.id, foreignMail.id, first.claim_epoch],
    );
    const mailJob = (jobId: string) => app.get(QueueService).queue(QueueName.Mail).getJob(jobId);

    await redis.flushAll();
    expect(await jobsFor(timer.id)).toEqual([]);
    const tick = await planner.tick();
    expect(tick.released).toBeGreaterThanOrEqual(1);
    const again = await claimOf(timer.id);
    expect(again).toMatchObject({ state: 'claimed', attempts: 2 });
    expect(again.claim_epoch).not.toBe(first.claim_epoch);
    expect(await jobsFor(timer.id)).toEqual([`timer-${timer.id}-2`]);
    expect(await mailJob(`${mail.id}-2`)).toBeDefined();
    expect(await mailJob(`${foreignMail.id}-2`)).toBeUndefined();

    // Run twice: the epoch is the same, nothing is released or claimed again.
    expect((await planner.tick()).released).toBe(0);
    expect(await claimOf(timer.id)).toEqual(again);
    expect(await jobsFor(timer.id)).toEqual([`timer-${timer.id}-2`]);
    expect(await claimOf(foreign.id)).toEqual({
      state: 'claimed',
      attempts: 1,
      claim_epoch: '{elsewhere}/e1',
    });
    expect(await mailJob(`${mail.id}-3`)).toBeUndefined();
    const mails: Array<{ id: string; dispatches: number }> = await db.query(
      `SELECT id, dispatches FROM notifications WHERE id = ANY(ARRAY[$1, $2]::uuid[]) ORDER BY dispatches`,
      [mail.id, foreignMail.id],
    );
    expect(mails).toEqual([
      { id: foreignMail.id, dispatches: 1 },
      { id: mail.id, dispatches: 2 },
    ]);
  }, 30_000);

  it('a planner that starts after Redis lost its data releases the claims of the earlier epoch at its first sweep', async () => {
    const timer = await dueTimer();
    await db.query(
      `UPDATE timers SET state = 'claimed', attempts = 1, claim_epoch = $2,
         lease_until = now() + interval '1 minute' WHERE id = $1`,
      [timer.id, `{${prefix}}/an-epoch-redis-has-forgotten`],
    );
    const fresh = await startPlanner();
    try {
      const tick = await fresh.get(TimerPlannerService).tick();
      expect(tick.released).toBeGreaterThanOrEqual(1);
      expect(await claimOf(timer.id)).toMatchObject({ state: 'claimed', attempts: 2 });
    } finally {
      await fresh.close();
    }
  }, 30_000);
});
