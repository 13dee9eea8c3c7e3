/** The fault suite's options: `--short` (CI), full (the default), `--cluster`, and sizes for development. */
export interface FaultOptions {
  short: boolean;
  cluster: boolean;
  /** Due reminders (check_in_overdue timers: one e-mail each) per scenario. */
  reminders: number;
  /** The reminders fall due evenly over this stretch, from a few seconds after a scenario starts. */
  dueOverMs: number;
  /** Reactivation requests over HTTP per scenario (one e-mail to the assignee each). */
  reactivations: number;
  /** Injected DATA→reply cuts per scenario. */
  cuts: number;
  /** How long Redis stays down and PostgreSQL stays down. */
  outageMs: number;
  /** How long the SMTP server refuses everything. */
  smtpRefusalMs: number;
  /** Scenarios to run (all by default): `--only a,b`. */
  only: string[] | null;
  /** Keeps the run directory (logs, PostgreSQL data) after a passing run. */
  keep: boolean;
  jsonOut: string | null;
}

const USAGE =
  'usage: npm run test:fault -- [--short] [--cluster] [--reminders N] [--reactivations N] [--only a,b] ' +
  '[--keep] [--json-out FILE]';

export function parseOptions(argv: readonly string[]): FaultOptions {
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) throw new Error(`Unknown argument ${arg}\n${USAGE}`);
    const [name, inline] = arg.slice(2).split('=', 2);
    const takesValue = ['reminders', 'reactivations', 'only', 'json-out', 'cuts'].includes(name);
    if (takesValue) {
      const value = inline ?? argv[++i];
      if (value === undefined) throw new Error(`--${name} needs a value\n${USAGE}`);
      flags.set(name, value);
    } else if (['short', 'cluster', 'keep'].includes(name)) flags.set(name, true);
    else throw new Error(`Unknown option --${name}\n${USAGE}`);
  }
  const short = flags.has('short');
  const count = (name: string, fallback: number): number => {
    const value = flags.get(name);
    if (value === undefined) return fallback;
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a whole number`);
    return n;
  };
  const only = flags.get('only');
  return {
    short,
    cluster: flags.has('cluster'),
    reminders: count('reminders', short ? 1_000 : 10_000),
    dueOverMs: short ? 10_000 : 60_000,
    reactivations: count('reactivations', short ? 20 : 200),
    cuts: count('cuts', short ? 3 : 10),
    outageMs: short ? 4_000 : 15_000,
    smtpRefusalMs: short ? 20_000 : 300_000,
    only: typeof only === 'string' ? only.split(',').map((s) => s.trim()) : null,
    keep: flags.has('keep'),
    jsonOut: typeof flags.get('json-out') === 'string' ? (flags.get('json-out') as string) : null,
  };
}
