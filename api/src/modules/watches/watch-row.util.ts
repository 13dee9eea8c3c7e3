import type {
  ContactMode,
  Signaleringsplan,
  Watch,
  WatchEndReason,
  WatchEvent,
  WatchEventType,
  WatchStatus,
} from '@waakvlam/contracts';

export interface WatchRow {
  id: string;
  status: WatchStatus;
  client_id: string;
  client_name: string;
  client_reference: string;
  primary_caseworker_id: string;
  primary_name: string;
  backup_caseworker_id: string | null;
  backup_name: string | null;
  interval_days: number;
  min_interval_days: number;
  max_interval_days: number;
  contact_mode: ContactMode;
  agreements: string;
  signaleringsplan: Signaleringsplan;
  start_date: string;
  review_date: string;
  lapse_threshold: number;
  pre_notice_working_days: number;
  grace_period_days: number;
  reopen_period_months: number;
  ended_at: Date | null;
  end_reason: WatchEndReason | null;
  created_at: Date;
  next_id: string | null;
  next_due: string | null;
}

/**
 * One watch with its client, caseworkers and next (planned) check-in, in one query. The planned check-in comes
 * from the partial unique index check_ins_one_planned_per_watch.
 */
export const WATCH_SELECT = `
  SELECT w.id, w.status, w.client_id, c.name AS client_name, c.reference AS client_reference,
         w.primary_caseworker_id, pc.display_name AS primary_name,
         w.backup_caseworker_id, bc.display_name AS backup_name,
         w.interval_days, w.min_interval_days, w.max_interval_days, w.contact_mode, w.agreements, w.signaleringsplan,
         w.start_date::text AS start_date, w.review_date::text AS review_date,
         w.lapse_threshold, w.pre_notice_working_days, w.grace_period_days, w.reopen_period_months, w.ended_at, w.end_reason, w.created_at,
         nc.id AS next_id, nc.due_date::text AS next_due
  FROM watches w
  JOIN clients c ON c.id = w.client_id
  JOIN users pc ON pc.id = w.primary_caseworker_id
  LEFT JOIN users bc ON bc.id = w.backup_caseworker_id
  LEFT JOIN check_ins nc ON nc.watch_id = w.id AND nc.status = 'planned'`;

/**
 * A caseworker sees only watches they are primary or backup caseworker of, or whose reactivation request they
 * accepted and are working on (accepted or contacted); `$n` null for other roles.
 */
export const caseworkerWatchFilter = (param: string): string =>
  `(${param}::uuid IS NULL OR w.primary_caseworker_id = ${param}::uuid OR w.backup_caseworker_id = ${param}::uuid
    OR EXISTS (SELECT 1 FROM reactivation_requests rr WHERE rr.watch_id = w.id AND rr.assignee_id = ${param}::uuid
               AND rr.status IN ('accepted', 'contacted')))`;

export const toWatch = (r: WatchRow): Watch => ({
  id: r.id,
  client: { id: r.client_id, name: r.client_name, reference: r.client_reference },
  status: r.status,
  primaryCaseworker: { id: r.primary_caseworker_id, displayName: r.primary_name },
  backupCaseworker: r.backup_caseworker_id
    ? { id: r.backup_caseworker_id, displayName: r.backup_name as string }
    : null,
  cadence: {
    intervalDays: r.interval_days,
    minIntervalDays: r.min_interval_days,
    maxIntervalDays: r.max_interval_days,
  },
  contactMode: r.contact_mode,
  agreements: r.agreements,
  signaleringsplan: r.signaleringsplan,
  startDate: r.start_date,
  reviewDate: r.review_date,
  lapseThreshold: r.lapse_threshold,
  preNoticeWorkingDays: r.pre_notice_working_days,
  gracePeriodDays: r.grace_period_days,
  reopenPeriodMonths: r.reopen_period_months,
  endedAt: r.ended_at ? new Date(r.ended_at).toISOString() : null,
  endReason: r.end_reason,
  nextCheckIn: r.next_id ? { id: r.next_id, dueDate: r.next_due as string } : null,
  createdAt: new Date(r.created_at).toISOString(),
});

export interface WatchEventRow {
  id: string;
  watch_id: string;
  type: WatchEventType;
  at: Date;
  actor_id: string | null;
  actor_name: string | null;
  reason: string | null;
  details: Record<string, unknown>;
}

export const toWatchEvent = (r: WatchEventRow): WatchEvent => ({
  id: r.id,
  watchId: r.watch_id,
  type: r.type,
  at: new Date(r.at).toISOString(),
  actor: r.actor_id ? { id: r.actor_id, displayName: r.actor_name as string } : null,
  reason: r.reason,
  details: r.details,
});
