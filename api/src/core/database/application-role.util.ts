import type { DataSource } from 'typeorm';

/**
 * What is wrong with the role the application connects as, for row-level security to protect anything: a
 * superuser or a BYPASSRLS role skips every policy, and an owner of tables could turn them off. Empty when fine.
 */
export async function applicationRoleProblems(dataSource: DataSource): Promise<string[]> {
  const [role]: Array<{ name: string; superuser: boolean; bypass: boolean; owned: number }> =
    await dataSource.query(
      `SELECT r.rolname AS name, r.rolsuper AS superuser, r.rolbypassrls AS bypass,
              (SELECT count(*)::int FROM pg_class c
               WHERE c.relowner = r.oid AND c.relnamespace = current_schema()::regnamespace
                 AND c.relkind IN ('r', 'p')) AS owned
       FROM pg_roles r WHERE r.rolname = current_user`,
    );
  const problems: string[] = [];
  if (role.superuser) problems.push(`${role.name} is a superuser`);
  if (role.bypass) problems.push(`${role.name} has BYPASSRLS`);
  if (role.owned > 0) problems.push(`${role.name} owns ${role.owned} table(s)`);
  return problems;
}

/**
 * Creates the login role `role` when missing and makes it a member of the migrations' waakvlam_app: how tests and
 * benches connect as the application does. Roles are cluster-wide; parallel runs may race, the loser finds it made.
 */
export async function ensureApplicationLoginRole(
  owner: { query: (sql: string) => Promise<unknown> },
  role: string,
): Promise<void> {
  if (!/^[a-z_][a-z0-9_]*$/.test(role)) throw new Error(`Not a role name: ${role}`);
  await owner.query(`DO $$ BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${role}') THEN
      CREATE ROLE ${role} LOGIN NOSUPERUSER NOBYPASSRLS;
    END IF;
  EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
  END $$`);
  await owner.query(`GRANT waakvlam_app TO ${role}`);
}
