import { AppConfig } from '../../api/src/core/config/app.config';
import { TEST_REDIS_URL, currentTestRun } from './test-run';

/** The configuration of an app under test: this run's database and Redis prefix, quiet logs, no demo data. */
export function testConfig(overrides: Record<string, string> = {}): AppConfig {
  const run = currentTestRun();
  return AppConfig.fromEnv({
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: '0',
    WAAKVLAM_ROLES: 'api',
    DATABASE_URL: run.databaseUrl,
    DATABASE_MIGRATION_URL: run.ownerDatabaseUrl,
    DATABASE_POOL_SIZE: '4',
    MIGRATE_ON_START: 'false',
    REDIS_URL: TEST_REDIS_URL,
    REDIS_PREFIX: run.redisPrefix,
    SEED_DEMO: 'false',
    LOG_LEVEL: 'silent',
    ADMIN_DIST: '',
    LOGIN_LIMIT_PER_ACCOUNT: '1000',
    LOGIN_LIMIT_PER_IP: '100000',
    ...overrides,
  });
}
