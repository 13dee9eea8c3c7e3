import type { DataSource } from 'typeorm';

/** Arbitrary but fixed: every process that migrates takes this lock first. */
const MIGRATION_LOCK_ID = 7_340_125;

/**
 * Runs pending migrations, each in its own transaction, while holding a PostgreSQL advisory lock,
 * so that several API replicas starting at once migrate exactly once. Returns the names it ran.
 */
export async function runPendingMigrations(dataSource: DataSource): Promise<string[]> {
  const lockRunner = dataSource.createQueryRunner();
  await lockRunner.connect();
  try {
    await lockRunner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_ID]);
    const ran = await dataSource.runMigrations({ transaction: 'each' });
    return ran.map((m) => m.name);
  } finally {
    await lockRunner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_ID]).catch(() => undefined);
    await lockRunner.release();
  }
}

/** Reverts the most recent migration under the same lock. Returns false when there was nothing to revert. */
export async function revertLastMigration(dataSource: DataSource): Promise<boolean> {
  const lockRunner = dataSource.createQueryRunner();
  await lockRunner.connect();
  try {
    await lockRunner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_ID]);
    const executed: unknown[] = await lockRunner.query(
      `SELECT 1 FROM information_schema.tables WHERE table_name = 'migrations'`,
    );
    if (executed.length === 0) return false;
    const rows: unknown[] = await lockRunner.query('SELECT id FROM migrations LIMIT 1');
    if (rows.length === 0) return false;
    await dataSource.undoLastMigration({ transaction: 'each' });
    return true;
  } finally {
    await lockRunner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_ID]).catch(() => undefined);
    await lockRunner.release();
  }
}
