/** How a notification's job retries: BullMQ's exponential backoff (delay · 2^(n−1)) with jitter. */
export interface NotificationRetryPolicy {
  /** Attempts per job, the first included; after the last one the notification is `dead`. */
  attempts: number;
  /** Delay before the first retry, in milliseconds. */
  delayMs: number;
  /** Fraction of each delay that is random (0–1), so retries of many messages spread out. */
  jitter: number;
}

/** About 2 s, 4 s, … 2 min 8 s between the 8 attempts: roughly four minutes before a message is dead. */
export const DEFAULT_NOTIFICATION_RETRY_POLICY: NotificationRetryPolicy = {
  attempts: 8,
  delayMs: 2_000,
  jitter: 0.5,
};
