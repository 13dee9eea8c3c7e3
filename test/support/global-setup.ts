import { Client } from 'pg';
import { ensureApplicationLoginRole } from '../../api/src/core/database/application-role.util';
import { createMigrationDataSource } from '../../api/src/core/database/data-source.factory';
import { runPendingMigrations } from '../../api/src/core/database/migration-runner.util';
import { ADMIN_DATABASE_URL, TEST_APP_ROLE, newTestRun } from './test-run';

/**
 * Creates and migrates this run's own database. Runs outside Jest's module mapper: import nothing that uses
 * the @waakvlam/* path aliases at run time.
 */
export default async function globalSetup(): Promise<void> {
  const run = newTestRun();
  const admin = new Client({ connectionString: ADMIN_DATABASE_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${run.databaseName}`);
  } finally {
    await admin.end();
  }
  const dataSource = createMigrationDataSource(
    { databaseMigrationUrl: run.ownerDatabaseUrl },
    'waakvlam-test-setup',
  );
  await dataSource.initialize();
  try {
    await runPendingMigrations(dataSource);
    await ensureApplicationLoginRole(dataSource, TEST_APP_ROLE);
  } finally {
    await dataSource.destroy();
  }
  process.env['WAAKVLAM_TEST_RUN'] = JSON.stringify(run);
}
