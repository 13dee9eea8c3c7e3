import type { MigrationInterface, QueryRunner } from 'typeorm';
import { disableTenantRowSecurity, enableTenantRowSecurity } from '../row-level-security.util';

const AUDIT_ACTIONS_BEFORE = `'read', 'search', 'create', 'update', 'delete', 'export'`;
const AUDIT_ACTIONS_AFTER = `${AUDIT_ACTIONS_BEFORE}, 'sign_in'`;

/** The new tenant-owned tables, in the order they are created. */
const TENANT_TABLES = ['user_two_factor', 'user_recovery_codes', 'pending_sign_ins'] as const;

/**
 * Sign-in hardening: failure counters per account (progressive delay, lock-out), TOTP two-factor authentication
 * (encrypted secret, hashed recovery codes, the short-lived state between the two steps), the organisation's
 * "two-factor required" setting, the OIDC subject of a user, and the audit action `sign_in`.
 */
export class HardenSignIn1795500000000 implements MigrationInterface {
  name = 'HardenSignIn1795500000000';

  async up(q: QueryRunner): Promise<void> {
    // Keyed by an HMAC of the e-mail address, not by user: unknown addresses are counted the same way, so the
    // delays and the lock-out say nothing about which accounts exist. No organisation: it is not known yet.
    await q.query(`
      CREATE TABLE sign_in_failures (
        account_key bytea PRIMARY KEY,
        failures integer NOT NULL CHECK (failures >= 0),
        last_failed_at timestamptz NOT NULL,
        -- No attempt is checked before this instant (progressive delay).
        not_before timestamptz NOT NULL,
        locked_until timestamptz
      )`);
    // The purge job: counters that saw no failure for a while.
    await q.query(`CREATE INDEX sign_in_failures_last_failed_idx ON sign_in_failures (last_failed_at)`);

    await q.query(`ALTER TABLE organisations ADD COLUMN two_factor_required boolean NOT NULL DEFAULT false`);
    await q.query(
      `ALTER TABLE users ADD COLUMN oidc_subject text CHECK (length(oidc_subject) BETWEEN 1 AND 255)`,
    );
    await q.query(`ALTER TABLE users ADD COLUMN password_changed_at timestamptz`);
    // OIDC sign-in finds the user by (organisation, subject).
    await q.query(
      `CREATE UNIQUE INDEX users_oidc_subject_unique ON users (organisation_id, oidc_subject) WHERE oidc_subject IS NOT NULL`,
    );

    await q.query(`
      CREATE TABLE user_two_factor (
        user_id uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
        organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
        -- AES-256-GCM: 12-byte IV, ciphertext, 16-byte tag.
        secret_ciphertext bytea NOT NULL,
        -- Null while the enrolment awaits its first code.
        confirmed_at timestamptz,
        -- The 30-second step of the last accepted code: a code of that step or earlier is refused (no replay).
        last_used_step bigint NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE user_recovery_codes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
        code_hash bytea NOT NULL,
        used_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT user_recovery_codes_unique UNIQUE (user_id, code_hash)
      )`);
    await q.query(`
      CREATE TABLE pending_sign_ins (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        token_hash bytea NOT NULL,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
        -- two_factor: the password was right, a code is due; enrolment: two-factor is required but not set up.
        step text NOT NULL CHECK (step IN ('two_factor', 'enrolment')),
        attempts integer NOT NULL DEFAULT 0,
        expires_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pending_sign_ins_token_hash_unique UNIQUE (token_hash)
      )`);
    await q.query(`CREATE INDEX pending_sign_ins_user_idx ON pending_sign_ins (user_id)`);
    await q.query(`CREATE INDEX pending_sign_ins_expiry_idx ON pending_sign_ins (expires_at)`);
    for (const table of TENANT_TABLES) await enableTenantRowSecurity(q, table);

    await q.query(`ALTER TABLE audit_events DROP CONSTRAINT audit_events_action_check`);
    await q.query(
      `ALTER TABLE audit_events ADD CONSTRAINT audit_events_action_check CHECK (action IN (${AUDIT_ACTIONS_AFTER}))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    // The audit log is append-only: sign-in rows stay, so the old list comes back without checking them.
    await q.query(`ALTER TABLE audit_events DROP CONSTRAINT audit_events_action_check`);
    await q.query(
      `ALTER TABLE audit_events ADD CONSTRAINT audit_events_action_check CHECK (action IN (${AUDIT_ACTIONS_BEFORE})) NOT VALID`,
    );
    for (const table of [...TENANT_TABLES].reverse()) {
      await disableTenantRowSecurity(q, table);
      await q.query(`DROP TABLE ${table}`);
    }
    await q.query(`DROP INDEX users_oidc_subject_unique`);
    await q.query(`ALTER TABLE users DROP COLUMN password_changed_at`);
    await q.query(`ALTER TABLE users DROP COLUMN oidc_subject`);
    await q.query(`ALTER TABLE organisations DROP COLUMN two_factor_required`);
    await q.query(`DROP TABLE sign_in_failures`);
  }
}
