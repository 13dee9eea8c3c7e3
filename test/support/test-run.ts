/**
 * Names of the resources one test run owns. The global set-up creates them and the global tear-down removes
 * them, so parallel and repeated runs never collide.
 */
export const ADMIN_DATABASE_URL =
  process.env['WAAKVLAM_TEST_ADMIN_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const TEST_REDIS_URL = process.env['WAAKVLAM_TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';

/** The login role the application connects as in tests: a member of waakvlam_app, no superuser, owns nothing. */
export const TEST_APP_ROLE = 'waakvlam';

export interface TestRun {
  databaseName: string;
  /** As the application connects: its own role, under row-level security. */
  databaseUrl: string;
  /** As the owner: migrations, and specs that must see or do what the application may not. */
  ownerDatabaseUrl: string;
  redisPrefix: string;
}

/** `url` with another database and, optionally, another user. */
export function withDatabase(url: string, databaseName: string, user?: string): string {
  const changed = new URL(url);
  changed.pathname = `/${databaseName}`;
  if (user !== undefined) {
    changed.username = user;
    changed.password = '';
  }
  return changed.toString();
}

export function newTestRun(): TestRun {
  const id = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  const databaseName = `waakvlam_test_${id}`;
  return {
    databaseName,
    databaseUrl: withDatabase(ADMIN_DATABASE_URL, databaseName, TEST_APP_ROLE),
    ownerDatabaseUrl: withDatabase(ADMIN_DATABASE_URL, databaseName),
    redisPrefix: `wvtest-${id}`,
  };
}

/** The run's resources, as the global set-up published them to the test workers. */
export function currentTestRun(): TestRun {
  const raw = process.env['WAAKVLAM_TEST_RUN'];
  if (!raw) throw new Error('No test run: start the specs through the root jest config (npm test).');
  return JSON.parse(raw) as TestRun;
}
