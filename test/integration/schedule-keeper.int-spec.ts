import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../../api/src/app.module';
import { JOB_QUEUE, jobSchedules } from '../../api/src/core/queue/queue.constants';
import { QueueService } from '../../api/src/core/queue/queue.service';
import { SCHEDULE_CHECK_MS } from '../../api/src/core/queue/queue-worker.service';
import { type PrivateRedis, startPrivateRedis } from '../support/private-redis';
import { waitUntil } from '../support/smtp-sink';
import { testConfig } from '../support/test-config';

/**
 * A Redis that lost everything (FLUSHALL, or a restart without persistence) also lost the cluster-wide schedules,
 * the planner's among them: the worker processes put them back by themselves, without a restart.
 */
describe('cluster-wide schedules after Redis lost everything', () => {
  let redis: PrivateRedis;
  let app: INestApplicationContext;

  beforeAll(async () => {
    redis = await startPrivateRedis();
    app = await NestFactory.createApplicationContext(
      AppModule.forConfig(testConfig({ WAAKVLAM_ROLES: 'worker', REDIS_URL: redis.url })),
      { logger: false },
    );
    await app.init();
  });
  afterAll(async () => {
    await app.close();
    await redis.stop();
  });

  const registered = async (): Promise<string[]> => {
    const queues = app.get(QueueService);
    const schedules = jobSchedules({ plannerMs: 5_000, lapseScanMs: 300_000 });
    const found = await Promise.all(
      schedules.map(async (s) =>
        (await queues.queue(JOB_QUEUE[s.job]).getJobScheduler(s.id)) ? s.id : null,
      ),
    );
    return found.filter((id): id is string => id !== null);
  };

  it('re-creates every schedule, the timer planner included, within one check after a FLUSHALL', async () => {
    const all = await registered();
    expect(all).toContain('timer-planner');
    await redis.flushAll();
    expect(await registered()).toEqual([]);

    await waitUntil(
      async () => (await registered()).length === all.length,
      SCHEDULE_CHECK_MS * 2 + 2_000,
      'schedules',
    );
    expect((await registered()).sort()).toEqual([...all].sort());
  }, 30_000);
});
