/** Command-line options of `npm run bench:reactivation`. */
export interface ReactivationBenchOptions {
  smoke: boolean;
  /** Requests per second of the measured load generator (both runs). */
  rate: number;
  /** Requests per second of the second, background load generator (second run only). */
  backgroundRate: number;
  /** Length of the first run (the measured rate alone) and of the second (with the background load). */
  durationMs: number;
  loadedDurationMs: number;
  /** Unmeasured requests at the measured rate before the first run (JIT, connection pools). */
  warmUpMs: number;
  /** The background load starts this long before the measured requests of the second run, and ends as long after. */
  backgroundLeadMs: number;
  /** Timers (check_in_overdue, each an e-mail) falling due per second during the runs: the planner's work. */
  timerRate: number;
  /** Worker processes (role `worker`: every queue of the product, the planner included). */
  workers: number;
  /** API processes (role `api`); the load generators send to them in turn. */
  apiProcesses: number;
  /** After the runs, how long to wait for the last reactivation e-mails. */
  drainTimeoutMs: number;
  /** Before the load starts, wait up to this long for the machine to be ≥ 90 % idle (0: do not wait). */
  waitQuietMs: number;
  /** Extra copy of the JSON results; `-` prints it to stdout. */
  jsonOut: string | null;
  keepDatabase: boolean;
  /** Exit 1 when a target is missed (by default only errors and broken invariants fail the run). */
  strict: boolean;
  databaseName: string;
  adminDatabaseUrl: string;
  redisUrl: string;
  /** REDIS_PREFIX of the application under test: BullMQ keys `{prefix}:…`, plain keys `prefix:…`. */
  redisPrefix: string;
}

const USAGE = `Usage: npm run bench:reactivation -- [options]
  --smoke                quick run for CI: 10 s at 50/s, then 3 s beside 200/s of background
  --rate N               measured requests per second (default 50)
  --background-rate N    background requests per second in the second run (default 200)
  --duration S           seconds of the first run (default 60; smoke 10)
  --loaded-duration S    seconds of the second run, with the background load (default: --duration; smoke 3)
  --warm-up S            unmeasured seconds at --rate before the first run (default 5; smoke 2)
  --timer-rate N         timers falling due per second meanwhile, each an e-mail (default 200)
  --workers N            worker processes of the product (default 1)
  --api-processes N      API processes; the generators send to them in turn (default 1)
  --drain-timeout S      wait this long at most for the last e-mails (default 60; smoke 20)
  --wait-quiet SECONDS   before the load starts, wait up to SECONDS for the machine to be ≥ 90 % idle
  --json-out FILE        also write the JSON results here ('-': stdout)
  --keep-db              keep the waakvlam_bench_reactivation database afterwards
  --strict               exit 1 when a target is missed
Environment: BENCH_ADMIN_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres),
  BENCH_REDIS_URL (default redis://127.0.0.1:6379).`;

export function parseOptions(argv: readonly string[], env: NodeJS.ProcessEnv): ReactivationBenchOptions {
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
    if (['smoke', 'keep-db', 'strict'].includes(name)) {
      flags.add(name);
      continue;
    }
    const value = inline ?? args.shift();
    if (value === undefined) throw new Error(`--${name} needs a value\n${USAGE}`);
    values.set(name, value);
  }
  const known = [
    'rate',
    'background-rate',
    'duration',
    'loaded-duration',
    'warm-up',
    'timer-rate',
    'workers',
    'api-processes',
    'drain-timeout',
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
  const duration = count('duration', smoke ? 10 : 60);
  return {
    smoke,
    rate: count('rate', 50),
    backgroundRate: count('background-rate', 200, 0),
    durationMs: duration * 1000,
    loadedDurationMs: count('loaded-duration', smoke ? 3 : duration) * 1000,
    warmUpMs: count('warm-up', smoke ? 2 : 5, 0) * 1000,
    backgroundLeadMs: smoke ? 500 : 1_000,
    timerRate: count('timer-rate', 200, 0),
    workers: count('workers', 1),
    apiProcesses: count('api-processes', 1),
    drainTimeoutMs: count('drain-timeout', smoke ? 20 : 60) * 1000,
    waitQuietMs: count('wait-quiet', 0, 0) * 1000,
    jsonOut: values.get('json-out') ?? null,
    keepDatabase: flags.has('keep-db'),
    strict: flags.has('strict'),
    databaseName: 'waakvlam_bench_reactivation',
    adminDatabaseUrl: env['BENCH_ADMIN_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    redisUrl: env['BENCH_REDIS_URL'] ?? 'redis://127.0.0.1:6379',
    redisPrefix: 'wvbench-reactivation',
  };
}
