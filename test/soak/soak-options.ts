/** The soak test's options: `--minutes N` (30 by default), `--smoke` (CI: 3 minutes), and the load's rates. */
export interface SoakOptions {
  minutes: number;
  smoke: boolean;
  /** Before this the figures are not judged: the JIT, the pools and the caches fill up. */
  warmUpMs: number;
  /** The stretch right after the warm-up and the last one of the run, compared: the medians of their samples. */
  windowMs: number;
  /** How often each process reports (the probe), and how often memory is judged. */
  sampleEveryMs: number;
  /** Reminders falling due per minute (check_in_overdue timers: one e-mail each). */
  remindersPerMinute: number;
  /** Reactivation requests over HTTP per minute (one e-mail to the assignee each). */
  reactivationsPerMinute: number;
  /** Signed-in reads per second (the dashboard and the console's lists), taking turns over the api processes. */
  readsPerSecond: number;
  /** Memory may grow this much from after the warm-up to the end (runs of at least `judgedFromMinutes`). */
  maxGrowth: number;
  /** Shorter runs report the figures without judging the growth: a few minutes say nothing about a leak. */
  judgedFromMinutes: number;
  jsonOut: string | null;
}

const USAGE =
  'usage: npm run test:soak -- [--minutes N] [--smoke] [--reminders-per-minute N] ' +
  '[--reactivations-per-minute N] [--reads-per-second N] [--json-out FILE]';

const VALUED = [
  'minutes',
  'reminders-per-minute',
  'reactivations-per-minute',
  'reads-per-second',
  'json-out',
];

export function parseSoakOptions(argv: readonly string[]): SoakOptions {
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) throw new Error(`Unknown argument ${arg}\n${USAGE}`);
    const [name, inline] = arg.slice(2).split('=', 2);
    if (VALUED.includes(name)) {
      const value = inline ?? argv[++i];
      if (value === undefined) throw new Error(`--${name} needs a value\n${USAGE}`);
      flags.set(name, value);
    } else if (name === 'smoke') flags.set(name, true);
    else throw new Error(`Unknown option --${name}\n${USAGE}`);
  }
  const number = (name: string, fallback: number, min: number): number => {
    const value = flags.get(name);
    if (value === undefined) return fallback;
    const n = Number(value);
    if (!Number.isFinite(n) || n < min) throw new Error(`--${name} must be a number of at least ${min}`);
    return n;
  };
  const smoke = flags.has('smoke');
  const minutes = number('minutes', smoke ? 3 : 30, 1);
  if (!Number.isInteger(minutes)) throw new Error('--minutes must be a whole number');
  // A fifth of the run, between one and five minutes; the windows are a tenth, between 30 s and two minutes.
  const warmUpMs = Math.min(5, Math.max(1, minutes / 5)) * 60_000;
  const windowMs = Math.min(2, Math.max(0.5, minutes / 10)) * 60_000;
  if (warmUpMs + 2 * windowMs > minutes * 60_000)
    throw new Error(`--minutes ${minutes} leaves no room for a warm-up and two windows to compare`);
  const json = flags.get('json-out');
  return {
    minutes,
    smoke,
    warmUpMs,
    windowMs,
    sampleEveryMs: smoke ? 5_000 : 10_000,
    remindersPerMinute: Math.round(number('reminders-per-minute', 600, 0)),
    reactivationsPerMinute: Math.round(number('reactivations-per-minute', 60, 0)),
    readsPerSecond: number('reads-per-second', 5, 0),
    maxGrowth: 0.1,
    judgedFromMinutes: 10,
    jsonOut: typeof json === 'string' ? json : null,
  };
}
