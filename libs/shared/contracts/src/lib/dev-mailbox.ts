/** A message caught by the embedded development SMTP server (never used in production). */
export interface DevMailboxMessage {
  id: string;
  receivedAt: string;
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string | null;
}

export interface DevMailboxStatus {
  /** True when the embedded catcher receives the mail (SMTP_URL unset outside production). */
  enabled: boolean;
  messages: DevMailboxMessage[];
}
