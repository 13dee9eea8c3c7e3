import 'reflect-metadata';
import { AppConfig } from '../core/config/app.config';
import { ConfigError } from '../core/config/config.error';
import { createMigrationDataSource } from '../core/database/data-source.factory';
import { revertLastMigration, runPendingMigrations } from '../core/database/migration-runner.util';

/** `npm run db:migrate` runs pending migrations; `npm run db:revert` reverts the last one. */
async function migrate(): Promise<void> {
  const config = AppConfig.fromEnv(process.env);
  const dataSource = createMigrationDataSource(config);
  await dataSource.initialize();
  try {
    if (process.argv.includes('--revert')) {
      const reverted = await revertLastMigration(dataSource);
      console.log(reverted ? 'Reverted the last migration.' : 'Nothing to revert.');
    } else {
      const ran = await runPendingMigrations(dataSource);
      console.log(
        ran.length ? `Ran ${ran.length} migration(s): ${ran.join(', ')}` : 'The database is up to date.',
      );
    }
  } finally {
    await dataSource.destroy();
  }
}

migrate().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
