/**
 * Names of the resources one test run owns. The global set-up creates them and the global tear-down removes
 * them, so parallel and repeated runs never collide.
 */
export const ADMIN_DATABASE_URL =
  process.env['WAAKVLAM_TEST_ADMIN_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const TEST_REDIS_URL = process.env['WAAKVLAM_TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';

export interface TestRun {
  databaseName: string;
  databaseUrl: string;
  redisPrefix: string;
}

export function newTestRun(): TestRun {
  const id = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  const databaseName = `waakvlam_test_${id}`;
  const url = new URL(ADMIN_DATABASE_URL);
  url.pathname = `/${databaseName}`;
  return { databaseName, databaseUrl: url.toString(), redisPrefix: `wvtest-${id}` };
}

/** The run's resources, as the global set-up published them to the test workers. */
export function currentTestRun(): TestRun {
  const raw = process.env['WAAKVLAM_TEST_RUN'];
  if (!raw) throw new Error('No test run: start the specs through the root jest config (npm test).');
  return JSON.parse(raw) as TestRun;
}
