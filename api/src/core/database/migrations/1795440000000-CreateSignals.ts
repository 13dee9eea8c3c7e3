import type { MigrationInterface, QueryRunner } from 'typeorm';

const CATEGORIES = `'rent_arrears', 'nuisance', 'neglect', 'confused_behaviour', 'isolation', 'safety', 'other'`;
const STATUSES = `'received', 'triaged', 'handled'`;
const FEEDBACK_DUE_KIND = 'signal_feedback_due';

/**
 * Partner signals (signalen) with their feedback to the partner (terugkoppeling), the references under which
 * partners know clients, partner API keys, and the `signal_feedback_due` timer kind.
 */
export class CreateSignals1795440000000 implements MigrationInterface {
  name = 'CreateSignals1795440000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE partner_api_keys (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
        partner_organisation_id uuid NOT NULL,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
        -- The first characters of the key, shown to recognise it; the key itself is never stored.
        key_prefix text NOT NULL CHECK (length(key_prefix) BETWEEN 4 AND 20),
        -- sha256 of the whole key.
        key_hash bytea NOT NULL CHECK (length(key_hash) = 32),
        -- Where feedback on signals filed with this key is e-mailed (null: none).
        feedback_email text CHECK (feedback_email IS NULL OR (length(feedback_email) <= 254 AND feedback_email LIKE '%_@_%')),
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz,
        revoked_at timestamptz,
        -- Authentication looks the key up by its hash.
        CONSTRAINT partner_api_keys_hash_unique UNIQUE (key_hash),
        CONSTRAINT partner_api_keys_org_id_unique UNIQUE (organisation_id, id),
        CONSTRAINT partner_api_keys_partner_fk FOREIGN KEY (organisation_id, partner_organisation_id)
          REFERENCES partner_organisations (organisation_id, id) ON DELETE CASCADE,
        CONSTRAINT partner_api_keys_created_by_fk FOREIGN KEY (organisation_id, created_by)
          REFERENCES users (organisation_id, id)
      )`);
    // GET /api/partner-organisations/{id}/api-keys: a partner's keys, newest first.
    await q.query(
      `CREATE INDEX partner_api_keys_partner_idx ON partner_api_keys (partner_organisation_id, created_at DESC)`,
    );

    await q.query(`
      CREATE TABLE client_partner_references (
        organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
        client_id uuid NOT NULL,
        partner_organisation_id uuid NOT NULL,
        -- Random, e.g. K7M4-Q9XT: means nothing outside this partner, and stays the same while consent comes and goes.
        reference text NOT NULL CHECK (reference ~ '^[0-9A-Z]{4}-[0-9A-Z]{4}$'),
        created_at timestamptz NOT NULL DEFAULT now(),
        -- "The reference of this client for this partner" (the client page).
        CONSTRAINT client_partner_references_pkey PRIMARY KEY (client_id, partner_organisation_id),
        -- A partner's signal names the client by it.
        CONSTRAINT client_partner_references_unique UNIQUE (partner_organisation_id, reference),
        CONSTRAINT client_partner_references_client_fk FOREIGN KEY (organisation_id, client_id)
          REFERENCES clients (organisation_id, id) ON DELETE CASCADE,
        CONSTRAINT client_partner_references_partner_fk FOREIGN KEY (organisation_id, partner_organisation_id)
          REFERENCES partner_organisations (organisation_id, id) ON DELETE CASCADE
      )`);

    await q.query(`
      CREATE TABLE signals (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
        partner_organisation_id uuid NOT NULL,
        reported_by_user_id uuid,
        reported_via_key_id uuid,
        -- The subject as the partner gave it: a client reference, or an address.
        client_reference text CHECK (client_reference IS NULL OR length(client_reference) BETWEEN 1 AND 50),
        postcode text CHECK (postcode IS NULL OR postcode ~ '^[1-9][0-9]{3}[A-Z]{2}$'),
        house_number text CHECK (house_number IS NULL OR house_number ~ '^[1-9][0-9]{0,4}$'),
        house_number_addition text CHECK (house_number_addition IS NULL OR house_number_addition ~ '^[a-z0-9]{1,6}$'),
        -- The client: by the reference only when the client consented to sharing with this partner; or at triage.
        client_id uuid,
        category text NOT NULL CHECK (category IN (${CATEGORIES})),
        description text NOT NULL CHECK (length(description) BETWEEN 1 AND 2000),
        observed_on date NOT NULL,
        status text NOT NULL DEFAULT 'received' CHECK (status IN (${STATUSES})),
        triage_decision text CHECK (triage_decision IN ('linked', 'forwarded', 'no_action')),
        -- Internal: never shown to the partner.
        triage_reason text CHECK (triage_reason IS NULL OR length(triage_reason) BETWEEN 1 AND 1000),
        triaged_by uuid,
        watch_id uuid,
        -- The reactivation request a linked signal opened or joined.
        reactivation_request_id uuid,
        received_at timestamptz NOT NULL,
        triaged_at timestamptz,
        handled_by uuid,
        handled_at timestamptz,
        first_feedback_at timestamptz,
        updated_at timestamptz NOT NULL,
        CONSTRAINT signals_reporter CHECK ((reported_by_user_id IS NULL) <> (reported_via_key_id IS NULL)),
        CONSTRAINT signals_subject CHECK (
          (client_reference IS NULL) <> (postcode IS NULL) AND (postcode IS NULL) = (house_number IS NULL)
          AND (house_number_addition IS NULL OR house_number IS NOT NULL)),
        CONSTRAINT signals_triaged CHECK (
          (status = 'received') = (triaged_at IS NULL)
          AND (triaged_at IS NULL) = (triage_decision IS NULL)
          AND (triage_decision IS NULL) = (triage_reason IS NULL)
          AND (triage_decision IS NULL) = (triaged_by IS NULL)
          AND (watch_id IS NULL OR triage_decision = 'linked')),
        CONSTRAINT signals_handled CHECK (
          (status = 'handled') = (handled_at IS NOT NULL) AND (handled_at IS NULL) = (handled_by IS NULL)),
        CONSTRAINT signals_org_id_unique UNIQUE (organisation_id, id),
        CONSTRAINT signals_partner_fk FOREIGN KEY (organisation_id, partner_organisation_id)
          REFERENCES partner_organisations (organisation_id, id) ON DELETE CASCADE,
        CONSTRAINT signals_reported_by_fk FOREIGN KEY (organisation_id, reported_by_user_id)
          REFERENCES users (organisation_id, id),
        CONSTRAINT signals_reported_via_fk FOREIGN KEY (organisation_id, reported_via_key_id)
          REFERENCES partner_api_keys (organisation_id, id),
        CONSTRAINT signals_client_fk FOREIGN KEY (organisation_id, client_id)
          REFERENCES clients (organisation_id, id) ON DELETE SET NULL (client_id),
        CONSTRAINT signals_watch_fk FOREIGN KEY (organisation_id, watch_id)
          REFERENCES watches (organisation_id, id) ON DELETE SET NULL (watch_id),
        CONSTRAINT signals_reactivation_fk FOREIGN KEY (organisation_id, reactivation_request_id)
          REFERENCES reactivation_requests (organisation_id, id) ON DELETE SET NULL (reactivation_request_id),
        CONSTRAINT signals_triaged_by_fk FOREIGN KEY (organisation_id, triaged_by)
          REFERENCES users (organisation_id, id),
        CONSTRAINT signals_handled_by_fk FOREIGN KEY (organisation_id, handled_by)
          REFERENCES users (organisation_id, id)
      )`);
    // GET /api/signals (coordinators): the organisation's signals, newest first; also the metric's range scan.
    await q.query(
      `CREATE INDEX signals_org_received_idx ON signals (organisation_id, received_at DESC, id DESC)`,
    );
    // GET /api/signals?status=received: the coordinators' inbox.
    await q.query(
      `CREATE INDEX signals_org_status_idx ON signals (organisation_id, status, received_at DESC, id DESC)`,
    );
    // GET /api/signals as a partner: its own organisation's signals, newest first.
    await q.query(
      `CREATE INDEX signals_partner_idx ON signals (partner_organisation_id, received_at DESC, id DESC)`,
    );
    // GET /api/signals/{id}/candidates: the organisation's clients at a postcode.
    await q.query(`CREATE INDEX clients_org_postcode_idx ON clients (organisation_id, postcode)`);

    await q.query(`
      CREATE TABLE signal_feedback (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
        signal_id uuid NOT NULL,
        -- The status the signal reached with this feedback: one feedback per status change.
        status text NOT NULL CHECK (status IN (${STATUSES})),
        -- Written for the partner: no care details.
        text text NOT NULL CHECK (length(text) BETWEEN 1 AND 2000),
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL,
        -- Also serves "the feedback of these signals", in order.
        CONSTRAINT signal_feedback_status_unique UNIQUE (signal_id, status),
        CONSTRAINT signal_feedback_signal_fk FOREIGN KEY (organisation_id, signal_id)
          REFERENCES signals (organisation_id, id) ON DELETE CASCADE,
        CONSTRAINT signal_feedback_created_by_fk FOREIGN KEY (organisation_id, created_by)
          REFERENCES users (organisation_id, id)
      )`);

    await setTimerKinds(q, (kinds) => [...kinds.filter((k) => k !== FEEDBACK_DUE_KIND), FEEDBACK_DUE_KIND]);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM timers WHERE kind = $1`, [FEEDBACK_DUE_KIND]);
    await setTimerKinds(q, (kinds) => kinds.filter((k) => k !== FEEDBACK_DUE_KIND));
    await q.query(`DROP TABLE signal_feedback`);
    await q.query(`DROP INDEX clients_org_postcode_idx`);
    await q.query(`DROP TABLE signals`);
    await q.query(`DROP TABLE client_partner_references`);
    await q.query(`DROP TABLE partner_api_keys`);
  }
}

/**
 * Rewrites the `timers.kind` check with one kind more or less. It reads the kinds the check allows now, so
 * migrations of other modules that add kinds of their own keep theirs, whatever order they run in.
 */
async function setTimerKinds(q: QueryRunner, change: (kinds: string[]) => string[]): Promise<void> {
  const [row]: Array<{ definition: string }> = await q.query(
    `SELECT pg_get_constraintdef(oid) AS definition FROM pg_constraint
     WHERE conrelid = 'timers'::regclass AND conname = 'timers_kind_check'`,
  );
  if (!row) throw new Error('timers_kind_check is missing');
  const kinds = change([...row.definition.matchAll(/'([a-z_]+)'/g)].map((m) => m[1]));
  if (kinds.length === 0) throw new Error('timers_kind_check would allow no kind');
  await q.query(`ALTER TABLE timers DROP CONSTRAINT timers_kind_check`);
  await q.query(
    `ALTER TABLE timers ADD CONSTRAINT timers_kind_check CHECK (kind IN (${kinds.map((k) => `'${k}'`).join(', ')}))`,
  );
}
