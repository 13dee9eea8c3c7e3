/** How a notification's job retries: BullMQ's exponential backoff (delay · 2^(n−1)) with jitter. */
export interface NotificationRetryPolicy {
  /** Attempts per job, the first included; after the last one the notification is `dead`. */
  attempts: number;
  /** Delay before the first retry, in milliseconds. */
  delayMs: number;
  /** Fraction of each delay that is random (0–1), so retries of many messages spread out. */
  jitter: number;
}

/**
 * About 2 s, 4 s, … 8 min 32 s between the 10 attempts: a message is dead after 8.5 to 17 minutes (the jitter), so
 * an SMTP relay down for 5 minutes (maintenance, a restart) leaves none dead.
 */
export const DEFAULT_NOTIFICATION_RETRY_POLICY: NotificationRetryPolicy = {
  attempts: 10,
  delayMs: 2_000,
  jitter: 0.5,
};
