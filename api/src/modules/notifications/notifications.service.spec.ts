import type { DataSource } from 'typeorm';
import { AppConfig } from '../../core/config/app.config';
import type { QueueService } from '../../core/queue/queue.service';
import type { RedisEpoch } from '../../core/queue/redis-epoch.service';
import { DISPATCH_WAIT_MS, NotificationsService } from './notifications.service';

describe('NotificationsService.dispatch', () => {
  beforeEach(() => jest.useFakeTimers({ now: new Date('2026-12-03T09:00:00Z') }));
  afterEach(() => jest.useRealTimers());

  const service = (addMany: () => Promise<void>) =>
    new NotificationsService(
      {} as DataSource,
      { addMany } as unknown as QueueService,
      AppConfig.fromEnv({ NODE_ENV: 'test' }),
      // Reading the epoch goes to Redis in the background and never holds the caller (test/integration).
      { refreshSoon: () => undefined } as unknown as RedisEpoch,
    );

  it('holds the caller at most a second while Redis is down (the message is in the outbox already)', async () => {
    const addMany = jest.fn(() => new Promise<void>(() => undefined));
    let returned = false;
    const dispatching = service(addMany)
      .dispatch(['n-1'])
      .then(() => (returned = true));
    await jest.advanceTimersByTimeAsync(DISPATCH_WAIT_MS - 1);
    expect(returned).toBe(false);
    await jest.advanceTimersByTimeAsync(1);
    await dispatching;
    expect(returned).toBe(true);
    expect(addMany).toHaveBeenCalledWith([
      expect.objectContaining({ opts: expect.objectContaining({ jobId: 'n-1-1' }) }),
    ]);
  });

  it('does not fail the caller, whose change is committed, when Redis refuses the jobs', async () => {
    const addMany = jest.fn(() => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:6379')));
    await expect(service(addMany).dispatch(['n-1'])).resolves.toBeUndefined();
  });
});
