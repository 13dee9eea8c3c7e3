import type { NotificationStatus, NotificationSummary } from '@waakvlam/contracts';

export interface NotificationRow {
  id: string;
  recipient: string;
  subject: string;
  status: NotificationStatus;
  attempts: number;
  last_error: string | null;
  created_at: Date;
  sent_at: Date | null;
}

export const NOTIFICATION_SUMMARY_COLUMNS = `n.id, n.recipient, n.subject, n.status, n.attempts, n.last_error, n.created_at, n.sent_at`;

export function toNotificationSummary(row: NotificationRow): NotificationSummary {
  return {
    id: row.id,
    recipient: row.recipient,
    subject: row.subject,
    status: row.status,
    attempts: row.attempts,
    lastError: row.last_error,
    createdAt: row.created_at.toISOString(),
    sentAt: row.sent_at ? row.sent_at.toISOString() : null,
  };
}
