import type { MigrationInterface, QueryRunner } from 'typeorm';
import {
  disableTenantRowSecurity,
  enableTenantRowSecurity,
  tenantPredicate,
} from '../row-level-security.util';

/** The group role the application's login role is a member of (cluster-wide; created when missing). */
const APP_ROLE = 'waakvlam_app';
const DML = 'SELECT, INSERT, UPDATE, DELETE';

/** Every table of the schema with an organisation_id column: the tenant-owned ones. */
async function tenantTables(q: QueryRunner): Promise<string[]> {
  const rows: Array<{ table: string }> = await q.query(
    `SELECT c.relname AS table FROM pg_class c
     JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'organisation_id' AND NOT a.attisdropped
     WHERE c.relkind = 'r' AND c.relnamespace = current_schema()::regnamespace
     ORDER BY 1`,
  );
  return rows.map((r) => r.table);
}

/**
 * Row-level security: every tenant-owned table ENABLEs and FORCEs it with one policy on the organisation that each
 * transaction sets (`SET LOCAL waakvlam.organisation_id`, see TenantContext); `organisations` itself shows only the
 * organisation of the context. The application connects as a member of `waakvlam_app`, which may read and write
 * rows but owns nothing (so it cannot turn the policies off), may only add to and read the audit log, and may not
 * touch the migrations table. Tables created later get the same grants by default; their migrations enable row-level
 * security themselves (a test fails for a table without).
 */
export class EnableRowLevelSecurity1795495000000 implements MigrationInterface {
  name = 'EnableRowLevelSecurity1795495000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DO $$ BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${APP_ROLE}') THEN
        CREATE ROLE ${APP_ROLE} NOLOGIN NOSUPERUSER NOBYPASSRLS;
      END IF;
    END $$`);
    const schema = 'current_schema()';
    await q.query(`DO $$ BEGIN
      EXECUTE format('GRANT USAGE ON SCHEMA %I TO ${APP_ROLE}', ${schema});
      EXECUTE format('GRANT ${DML} ON ALL TABLES IN SCHEMA %I TO ${APP_ROLE}', ${schema});
      EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I TO ${APP_ROLE}', ${schema});
      EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT ${DML} ON TABLES TO ${APP_ROLE}', ${schema});
      EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT USAGE, SELECT ON SEQUENCES TO ${APP_ROLE}', ${schema});
    END $$`);
    await q.query(`REVOKE ALL ON migrations FROM ${APP_ROLE}`);
    await q.query(`REVOKE UPDATE, DELETE, TRUNCATE ON audit_events FROM ${APP_ROLE}`);

    for (const table of await tenantTables(q)) await enableTenantRowSecurity(q, table);
    await q.query(`ALTER TABLE organisations ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE organisations FORCE ROW LEVEL SECURITY`);
    await q.query(
      `CREATE POLICY tenant_isolation ON organisations USING ${tenantPredicate('id')} WITH CHECK ${tenantPredicate('id')}`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await disableTenantRowSecurity(q, 'organisations');
    for (const table of await tenantTables(q)) await disableTenantRowSecurity(q, table);
    const schema = 'current_schema()';
    await q.query(`DO $$ BEGIN
      EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I REVOKE USAGE, SELECT ON SEQUENCES FROM ${APP_ROLE}', ${schema});
      EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I REVOKE ${DML} ON TABLES FROM ${APP_ROLE}', ${schema});
      EXECUTE format('REVOKE ALL ON ALL SEQUENCES IN SCHEMA %I FROM ${APP_ROLE}', ${schema});
      EXECUTE format('REVOKE ALL ON ALL TABLES IN SCHEMA %I FROM ${APP_ROLE}', ${schema});
      EXECUTE format('REVOKE USAGE ON SCHEMA %I FROM ${APP_ROLE}', ${schema});
    END $$`);
  }
}
