import { settleWithin } from './settle-within.util';

describe('settleWithin', () => {
  beforeEach(() => jest.useFakeTimers({ now: new Date('2026-12-03T09:00:00Z') }));
  afterEach(() => jest.useRealTimers());

  it('says done for work that finishes in time, and throws its error', async () => {
    await expect(settleWithin(Promise.resolve(1), 1_000)).resolves.toBe('done');
    await expect(settleWithin(Promise.reject(new Error('refused')), 1_000)).rejects.toThrow('refused');
  });

  it('stops waiting for work that hangs (Redis down), and ignores how it ends later', async () => {
    let fail!: (error: Error) => void;
    const hanging = new Promise((_, reject) => (fail = reject));
    const outcome = settleWithin(hanging, 1_000);
    await jest.advanceTimersByTimeAsync(1_000);
    await expect(outcome).resolves.toBe('timeout');
    fail(new Error('Connection is closed'));
    await jest.advanceTimersByTimeAsync(0);
  });
});
