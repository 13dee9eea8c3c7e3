/** `pending`: waiting to be sent (or retried); `sending`: an attempt is running; `sent`; `dead`: gave up after every retry. */
export const NOTIFICATION_STATUSES = ['pending', 'sending', 'sent', 'dead'] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];

/** One e-mail of the notifications outbox, as the console lists it (`GET /api/notifications`). */
export interface NotificationSummary {
  id: string;
  recipient: string;
  subject: string;
  status: NotificationStatus;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
}
