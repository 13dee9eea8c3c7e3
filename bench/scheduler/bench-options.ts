/** Command-line options of `npm run bench:scheduler`. */
export interface BenchOptions {
  /** Active watches onboarded (each with one planned check-in and one live timer). */
  watches: number;
  smoke: boolean;
  /** Where the memory is read the first time (100,000 in a full run). */
  memoryCheckpoint: number;
  /** Schedulers registered for the naive design (one BullMQ job scheduler per watch). */
  naiveWatches: number;
  /** Rows per onboarding statement, and how many statements run at once. */
  batchSize: number;
  /**
   * Onboard as an import: foreign keys checked by one set-based query per constraint afterwards (timed) instead of
   * per row. Off with --row-fk-checks, or when the bench's role is not a superuser.
   */
  setBasedForeignKeys: boolean;
  parallel: number;
  /** Timers due within the horizon in steady state and in the tick measurement. */
  dueInHorizon: number;
  ticks: number;
  /** Worker processes and the concurrency of each, for the burst. */
  burstWorkers: number;
  burstConcurrency: number;
  /** No-op jobs added and the concurrency of each worker process. */
  noopJobs: number;
  noopConcurrency: number;
  /** Before each timed phase, wait up to this long for the machine to be ≥ 90 % idle (0: do not wait). */
  waitQuietMs: number;
  /** Extra copy of the JSON results; `-` prints it to stdout. */
  jsonOut: string | null;
  keepDatabase: boolean;
  /** Exit 1 when a target is missed (by default only errors and broken invariants fail the run). */
  strict: boolean;
  databaseName: string;
  adminDatabaseUrl: string;
  redisUrl: string;
  redisPrefix: string;
}

const USAGE = `Usage: npm run bench:scheduler -- [options]
  --watches N            watches to onboard (default 1000000)
  --smoke                quick run for CI: 10,000 watches, naive design at 1,000
  --naive N              schedulers of the naive design (default 100000; smoke 1000)
  --batch N              rows per onboarding statement (default 50000)
  --parallel N           onboarding statements at once (default 2)
  --row-fk-checks        onboard with per-row foreign-key checks instead of one set-based check per constraint
  --burst-workers N      worker processes in the burst (default 2)
  --burst-concurrency N  jobs at once per worker process in the burst (default 16)
  --noop-jobs N          no-op jobs (default 50000; smoke 20000)
  --wait-quiet SECONDS   before each timed phase, wait up to SECONDS for the machine to be ≥ 90 % idle
  --json-out FILE        also write the JSON results here ('-': stdout)
  --keep-db              keep the waakvlam_bench database afterwards
  --strict               exit 1 when a target is missed
Environment: BENCH_ADMIN_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres),
  BENCH_REDIS_URL (default redis://127.0.0.1:6379).`;

export function parseOptions(argv: readonly string[], env: NodeJS.ProcessEnv): BenchOptions {
  const args = [...argv];
  const flags = new Set<string>();
  const values = new Map<string, string>();
  while (args.length > 0) {
    const arg = args.shift() as string;
    if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      process.exit(0);
    }
    if (!arg.startsWith('--')) throw new Error(`Unexpected argument '${arg}'\n${USAGE}`);
    const [name, inline] = arg.slice(2).split('=', 2);
    if (['smoke', 'keep-db', 'strict', 'row-fk-checks'].includes(name)) {
      flags.add(name);
      continue;
    }
    const value = inline ?? args.shift();
    if (value === undefined) throw new Error(`--${name} needs a value\n${USAGE}`);
    values.set(name, value);
  }
  const known = [
    'watches',
    'naive',
    'batch',
    'parallel',
    'burst-workers',
    'burst-concurrency',
    'noop-jobs',
    'wait-quiet',
    'json-out',
  ];
  for (const name of values.keys())
    if (!known.includes(name)) throw new Error(`Unknown option --${name}\n${USAGE}`);
  const count = (name: string, fallback: number, min = 1): number => {
    const raw = values.get(name);
    if (raw === undefined) return fallback;
    const n = Number(raw.replace(/[_,]/g, ''));
    if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be a whole number ≥ ${min}`);
    return n;
  };

  const smoke = flags.has('smoke');
  const watches = count('watches', smoke ? 10_000 : 1_000_000, 1_000);
  return {
    watches,
    smoke,
    memoryCheckpoint: Math.min(100_000, Math.floor(watches / 10)),
    naiveWatches: count('naive', smoke ? 1_000 : 100_000),
    batchSize: count('batch', 50_000),
    setBasedForeignKeys: !flags.has('row-fk-checks'),
    parallel: count('parallel', 2),
    dueInHorizon: 500,
    ticks: 20,
    burstWorkers: count('burst-workers', 2),
    burstConcurrency: count('burst-concurrency', 16),
    noopJobs: count('noop-jobs', smoke ? 20_000 : 50_000),
    noopConcurrency: 100,
    waitQuietMs: count('wait-quiet', 0, 0) * 1000,
    jsonOut: values.get('json-out') ?? null,
    keepDatabase: flags.has('keep-db'),
    strict: flags.has('strict'),
    databaseName: 'waakvlam_bench',
    adminDatabaseUrl: env['BENCH_ADMIN_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    redisUrl: env['BENCH_REDIS_URL'] ?? 'redis://127.0.0.1:6379',
    redisPrefix: 'wvbench',
  };
}
