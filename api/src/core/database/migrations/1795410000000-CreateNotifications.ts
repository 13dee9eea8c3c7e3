import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The notifications outbox: every e-mail is a row first, then a `notification-send` job. The unique idempotency key
 * stops duplicates; the row, not Redis, says whether a message was sent, is still retried, or is dead.
 */
export class CreateNotifications1795410000000 implements MigrationInterface {
  name = 'CreateNotifications1795410000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
        idempotency_key text NOT NULL CHECK (length(idempotency_key) BETWEEN 1 AND 200),
        recipient text NOT NULL CHECK (length(recipient) BETWEEN 3 AND 254),
        locale text NOT NULL CHECK (locale IN ('nl', 'en')),
        subject text NOT NULL CHECK (length(subject) BETWEEN 1 AND 300),
        body_text text NOT NULL,
        body_html text,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sending', 'sent', 'dead')),
        attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        -- How often the console retried a dead message; names the retry job (<id>-retry-<n>).
        retries integer NOT NULL DEFAULT 0 CHECK (retries >= 0),
        last_error text CHECK (last_error IS NULL OR length(last_error) <= 1000),
        -- Deterministic (<id@waakvlam>), so a resend of the same message is recognisable.
        message_id text NOT NULL GENERATED ALWAYS AS ('<' || id::text || '@waakvlam>') STORED,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz,
        next_attempt_at timestamptz,
        -- enqueue(): INSERT … ON CONFLICT (idempotency_key) DO NOTHING — one row, one e-mail per key.
        CONSTRAINT notifications_idempotency_key_unique UNIQUE (idempotency_key)
      )`);
    // GET /api/notifications?status=: the organisation's outbox, newest first, optionally by status.
    await q.query(
      `CREATE INDEX notifications_console_idx ON notifications (organisation_id, status, created_at DESC)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE notifications`);
  }
}
