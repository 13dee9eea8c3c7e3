import type { QueryRunner } from 'typeorm';

/** The PostgreSQL settings the application sets with SET LOCAL in each transaction (see TenantContext). */
export const TENANT_SETTING = 'waakvlam.organisation_id';
export const SYSTEM_SETTING = 'waakvlam.system';

/** The policy's condition: the row's organisation is the context's, or the context is the system's. */
export const tenantPredicate = (column: string): string =>
  `(${column} = nullif(current_setting('${TENANT_SETTING}', true), '')::uuid
    OR current_setting('${SYSTEM_SETTING}', true) = 'on')`;

/**
 * Row-level security on a tenant-owned table: ENABLE and FORCE (the owner too), and one policy `tenant_isolation` on
 * `column` (default organisation_id) for reads and writes. Every migration that creates a table with
 * organisation_id calls this in `up` (and disableTenantRowSecurity in `down`); a test fails for a table without.
 */
export async function enableTenantRowSecurity(
  q: QueryRunner,
  table: string,
  column = 'organisation_id',
): Promise<void> {
  await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
  await q.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
  await q.query(
    `CREATE POLICY tenant_isolation ON ${table} USING ${tenantPredicate(column)} WITH CHECK ${tenantPredicate(column)}`,
  );
}

export async function disableTenantRowSecurity(q: QueryRunner, table: string): Promise<void> {
  await q.query(`DROP POLICY IF EXISTS tenant_isolation ON ${table}`);
  await q.query(`ALTER TABLE ${table} NO FORCE ROW LEVEL SECURITY`);
  await q.query(`ALTER TABLE ${table} DISABLE ROW LEVEL SECURITY`);
}
