import type { MigrationInterface, QueryRunner } from 'typeorm';

const TIMER_KINDS = `'check_in_pre_notice', 'check_in_overdue', 'check_in_grace_ended', 'check_in_missed',
  'caseworker_digest'`;

/**
 * The scheduling engine's tables: durable timers (every moment the system must act), self check-in tokens, the
 * reminder settings of organisations and watches, and the outbox columns that let a lost mail job be found again.
 */
export class CreateTimers1795420000000 implements MigrationInterface {
  name = 'CreateTimers1795420000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE timers (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN (${TIMER_KINDS})),
        -- The row the timer acts on: a check-in, or a user for the digest. No foreign key: kinds differ.
        subject_id uuid NOT NULL,
        fire_at timestamptz NOT NULL,
        state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'claimed', 'done', 'cancelled')),
        -- Set when the planner claims the timer: past it without completion, the job is presumed lost.
        lease_until timestamptz,
        -- How often the planner claimed it; names the job (timer-<id>-<attempts>).
        attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        completed_at timestamptz,
        CONSTRAINT timers_claimed_lease CHECK ((state = 'claimed') = (lease_until IS NOT NULL))
      )`);
    // The planner's claim: pending timers by fire time. Only pending rows are in it, so it stays small.
    await q.query(`CREATE INDEX timers_pending_idx ON timers (fire_at) WHERE state = 'pending'`);
    // The planner's re-claim of timers whose job was lost (Redis flushed, worker crashed).
    await q.query(`CREATE INDEX timers_claimed_lease_idx ON timers (lease_until) WHERE state = 'claimed'`);
    // At most one live timer per kind and subject: scheduling is idempotent (ON CONFLICT DO NOTHING), and
    // cancelling a subject's timers is an index look-up.
    await q.query(
      `CREATE UNIQUE INDEX timers_live_subject_idx ON timers (subject_id, kind) WHERE state IN ('pending', 'claimed')`,
    );
    // The purge of finished timers.
    await q.query(
      `CREATE INDEX timers_finished_idx ON timers (completed_at) WHERE state IN ('done', 'cancelled')`,
    );

    await q.query(
      `ALTER TABLE watches
         ADD COLUMN pre_notice_working_days integer NOT NULL DEFAULT 2 CHECK (pre_notice_working_days BETWEEN 0 AND 10),
         ADD COLUMN missed_in_row integer NOT NULL DEFAULT 0 CHECK (missed_in_row >= 0)`,
    );
    // The lapse scan: active watches with a streak of missed / not reached check-ins.
    await q.query(
      `CREATE INDEX watches_lapse_scan_idx ON watches (id) WHERE status = 'active' AND missed_in_row > 0`,
    );
    await q.query(
      `ALTER TABLE organisations
         ADD COLUMN discreet_sender_name text CHECK (discreet_sender_name IS NULL OR length(discreet_sender_name) BETWEEN 1 AND 100),
         ADD COLUMN client_names_in_email boolean NOT NULL DEFAULT false`,
    );
    await q.query(
      `ALTER TABLE users ADD COLUMN locale text NOT NULL DEFAULT 'nl' CHECK (locale IN ('nl', 'en'))`,
    );

    await q.query(
      `ALTER TABLE check_ins ADD CONSTRAINT check_ins_org_id_unique UNIQUE (organisation_id, id)`,
    );
    await q.query(`
      CREATE TABLE check_in_tokens (
        -- sha256 of the random token in the e-mail link; the token itself is never stored.
        token_hash bytea PRIMARY KEY,
        organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
        check_in_id uuid NOT NULL,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        response text CHECK (response IN ('well', 'concern', 'needs_support')),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT check_in_tokens_used CHECK ((used_at IS NULL) = (response IS NULL)),
        CONSTRAINT check_in_tokens_check_in_fk FOREIGN KEY (organisation_id, check_in_id)
          REFERENCES check_ins (organisation_id, id) ON DELETE CASCADE
      )`);
    // One link per check-in: the pre-notice processor issues it once, however often it runs.
    await q.query(`CREATE UNIQUE INDEX check_in_tokens_check_in_idx ON check_in_tokens (check_in_id)`);

    await q.query(
      `ALTER TABLE notifications
         -- A job was added for this message until then; past it while pending or sending, the job is presumed lost.
         ADD COLUMN lease_until timestamptz,
         -- Every job added for the message (first, console retry, recovery) counts one: jobs are <id>-<dispatches>.
         ADD COLUMN dispatches integer NOT NULL DEFAULT 0 CHECK (dispatches >= 0),
         -- The display name of the sender (discreet mode), fixed when the message is written.
         ADD COLUMN sender_name text CHECK (sender_name IS NULL OR length(sender_name) <= 100),
         -- The secret of a self check-in link, only until the message is sent: {{link}} in the body stands for it.
         ADD COLUMN link_secret text`,
    );
    // The planner's recovery of messages whose job was lost.
    await q.query(
      `CREATE INDEX notifications_lease_idx ON notifications (lease_until) WHERE status IN ('pending', 'sending')`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX notifications_lease_idx`);
    await q.query(
      `ALTER TABLE notifications DROP COLUMN lease_until, DROP COLUMN dispatches, DROP COLUMN sender_name,
         DROP COLUMN link_secret`,
    );
    await q.query(`DROP TABLE check_in_tokens`);
    await q.query(`ALTER TABLE check_ins DROP CONSTRAINT check_ins_org_id_unique`);
    await q.query(`ALTER TABLE users DROP COLUMN locale`);
    await q.query(
      `ALTER TABLE organisations DROP COLUMN discreet_sender_name, DROP COLUMN client_names_in_email`,
    );
    await q.query(`DROP INDEX watches_lapse_scan_idx`);
    await q.query(`ALTER TABLE watches DROP COLUMN pre_notice_working_days, DROP COLUMN missed_in_row`);
    await q.query(`DROP TABLE timers`);
  }
}
