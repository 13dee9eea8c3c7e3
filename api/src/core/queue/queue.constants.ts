/** Queue names. Every queue lives under the hash-tagged prefix from AppConfig.queuePrefix. */
export const QueueName = {
  Housekeeping: 'housekeeping',
  /** The timer planner alone: one tick at a time per worker, never stuck behind other work. */
  Planner: 'planner',
  /** The jobs of due timers (reminders, escalations, missed check-ins, digests). */
  Timers: 'timers',
  Mail: 'mail',
  /** The assignee's e-mail of a reactivation request: its own queue, never behind reminders or the planner. */
  Urgent: 'urgent',
} as const;
export type QueueName = (typeof QueueName)[keyof typeof QueueName];

/** Job names. No `:` in names or job ids: BullMQ uses it as its key separator. */
export const JobName = {
  SessionPurge: 'session-purge',
  TimerPlanner: 'timer-planner',
  TimerPurge: 'timer-purge',
  LapseScan: 'lapse-scan',
  CheckInPreNotice: 'check-in-pre-notice',
  CheckInOverdue: 'check-in-overdue',
  CheckInGraceEnded: 'check-in-grace-ended',
  CheckInMissed: 'check-in-missed',
  CaseworkerDigest: 'caseworker-digest',
  NotificationSend: 'notification-send',
  ReactivationNotify: 'reactivation-notify',
  ReactivationSlaHalf: 'reactivation-sla-half',
  ReactivationSlaBreach: 'reactivation-sla-breach',
  IdempotencyKeyPurge: 'idempotency-key-purge',
  SignalFeedbackDue: 'signal-feedback-due',
  CheckInTallyCompact: 'check-in-tally-compact',
  AuditRetention: 'audit-retention',
  /** Daily: anonymises clients whose watches all ended longer ago than the retention period. */
  ClientRetention: 'client-retention',
} as const;
export type JobName = (typeof JobName)[keyof typeof JobName];

/**
 * The payload of a timer job: a batch of timers of one kind, due at about the same moment (bigint ids, as
 * strings). The planner groups what it claims, so a busy morning is hundreds of timers per job, not one job each.
 */
export interface TimerJobPayload {
  timerIds: string[];
}

/** The payload of every job: ids only, never personal data (Redis and logs must not hold any). */
export interface JobPayloads {
  [JobName.SessionPurge]: Record<string, never>;
  [JobName.TimerPlanner]: Record<string, never>;
  [JobName.TimerPurge]: Record<string, never>;
  [JobName.LapseScan]: Record<string, never>;
  [JobName.CheckInPreNotice]: TimerJobPayload;
  [JobName.CheckInOverdue]: TimerJobPayload;
  [JobName.CheckInGraceEnded]: TimerJobPayload;
  [JobName.CheckInMissed]: TimerJobPayload;
  [JobName.CaseworkerDigest]: TimerJobPayload;
  [JobName.NotificationSend]: { notificationId: string };
  /** Sends one outbox message, as notification-send does, from the urgent queue. */
  [JobName.ReactivationNotify]: { notificationId: string };
  [JobName.ReactivationSlaHalf]: TimerJobPayload;
  [JobName.ReactivationSlaBreach]: TimerJobPayload;
  [JobName.IdempotencyKeyPurge]: Record<string, never>;
  [JobName.SignalFeedbackDue]: TimerJobPayload;
  [JobName.CheckInTallyCompact]: Record<string, never>;
  [JobName.AuditRetention]: Record<string, never>;
  [JobName.ClientRetention]: Record<string, never>;
}

/** The queue each job runs on. */
export const JOB_QUEUE: { readonly [N in JobName]: QueueName } = {
  [JobName.SessionPurge]: QueueName.Housekeeping,
  [JobName.TimerPlanner]: QueueName.Planner,
  [JobName.TimerPurge]: QueueName.Housekeeping,
  [JobName.LapseScan]: QueueName.Housekeeping,
  [JobName.CheckInPreNotice]: QueueName.Timers,
  [JobName.CheckInOverdue]: QueueName.Timers,
  [JobName.CheckInGraceEnded]: QueueName.Timers,
  [JobName.CheckInMissed]: QueueName.Timers,
  [JobName.CaseworkerDigest]: QueueName.Timers,
  [JobName.NotificationSend]: QueueName.Mail,
  [JobName.ReactivationNotify]: QueueName.Urgent,
  [JobName.ReactivationSlaHalf]: QueueName.Timers,
  [JobName.ReactivationSlaBreach]: QueueName.Timers,
  [JobName.IdempotencyKeyPurge]: QueueName.Housekeeping,
  [JobName.SignalFeedbackDue]: QueueName.Timers,
  [JobName.CheckInTallyCompact]: QueueName.Housekeeping,
  [JobName.AuditRetention]: QueueName.Housekeeping,
  [JobName.ClientRetention]: QueueName.Housekeeping,
};

/** Timer kinds as stored in `timers.kind`, and the job that acts on each. */
export const TIMER_JOB = {
  check_in_pre_notice: JobName.CheckInPreNotice,
  check_in_overdue: JobName.CheckInOverdue,
  check_in_grace_ended: JobName.CheckInGraceEnded,
  check_in_missed: JobName.CheckInMissed,
  caseworker_digest: JobName.CaseworkerDigest,
  reactivation_sla_half: JobName.ReactivationSlaHalf,
  reactivation_sla_breach: JobName.ReactivationSlaBreach,
  signal_feedback_due: JobName.SignalFeedbackDue,
} as const satisfies Record<string, JobName>;
export type TimerKind = keyof typeof TIMER_JOB;

/** A job that runs once per interval across the whole cluster, as a BullMQ job scheduler. */
export interface JobSchedule {
  id: string;
  job: JobName;
  everyMs: number;
}

/** The cluster-wide schedules; their intervals come from the configuration. */
export function jobSchedules(intervals: { plannerMs: number; lapseScanMs: number }): JobSchedule[] {
  return [
    { id: 'session-purge-every-15-minutes', job: JobName.SessionPurge, everyMs: 15 * 60_000 },
    { id: 'timer-planner', job: JobName.TimerPlanner, everyMs: intervals.plannerMs },
    { id: 'timer-purge', job: JobName.TimerPurge, everyMs: 60 * 60_000 },
    { id: 'lapse-scan', job: JobName.LapseScan, everyMs: intervals.lapseScanMs },
    { id: 'idempotency-key-purge', job: JobName.IdempotencyKeyPurge, everyMs: 60 * 60_000 },
    { id: 'check-in-tally-compact', job: JobName.CheckInTallyCompact, everyMs: 5 * 60_000 },
    // NEN 7513 retention of the audit log: once a day across the cluster.
    { id: 'audit-retention-daily', job: JobName.AuditRetention, everyMs: 24 * 60 * 60_000 },
    { id: 'client-retention-daily', job: JobName.ClientRetention, everyMs: 24 * 60 * 60_000 },
  ];
}

/** Schedulers of earlier versions, removed at start-up so they stop producing jobs nobody processes. */
export const RETIRED_SCHEDULES: ReadonlyArray<{ id: string; queue: QueueName }> = [
  // Replaced by the check-in-missed timer of each check-in.
  { id: 'check-in-missed-sweep-every-15-minutes', queue: QueueName.Housekeeping },
];
