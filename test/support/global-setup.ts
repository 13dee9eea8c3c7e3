import { Client } from 'pg';
import { createDataSource } from '../../api/src/core/database/data-source.factory';
import { runPendingMigrations } from '../../api/src/core/database/migration-runner.util';
import { ADMIN_DATABASE_URL, newTestRun } from './test-run';

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
  const dataSource = createDataSource(
    { databaseUrl: run.databaseUrl, databasePoolSize: 2 },
    'waakvlam-test-setup',
  );
  await dataSource.initialize();
  try {
    await runPendingMigrations(dataSource);
  } finally {
    await dataSource.destroy();
  }
  process.env['WAAKVLAM_TEST_RUN'] = JSON.stringify(run);
}
