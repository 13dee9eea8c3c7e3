import type { MigrationInterface, QueryRunner } from 'typeorm';
import { disableTenantRowSecurity, enableTenantRowSecurity } from '../row-level-security.util';

/** The hash before an organisation's first event (and the anchor before any purge). */
const GENESIS = `repeat('0', 64)`;
/** The floor NEN 7513 sets: the database refuses to purge younger events, whatever the configuration says. */
const MIN_RETENTION = `interval '5 years'`;

/**
 * Makes the audit log tamper-evident and append-only.
 *
 * - Each organisation's events form a hash chain: `seq` (1, 2, 3… per organisation), `prev_hash` (the previous
 *   event's hash) and `hash` = sha256 of the canonical serialisation (`audit_event_canonical`, mirrored in
 *   `modules/audit/audit-chain.util.ts`). A BEFORE INSERT trigger fills them in the database, holding the row
 *   lock on the organisation's `audit_chains` row until commit, so concurrent writers never fork the chain.
 * - `audit_chains` keeps per organisation the head (last seq and hash) and the anchor (seq and hash of the last
 *   event purged by retention), from where `npm run audit:verify` starts.
 * - Triggers refuse UPDATE and TRUNCATE always, and DELETE except by `audit_events_purge` (retention: only a
 *   prefix of the chain, only events older than 5 years, after moving the anchor) or with the organisation itself.
 * - The application role may only INSERT and SELECT (when the role `waakvlam_app` exists).
 */
export class ChainAuditEvents1795510000000 implements MigrationInterface {
  name = 'ChainAuditEvents1795510000000';

  async up(q: QueryRunner): Promise<void> {
    // The migration sees every organisation's rows, also once row-level security is enforced.
    await q.query(`SELECT set_config('waakvlam.system', 'on', true)`);
    await q.query(
      `ALTER TABLE audit_events ADD COLUMN seq bigint, ADD COLUMN prev_hash text, ADD COLUMN hash text`,
    );
    await q.query(`
      CREATE TABLE audit_chains (
        organisation_id uuid PRIMARY KEY REFERENCES organisations (id) ON DELETE CASCADE,
        head_seq bigint NOT NULL DEFAULT 0,
        head_hash text NOT NULL DEFAULT ${GENESIS},
        -- The last event removed by retention: verification starts after it.
        anchor_seq bigint NOT NULL DEFAULT 0,
        anchor_hash text NOT NULL DEFAULT ${GENESIS},
        anchored_at timestamptz,
        purged bigint NOT NULL DEFAULT 0,
        CONSTRAINT audit_chains_anchor_not_after_head CHECK (anchor_seq <= head_seq)
      )`);
    await enableTenantRowSecurity(q, 'audit_chains');

    // One canonical text per event: a version tag, then each field as <bytes>:<text> ('-' for null), '|'-joined.
    await q.query(`
      CREATE FUNCTION audit_field(v text) RETURNS text LANGUAGE sql IMMUTABLE
      AS $$ SELECT CASE WHEN v IS NULL THEN '-' ELSE octet_length(v)::text || ':' || v END $$`);
    await q.query(`
      CREATE FUNCTION audit_event_canonical(e audit_events) RETURNS text LANGUAGE sql STABLE
      AS $$ SELECT concat_ws('|', 'waakvlam-audit-v1',
        audit_field(e.organisation_id::text), audit_field(e.seq::text), audit_field(e.id::text),
        audit_field(to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')),
        audit_field(e.action), audit_field(e.outcome), audit_field(e.user_id::text), audit_field(e.role),
        audit_field(e.on_behalf_of_user_id::text), audit_field(e.purpose),
        audit_field(array_to_string(e.client_ids, ',')), audit_field(e.resource), audit_field(e.ip),
        audit_field(e.user_agent), audit_field(e.source), audit_field(e.details::text), audit_field(e.prev_hash)) $$`);
    await q.query(`
      CREATE FUNCTION audit_event_hash(e audit_events) RETURNS text LANGUAGE sql STABLE
      AS $$ SELECT encode(sha256(convert_to(audit_event_canonical(e), 'UTF8')), 'hex') $$`);

    // Backfill the events written before the chain, per organisation in the order they were written.
    await q.query(`
      DO $$
      DECLARE r record; cur uuid := NULL; n bigint := 0; prev text := ${GENESIS};
      BEGIN
        FOR r IN SELECT id, organisation_id FROM audit_events ORDER BY organisation_id, occurred_at, id LOOP
          IF cur IS DISTINCT FROM r.organisation_id THEN
            IF cur IS NOT NULL THEN
              INSERT INTO audit_chains (organisation_id, head_seq, head_hash) VALUES (cur, n, prev);
            END IF;
            cur := r.organisation_id; n := 0; prev := ${GENESIS};
          END IF;
          n := n + 1;
          UPDATE audit_events SET seq = n, prev_hash = prev WHERE id = r.id;
          UPDATE audit_events e SET hash = audit_event_hash(e) WHERE e.id = r.id RETURNING e.hash INTO prev;
        END LOOP;
        IF cur IS NOT NULL THEN
          INSERT INTO audit_chains (organisation_id, head_seq, head_hash) VALUES (cur, n, prev);
        END IF;
      END $$`);
    await q.query(`
      ALTER TABLE audit_events ALTER COLUMN seq SET NOT NULL, ALTER COLUMN prev_hash SET NOT NULL,
        ALTER COLUMN hash SET NOT NULL`);
    // The chain in order (verification, retention); also makes a forked chain impossible.
    await q.query(`CREATE UNIQUE INDEX audit_events_org_seq_idx ON audit_events (organisation_id, seq)`);

    // Runs as the owner: the application role has no write access to audit_chains.
    await q.query(`
      CREATE FUNCTION audit_events_chain() RETURNS trigger LANGUAGE plpgsql
      SECURITY DEFINER SET search_path FROM CURRENT
      AS $$
      DECLARE head_seq_ bigint; head_hash_ text;
      BEGIN
        SELECT head_seq, head_hash INTO head_seq_, head_hash_
          FROM audit_chains WHERE organisation_id = NEW.organisation_id FOR UPDATE;
        IF NOT FOUND THEN
          INSERT INTO audit_chains (organisation_id) VALUES (NEW.organisation_id) ON CONFLICT DO NOTHING;
          SELECT head_seq, head_hash INTO head_seq_, head_hash_
            FROM audit_chains WHERE organisation_id = NEW.organisation_id FOR UPDATE;
        END IF;
        NEW.seq := head_seq_ + 1;
        NEW.prev_hash := head_hash_;
        NEW.hash := audit_event_hash(NEW);
        UPDATE audit_chains SET head_seq = NEW.seq, head_hash = NEW.hash WHERE organisation_id = NEW.organisation_id;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER audit_events_chain BEFORE INSERT ON audit_events
      FOR EACH ROW EXECUTE FUNCTION audit_events_chain()`);

    await q.query(`
      CREATE FUNCTION audit_events_guard() RETURNS trigger LANGUAGE plpgsql
      AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          -- The organisation itself is being removed (ON DELETE CASCADE): its log goes with it.
          IF NOT EXISTS (SELECT 1 FROM organisations WHERE id = OLD.organisation_id) THEN RETURN OLD; END IF;
          -- Retention (audit_events_purge): only anchored events, only after the legal minimum.
          IF current_setting('waakvlam.audit_retention', true) = 'on'
             AND OLD.occurred_at < now() - ${MIN_RETENTION}
             AND OLD.seq <= (SELECT anchor_seq FROM audit_chains WHERE organisation_id = OLD.organisation_id) THEN
            RETURN OLD;
          END IF;
        END IF;
        RAISE EXCEPTION 'audit_events is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE TRIGGER audit_events_immutable BEFORE UPDATE OR DELETE ON audit_events
      FOR EACH ROW EXECUTE FUNCTION audit_events_guard()`);
    await q.query(`
      CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
      FOR EACH STATEMENT EXECUTE FUNCTION audit_events_guard()`);

    // Retention: removes at most max_rows of the oldest events of one organisation, all before cutoff, as a
    // prefix of the chain, after moving its anchor to the last of them. Returns how many it removed.
    await q.query(`
      CREATE FUNCTION audit_events_purge(org uuid, cutoff timestamptz, max_rows integer) RETURNS bigint
      LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT
      AS $$
      DECLARE anchor_ bigint; last_ bigint; last_hash_ text; removed bigint;
      BEGIN
        IF cutoff > now() - ${MIN_RETENTION} THEN
          RAISE EXCEPTION 'audit events are kept at least 5 years' USING ERRCODE = 'insufficient_privilege';
        END IF;
        SELECT anchor_seq INTO anchor_ FROM audit_chains WHERE organisation_id = org FOR UPDATE;
        IF NOT FOUND THEN RETURN 0; END IF;
        SELECT max(p.seq) INTO last_ FROM (
          SELECT o.seq, bool_and(o.occurred_at < cutoff) OVER (ORDER BY o.seq) AS old
          FROM (SELECT seq, occurred_at FROM audit_events
                WHERE organisation_id = org AND seq > anchor_ ORDER BY seq LIMIT max_rows) o) p
        WHERE p.old;
        IF last_ IS NULL THEN RETURN 0; END IF;
        SELECT hash INTO last_hash_ FROM audit_events WHERE organisation_id = org AND seq = last_;
        UPDATE audit_chains SET anchor_seq = last_, anchor_hash = last_hash_, anchored_at = now(),
          purged = purged + (last_ - anchor_) WHERE organisation_id = org;
        PERFORM set_config('waakvlam.audit_retention', 'on', true);
        DELETE FROM audit_events WHERE organisation_id = org AND seq > anchor_ AND seq <= last_;
        GET DIAGNOSTICS removed = ROW_COUNT;
        PERFORM set_config('waakvlam.audit_retention', '', true);
        RETURN removed;
      END $$`);
    await q.query(`REVOKE EXECUTE ON FUNCTION audit_events_purge(uuid, timestamptz, integer) FROM PUBLIC`);

    // The application role (created by the row-level-security migration) may only add and read events.
    await q.query(`
      DO $$ BEGIN
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'waakvlam_app') THEN
          REVOKE UPDATE, DELETE, TRUNCATE ON audit_events FROM waakvlam_app;
          GRANT SELECT, INSERT ON audit_events TO waakvlam_app;
          REVOKE ALL ON audit_chains FROM waakvlam_app;
          GRANT SELECT ON audit_chains TO waakvlam_app;
          GRANT EXECUTE ON FUNCTION audit_events_purge(uuid, timestamptz, integer) TO waakvlam_app;
        END IF;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`SELECT set_config('waakvlam.system', 'on', true)`);
    await q.query(`DROP TRIGGER audit_events_no_truncate ON audit_events`);
    await q.query(`DROP TRIGGER audit_events_immutable ON audit_events`);
    await q.query(`DROP TRIGGER audit_events_chain ON audit_events`);
    await q.query(`DROP FUNCTION audit_events_purge(uuid, timestamptz, integer)`);
    await q.query(`DROP FUNCTION audit_events_guard()`);
    await q.query(`DROP FUNCTION audit_events_chain()`);
    await q.query(`DROP INDEX audit_events_org_seq_idx`);
    await q.query(`ALTER TABLE audit_events DROP COLUMN seq, DROP COLUMN prev_hash, DROP COLUMN hash`);
    await q.query(`DROP FUNCTION audit_event_hash(audit_events)`);
    await q.query(`DROP FUNCTION audit_event_canonical(audit_events)`);
    await q.query(`DROP FUNCTION audit_field(text)`);
    await disableTenantRowSecurity(q, 'audit_chains');
    await q.query(`DROP TABLE audit_chains`);
  }
}
