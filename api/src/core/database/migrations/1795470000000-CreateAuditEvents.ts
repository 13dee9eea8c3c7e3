import type { MigrationInterface, QueryRunner } from 'typeorm';

const ACTIONS = `'read', 'search', 'create', 'update', 'delete', 'export'`;
const SOURCES = `'console', 'api', 'partner_system', 'system'`;

/**
 * The audit log (audit_events): who did what with whose data, when, from where and why. Append-only: rows are only
 * ever inserted. User ids are kept without foreign keys so an entry outlives what it names.
 */
export class CreateAuditEvents1795470000000 implements MigrationInterface {
  name = 'CreateAuditEvents1795470000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE audit_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
        occurred_at timestamptz NOT NULL DEFAULT now(),
        action text NOT NULL CHECK (action IN (${ACTIONS})),
        outcome text NOT NULL CHECK (outcome IN ('success', 'failure')),
        -- Null for the system's own actions.
        user_id uuid,
        role text,
        -- The user a support engineer or a stand-in acted for.
        on_behalf_of_user_id uuid,
        purpose text CHECK (purpose IS NULL OR length(purpose) <= 500),
        -- Every client whose data the action touched (an export: the clients of its rows).
        client_ids uuid[] NOT NULL DEFAULT '{}',
        -- What was acted on, e.g. 'watches.export'.
        resource text NOT NULL CHECK (length(resource) BETWEEN 1 AND 200),
        ip text,
        user_agent text,
        source text NOT NULL CHECK (source IN (${SOURCES})),
        details jsonb
      )`);
    // The organisation's log, newest first.
    await q.query(
      `CREATE INDEX audit_events_org_occurred_idx ON audit_events (organisation_id, occurred_at DESC)`,
    );
    // "Who saw this client's data": client_ids @> ARRAY[…].
    await q.query(`CREATE INDEX audit_events_client_ids_idx ON audit_events USING gin (client_ids)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_events`);
  }
}
