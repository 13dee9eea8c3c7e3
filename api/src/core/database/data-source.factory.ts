import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app.config';
import { SYSTEM_SETTING } from './row-level-security.util';
import { ENTITIES, MIGRATIONS } from './schema.registry';
import { installTenantTransactions } from './tenant-transaction.util';

/**
 * The one DataSource definition, shared by the application, the migration CLI and the tests. With `migrations`
 * its connections see every organisation's rows (the owner is subject to row-level security too: FORCE), so a
 * migration that moves data sees all of it.
 */
export function createDataSource(
  config: Pick<AppConfig, 'databaseUrl' | 'databasePoolSize'>,
  name = 'waakvlam',
  options: { migrations?: boolean } = {},
): DataSource {
  installTenantTransactions();
  return new DataSource({
    type: 'postgres',
    url: config.databaseUrl,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    applicationName: name,
    extra: {
      max: config.databasePoolSize,
      // Fail fast rather than hang when PostgreSQL is unreachable.
      connectionTimeoutMillis: 5_000,
      idleTimeoutMillis: 30_000,
      ...(options.migrations ? { options: `-c ${SYSTEM_SETTING}=on` } : {}),
    },
  });
}

/** A DataSource of the owner role, for running (or reverting) the migrations. */
export const createMigrationDataSource = (
  config: Pick<AppConfig, 'databaseMigrationUrl'>,
  name = 'waakvlam-migrate',
): DataSource =>
  createDataSource({ databaseUrl: config.databaseMigrationUrl, databasePoolSize: 2 }, name, {
    migrations: true,
  });
