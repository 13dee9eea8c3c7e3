import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app.config';
import { ENTITIES, MIGRATIONS } from './schema.registry';

/** The one DataSource definition, shared by the application, the migration CLI and the tests. */
export function createDataSource(
  config: Pick<AppConfig, 'databaseUrl' | 'databasePoolSize'>,
  name = 'waakvlam',
): DataSource {
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
    },
  });
}
