import type { MigrationInterface, QueryRunner } from 'typeorm';

const WATCH_STATUSES = `'active', 'paused', 'lapsed', 'reactivated', 'ended'`;
const CONTACT_MODES = `'phone', 'visit', 'message', 'self'`;

/**
 * Clients (inwoners), their watches (waakvlammen), the watch timeline and check-ins (contactmomenten).
 * Relations between tenant tables use composite (organisation_id, id) foreign keys, so PostgreSQL itself refuses
 * a watch, check-in or consent that points into another organisation.
 */
export class CreateClientsWatchesCheckIns1795400000000 implements MigrationInterface {
  name = 'CreateClientsWatchesCheckIns1795400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE organisations ADD COLUMN extra_days_off date[] NOT NULL DEFAULT '{}'`);
    // Lets tenant tables reference (organisation_id, user id): a caseworker always belongs to the same organisation.
    await q.query(`ALTER TABLE users ADD CONSTRAINT users_org_id_unique UNIQUE (organisation_id, id)`);

    await q.query(`
      CREATE TABLE clients (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
        reference text NOT NULL CHECK (length(reference) BETWEEN 1 AND 50),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        email text CHECK (email IS NULL OR length(email) <= 254),
        phone text CHECK (phone IS NULL OR length(phone) <= 30),
        preferred_channel text NOT NULL CHECK (preferred_channel IN ('phone', 'email', 'sms', 'letter', 'visit')),
        postcode text NOT NULL CHECK (postcode ~ '^[1-9][0-9]{3}[A-Z]{2}$'),
        house_number text NOT NULL CHECK (length(house_number) BETWEEN 1 AND 20),
        neighbourhood text CHECK (neighbourhood IS NULL OR length(neighbourhood) <= 100),
        date_of_birth date,
        legal_basis text NOT NULL CHECK (legal_basis IN ('consent', 'wmo_task', 'wgs_signal')),
        consent_email_reminders boolean NOT NULL DEFAULT false,
        consent_recorded_at timestamptz NOT NULL DEFAULT now(),
        consent_recorded_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        -- Duplicate references answer 409; also serves look-ups by reference.
        CONSTRAINT clients_reference_unique UNIQUE (organisation_id, reference),
        CONSTRAINT clients_org_id_unique UNIQUE (organisation_id, id),
        CONSTRAINT clients_recorded_by_fk FOREIGN KEY (organisation_id, consent_recorded_by)
          REFERENCES users (organisation_id, id)
      )`);
    // GET /api/clients: the organisation's clients ordered by name (the search filters within one organisation).
    await q.query(`CREATE INDEX clients_org_name_idx ON clients (organisation_id, name, id)`);

    await q.query(`
      CREATE TABLE client_partner_consents (
        organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
        client_id uuid NOT NULL,
        partner_organisation_id uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        -- The primary key serves "the partners of this client" (GET /api/clients/{id}).
        CONSTRAINT client_partner_consents_pkey PRIMARY KEY (client_id, partner_organisation_id),
        CONSTRAINT client_partner_consents_client_fk FOREIGN KEY (organisation_id, client_id)
          REFERENCES clients (organisation_id, id) ON DELETE CASCADE,
        CONSTRAINT client_partner_consents_partner_fk FOREIGN KEY (organisation_id, partner_organisation_id)
          REFERENCES partner_organisations (organisation_id, id) ON DELETE CASCADE
      )`);
    // Later: "which clients may this partner signal about".
    await q.query(
      `CREATE INDEX client_partner_consents_partner_idx ON client_partner_consents (partner_organisation_id)`,
    );

    await q.query(`
      CREATE TABLE watches (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
        client_id uuid NOT NULL,
        status text NOT NULL DEFAULT 'active' CHECK (status IN (${WATCH_STATUSES})),
        primary_caseworker_id uuid NOT NULL,
        backup_caseworker_id uuid,
        interval_days integer NOT NULL,
        min_interval_days integer NOT NULL,
        max_interval_days integer NOT NULL,
        contact_mode text NOT NULL CHECK (contact_mode IN (${CONTACT_MODES})),
        agreements text NOT NULL DEFAULT '' CHECK (length(agreements) <= 5000),
        signaleringsplan jsonb NOT NULL,
        start_date date NOT NULL,
        review_date date NOT NULL,
        lapse_threshold integer NOT NULL DEFAULT 2 CHECK (lapse_threshold BETWEEN 1 AND 10),
        grace_period_days integer NOT NULL DEFAULT 3 CHECK (grace_period_days BETWEEN 0 AND 20),
        reopen_period_months integer NOT NULL DEFAULT 12 CHECK (reopen_period_months BETWEEN 0 AND 60),
        -- Adaptive cadence only looks at outcomes after this moment.
        cadence_changed_at timestamptz NOT NULL DEFAULT now(),
        ended_at timestamptz,
        end_reason text CHECK (end_reason IN ('support_no_longer_needed', 'moved_away', 'client_declined',
          'transferred', 'deceased', 'other')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT watches_cadence_limits CHECK (
          interval_days BETWEEN 7 AND 90 AND min_interval_days BETWEEN 7 AND 90 AND max_interval_days BETWEEN 7 AND 90),
        CONSTRAINT watches_interval_within_bounds CHECK (
          min_interval_days <= interval_days AND interval_days <= max_interval_days),
        CONSTRAINT watches_review_after_start CHECK (review_date >= start_date),
        CONSTRAINT watches_backup_differs CHECK (backup_caseworker_id IS NULL OR backup_caseworker_id <> primary_caseworker_id),
        CONSTRAINT watches_ended CHECK ((status = 'ended') = (ended_at IS NOT NULL AND end_reason IS NOT NULL)),
        CONSTRAINT watches_org_id_unique UNIQUE (organisation_id, id),
        CONSTRAINT watches_client_fk FOREIGN KEY (organisation_id, client_id)
          REFERENCES clients (organisation_id, id) ON DELETE CASCADE,
        CONSTRAINT watches_primary_fk FOREIGN KEY (organisation_id, primary_caseworker_id)
          REFERENCES users (organisation_id, id),
        CONSTRAINT watches_backup_fk FOREIGN KEY (organisation_id, backup_caseworker_id)
          REFERENCES users (organisation_id, id)
      )`);
    // A client has at most one open watch (a second POST /api/watches is 409). Also serves the client list's
    // openWatch join and "the open watch of this client".
    await q.query(
      `CREATE UNIQUE INDEX watches_one_open_per_client ON watches (client_id) WHERE status <> 'ended'`,
    );
    // Every watch of a client, newest first (client detail, caseworker access check on a client).
    await q.query(`CREATE INDEX watches_client_idx ON watches (client_id, created_at DESC)`);
    // GET /api/watches (coordinator, unfiltered): newest first, one page.
    await q.query(
      `CREATE INDEX watches_org_created_idx ON watches (organisation_id, created_at DESC, id DESC)`,
    );
    // GET /api/watches?status=…: the page of one status.
    await q.query(
      `CREATE INDEX watches_org_status_idx ON watches (organisation_id, status, created_at DESC, id DESC)`,
    );
    // GET /api/watches?mine=true / ?caseworkerId= ("Mijn caseload") and the caseworker's access checks:
    // primary OR backup, combined by a BitmapOr of these two.
    await q.query(`CREATE INDEX watches_primary_idx ON watches (primary_caseworker_id, status)`);
    await q.query(
      `CREATE INDEX watches_backup_idx ON watches (backup_caseworker_id, status) WHERE backup_caseworker_id IS NOT NULL`,
    );

    await q.query(`
      CREATE TABLE watch_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        seq bigint GENERATED ALWAYS AS IDENTITY,
        organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
        watch_id uuid NOT NULL,
        type text NOT NULL CHECK (type IN ('created', 'paused', 'resumed', 'lapsed', 'reactivated', 'stepped_down',
          'ended', 'reopened', 'caseworkers_changed', 'cadence_changed', 'check_in_completed', 'check_in_missed',
          'updated')),
        actor_id uuid REFERENCES users (id) ON DELETE SET NULL,
        reason text CHECK (reason IS NULL OR length(reason) <= 1000),
        details jsonb NOT NULL DEFAULT '{}',
        at timestamptz NOT NULL DEFAULT clock_timestamp(),
        CONSTRAINT watch_events_watch_fk FOREIGN KEY (organisation_id, watch_id)
          REFERENCES watches (organisation_id, id) ON DELETE CASCADE
      )`);
    // GET /api/watches/{id}/events: the timeline, newest first (seq breaks ties within one transaction).
    await q.query(`CREATE INDEX watch_events_timeline_idx ON watch_events (watch_id, at DESC, seq DESC)`);

    await q.query(`
      CREATE TABLE check_ins (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
        watch_id uuid NOT NULL,
        caseworker_id uuid NOT NULL,
        due_date date NOT NULL,
        grace_ends_on date NOT NULL,
        status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'done', 'missed', 'cancelled')),
        outcome text CHECK (outcome IN ('well', 'concern', 'needs_support', 'not_reached', 'declined')),
        channel text CHECK (channel IN (${CONTACT_MODES})),
        note text CHECK (note IS NULL OR length(note) <= 500),
        completed_at timestamptz,
        completed_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT check_ins_grace_after_due CHECK (grace_ends_on >= due_date),
        CONSTRAINT check_ins_done CHECK (
          (status = 'done') = (outcome IS NOT NULL AND channel IS NOT NULL AND completed_at IS NOT NULL)),
        CONSTRAINT check_ins_watch_fk FOREIGN KEY (organisation_id, watch_id)
          REFERENCES watches (organisation_id, id) ON DELETE CASCADE,
        CONSTRAINT check_ins_caseworker_fk FOREIGN KEY (organisation_id, caseworker_id)
          REFERENCES users (organisation_id, id),
        CONSTRAINT check_ins_completed_by_fk FOREIGN KEY (organisation_id, completed_by)
          REFERENCES users (organisation_id, id)
      )`);
    // At most one planned check-in per watch. Also serves nextCheckIn of every watch (list and detail) and the
    // cancel on pause/end.
    await q.query(
      `CREATE UNIQUE INDEX check_ins_one_planned_per_watch ON check_ins (watch_id) WHERE status = 'planned'`,
    );
    // GET /api/check-ins?view=today|overdue|week|caseload: the caseworker's planned check-ins by due date,
    // one range scan, already in urgency order.
    await q.query(
      `CREATE INDEX check_ins_caseworker_due_idx ON check_ins (caseworker_id, due_date) WHERE status = 'planned'`,
    );
    // GET /api/check-ins?watchId=: the history of one watch, newest first; adaptive cadence reads the same.
    await q.query(`CREATE INDEX check_ins_watch_history_idx ON check_ins (watch_id, due_date DESC)`);
    // The check-in-missed-sweep job: planned check-ins whose grace period has passed.
    await q.query(`CREATE INDEX check_ins_grace_idx ON check_ins (grace_ends_on) WHERE status = 'planned'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE check_ins`);
    await q.query(`DROP TABLE watch_events`);
    await q.query(`DROP TABLE watches`);
    await q.query(`DROP TABLE client_partner_consents`);
    await q.query(`DROP TABLE clients`);
    await q.query(`ALTER TABLE users DROP CONSTRAINT users_org_id_unique`);
    await q.query(`ALTER TABLE organisations DROP COLUMN extra_days_off`);
  }
}
