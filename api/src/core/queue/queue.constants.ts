/** Queue names. Every queue lives under the hash-tagged prefix from AppConfig.queuePrefix. */
export const QueueName = {
  Housekeeping: 'housekeeping',
  Mail: 'mail',
} as const;
export type QueueName = (typeof QueueName)[keyof typeof QueueName];

/** Job names. No `:` in names or job ids: BullMQ uses it as its key separator. */
export const JobName = {
  SessionPurge: 'session-purge',
  CheckInMissedSweep: 'check-in-missed-sweep',
  NotificationSend: 'notification-send',
} as const;
export type JobName = (typeof JobName)[keyof typeof JobName];

/** The payload of every job: ids only, never personal data (Redis and logs must not hold any). */
export interface JobPayloads {
  [JobName.SessionPurge]: Record<string, never>;
  [JobName.CheckInMissedSweep]: Record<string, never>;
  [JobName.NotificationSend]: { notificationId: string };
}

/** The queue each job runs on. */
export const JOB_QUEUE: { readonly [N in JobName]: QueueName } = {
  [JobName.SessionPurge]: QueueName.Housekeeping,
  [JobName.CheckInMissedSweep]: QueueName.Housekeeping,
  [JobName.NotificationSend]: QueueName.Mail,
};

/** Jobs that run once per interval across the whole cluster, as BullMQ job schedulers. */
export const JOB_SCHEDULES: ReadonlyArray<{ id: string; job: JobName; everyMs: number }> = [
  { id: 'session-purge-every-15-minutes', job: JobName.SessionPurge, everyMs: 15 * 60_000 },
  { id: 'check-in-missed-sweep-every-15-minutes', job: JobName.CheckInMissedSweep, everyMs: 15 * 60_000 },
];
