import { DEFAULT_NOTIFICATION_RETRY_POLICY } from './notification-retry.policy';

/** The waits between the attempts, each at its shortest (BullMQ's exponential backoff less its full jitter). */
const shortestWaitsMs = ({ attempts, delayMs, jitter }: typeof DEFAULT_NOTIFICATION_RETRY_POLICY): number[] =>
  Array.from({ length: attempts - 1 }, (_, i) => delayMs * 2 ** i * (1 - jitter));

describe('the notification retry policy', () => {
  it('outlasts an SMTP relay that refuses everything for 5 minutes, however the jitter falls', () => {
    const total = shortestWaitsMs(DEFAULT_NOTIFICATION_RETRY_POLICY).reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(5 * 60_000);
  });

  it('gives up within 20 minutes, so that a message that cannot be sent shows as dead the same morning', () => {
    const { attempts, delayMs } = DEFAULT_NOTIFICATION_RETRY_POLICY;
    const longest = Array.from({ length: attempts - 1 }, (_, i) => delayMs * 2 ** i).reduce(
      (a, b) => a + b,
      0,
    );
    expect(longest).toBeLessThan(20 * 60_000);
  });
});
