/** The states of a BullMQ queue reported as `waakvlam_queue_jobs{state}`. */
export const QUEUE_STATES = ['waiting', 'active', 'delayed', 'prioritized', 'failed'] as const;
export type QueueState = (typeof QUEUE_STATES)[number];

/** The states of `notifications.status`, each reported even when zero. */
export const NOTIFICATION_STATES = ['pending', 'sending', 'sent', 'dead'] as const;

/** Upper bounds (seconds) of the HTTP latency histogram's buckets. */
export const HTTP_LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** How long one source (Redis or PostgreSQL) may take during a scrape before it is reported down. */
export const SCRAPE_SOURCE_TIMEOUT_MS = 2_000;
