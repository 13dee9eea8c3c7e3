import { parseArgs } from 'node:util';
import type { BenchOptions } from '../scheduler/bench-options';

/** Command-line options of `npm run bench:api` (the common ones as the scheduler bench's). */
export interface ApiBenchOptions extends Pick<
  BenchOptions,
  | 'smoke'
  | 'watches'
  | 'waitQuietMs'
  | 'jsonOut'
  | 'keepDatabase'
  | 'strict'
  | 'databaseName'
  | 'adminDatabaseUrl'
  | 'redisUrl'
  | 'redisPrefix'
> {
  /** Sequential requests measured per endpoint, after `warmUp` unmeasured ones. */
  iterations: number;
  warmUp: number;
  /** Requests at once in the concurrent round, and rounds per endpoint. */
  concurrency: number;
  concurrentRounds: number;
  /** The bar for the dashboard (and, reported against it, the lists): p95 below this. */
  targetP95Ms: number;
  /** Always print the dashboard statements' plans (EXPLAIN ANALYZE, BUFFERS); by default only on a miss. */
  explain: boolean;
}

const USAGE = `Usage: npm run bench:api -- [options]
  --smoke                quick run for CI: 2,000 watches, few iterations
  --watches N            watches of the organisation (default 50000; smoke 2000)
  --iterations N         sequential requests measured per endpoint (default 100; smoke 5)
  --warm-up N            unmeasured requests per endpoint first (default 10; smoke 2)
  --concurrency N        requests at once in the concurrent round (default 4)
  --rounds N             concurrent rounds per endpoint (default 10; smoke 1)
  --target-ms N          p95 bar for the dashboard (default 300)
  --wait-quiet SECONDS   before measuring, wait up to SECONDS for the machine to be ≥ 90 % idle
  --explain              print the dashboard statements' plans even when it meets the bar
  --json-out FILE        also write the JSON results here ('-': stdout)
  --keep-db              keep the waakvlam_bench_api database afterwards
  --strict               exit 1 when a target is missed
Environment: BENCH_ADMIN_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres),
  BENCH_REDIS_URL (default redis://127.0.0.1:6379).`;

const COUNTS = [
  'watches',
  'iterations',
  'warm-up',
  'concurrency',
  'rounds',
  'target-ms',
  'wait-quiet',
] as const;

export function parseApiBenchOptions(argv: readonly string[], env: NodeJS.ProcessEnv): ApiBenchOptions {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: false,
    options: {
      help: { type: 'boolean', short: 'h' },
      smoke: { type: 'boolean' },
      explain: { type: 'boolean' },
      'keep-db': { type: 'boolean' },
      strict: { type: 'boolean' },
      'json-out': { type: 'string' },
      ...Object.fromEntries(COUNTS.map((name) => [name, { type: 'string' as const }])),
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const count = (name: (typeof COUNTS)[number], fallback: number, min = 1): number => {
    const raw = (values as Record<string, string | boolean | undefined>)[name];
    if (typeof raw !== 'string') return fallback;
    const n = Number(raw.replace(/[_,]/g, ''));
    if (!Number.isInteger(n) || n < min)
      throw new Error(`--${name} must be a whole number ≥ ${min}\n${USAGE}`);
    return n;
  };
  const smoke = values.smoke === true;
  return {
    smoke,
    watches: count('watches', smoke ? 2_000 : 50_000, 100),
    iterations: count('iterations', smoke ? 5 : 100),
    warmUp: count('warm-up', smoke ? 2 : 10, 0),
    concurrency: count('concurrency', 4),
    concurrentRounds: count('rounds', smoke ? 1 : 10, 0),
    targetP95Ms: count('target-ms', 300),
    waitQuietMs: count('wait-quiet', 0, 0) * 1000,
    explain: values.explain === true,
    jsonOut: values['json-out'] ?? null,
    keepDatabase: values['keep-db'] === true,
    strict: values.strict === true,
    databaseName: 'waakvlam_bench_api',
    adminDatabaseUrl: env['BENCH_ADMIN_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    redisUrl: env['BENCH_REDIS_URL'] ?? 'redis://127.0.0.1:6379',
    redisPrefix: 'wvbench-api',
  };
}

/** This process's options; a wrong one prints the usage and exits 64. */
export function apiBenchOptionsFromCommandLine(): ApiBenchOptions {
  try {
    return parseApiBenchOptions(process.argv.slice(2), process.env);
  } catch (error) {
    console.error((error as Error).message);
    return process.exit(64);
  }
}
