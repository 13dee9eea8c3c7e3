import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateOrganisationsUsersSessions1795367499088 implements MigrationInterface {
  name = 'CreateOrganisationsUsersSessions1795367499088';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE organisations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        time_zone text NOT NULL DEFAULT 'Europe/Amsterdam',
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE partner_organisations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        kind text NOT NULL CHECK (kind IN ('housing_corporation', 'police', 'debt_help', 'other')),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT partner_organisations_name_unique UNIQUE (organisation_id, name),
        -- lets users reference (organisation_id, id) so a partner user can only belong to a partner of its own organisation
        CONSTRAINT partner_organisations_org_id_unique UNIQUE (organisation_id, id)
      )`);
    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
        partner_organisation_id uuid,
        email text NOT NULL CHECK (email = lower(email) AND email LIKE '%_@_%'),
        display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
        role text NOT NULL CHECK (role IN ('admin', 'coordinator', 'caseworker', 'partner')),
        password_hash text NOT NULL,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT users_email_unique UNIQUE (email),
        CONSTRAINT users_partner_fk FOREIGN KEY (organisation_id, partner_organisation_id)
          REFERENCES partner_organisations (organisation_id, id) ON DELETE CASCADE,
        CONSTRAINT users_partner_role CHECK ((role = 'partner') = (partner_organisation_id IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX users_organisation_idx ON users (organisation_id, display_name)`);
    await q.query(`
      CREATE TABLE sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        token_hash bytea NOT NULL,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
        csrf_token text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz NOT NULL DEFAULT now(),
        absolute_expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        CONSTRAINT sessions_token_hash_unique UNIQUE (token_hash)
      )`);
    await q.query(`CREATE INDEX sessions_user_idx ON sessions (user_id) WHERE revoked_at IS NULL`);
    await q.query(`CREATE INDEX sessions_expiry_idx ON sessions (absolute_expires_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE sessions`);
    await q.query(`DROP TABLE users`);
    await q.query(`DROP TABLE partner_organisations`);
    await q.query(`DROP TABLE organisations`);
  }
}
