import { readFileSync, readdirSync } from 'node:fs';
import os from 'node:os';

/** Clock ticks per second of /proc (USER_HZ; 100 on every Linux this runs on). */
const HZ = 100;

function cpuTimes(): { idle: number; total: number } | null {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    return { idle: fields[3] + (fields[4] ?? 0), total: fields.reduce((a, b) => a + b, 0) };
  } catch {
    return null;
  }
}

/** The share of the machine's CPU time that was idle over `ms` (Linux; null elsewhere). */
export async function cpuIdle(ms: number): Promise<number | null> {
  const before = cpuTimes();
  await new Promise((resolve) => setTimeout(resolve, ms));
  const after = cpuTimes();
  if (!before || !after || after.total === before.total) return null;
  return (after.idle - before.idle) / (after.total - before.total);
}

/** Waits until the machine is at least `idle` idle over 2 s, for at most `timeoutMs`; returns the last reading. */
export async function waitQuiet(
  idle: number,
  timeoutMs: number,
  onWait: (idle: number) => void,
): Promise<number | null> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const reading = await cpuIdle(2_000);
    if (reading === null || reading >= idle || Date.now() > until) return reading;
    onWait(reading);
  }
}

/** Where the machine's CPU time went during a phase, in CPU-seconds. */
export interface CpuAccount {
  wallSeconds: number;
  /** Cores × wall time. */
  capacitySeconds: number;
  /** Busy CPU time of the whole machine (/proc/stat). */
  busySeconds: number;
  /** The bench's node processes (this one and its worker processes). */
  bench: number;
  /** PostgreSQL backends connected to the bench's database. */
  postgresBench: number;
  /** Every other PostgreSQL process: other databases' backends, and the shared WAL writer, checkpointer … */
  postgresOther: number;
  /** The Redis server the bench uses (shared with other users of this Redis). */
  redis: number;
  /** Everything else that was busy: other people's work on the machine. */
  other: number;
}

type Label = 'bench' | 'postgresBench' | 'postgresOther' | 'redis' | 'unlisted';

interface Snapshot {
  at: number;
  machine: { idle: number; total: number } | null;
  processes: Map<number, { ticks: number; label: Label }>;
}

/** Per-process CPU accounting from /proc (Linux only; elsewhere every figure is 0). */
export class CpuMeter {
  constructor(
    private readonly benchPids: () => readonly number[],
    private readonly databaseName: string,
    private readonly redisPort: string,
  ) {}

  snapshot(): Snapshot {
    const processes = new Map<number, { ticks: number; label: Label }>();
    const bench = new Set(this.benchPids());
    let pids: string[] = [];
    try {
      pids = readdirSync('/proc').filter((p) => /^\d+$/.test(p));
    } catch {
      // not Linux
    }
    for (const p of pids) {
      const pid = Number(p);
      try {
        const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
        const close = stat.lastIndexOf(')');
        const comm = stat.slice(stat.indexOf('(') + 1, close);
        const fields = stat.slice(close + 2).split(' ');
        // utime and stime are fields 14 and 15 of /proc/<pid>/stat; `fields` starts at field 3.
        const ticks = Number(fields[11]) + Number(fields[12]);
        let label: Label = 'unlisted';
        if (bench.has(pid)) label = 'bench';
        else if (comm.startsWith('redis-server')) {
          // Other people's private Redis servers (tests) are other load.
          const cmdline = readFileSync(`/proc/${p}/cmdline`, 'utf8');
          if (cmdline.includes(`:${this.redisPort}`)) label = 'redis';
        } else if (comm === 'postgres') {
          const cmdline = readFileSync(`/proc/${p}/cmdline`, 'utf8');
          label = cmdline.includes(` ${this.databaseName} `) ? 'postgresBench' : 'postgresOther';
        }
        processes.set(pid, { ticks, label });
      } catch {
        // the process ended meanwhile
      }
    }
    return { at: performance.now(), machine: cpuTimes(), processes };
  }

  account(before: Snapshot, after: Snapshot): CpuAccount {
    const sums: Record<Label, number> = {
      bench: 0,
      postgresBench: 0,
      postgresOther: 0,
      redis: 0,
      unlisted: 0,
    };
    for (const [pid, now] of after.processes) {
      const then = before.processes.get(pid);
      sums[now.label] += (now.ticks - (then?.ticks ?? 0)) / HZ;
    }
    const wallSeconds = (after.at - before.at) / 1000;
    const busySeconds =
      before.machine && after.machine
        ? (after.machine.total - before.machine.total - (after.machine.idle - before.machine.idle)) / HZ
        : 0;
    const known = sums.bench + sums.postgresBench + sums.postgresOther + sums.redis;
    const round = (n: number) => Math.round(n * 10) / 10;
    return {
      wallSeconds: round(wallSeconds),
      capacitySeconds: round(wallSeconds * os.cpus().length),
      busySeconds: round(busySeconds),
      bench: round(sums.bench),
      postgresBench: round(sums.postgresBench),
      postgresOther: round(sums.postgresOther),
      redis: round(sums.redis),
      // Processes that ended during the phase are not in the snapshot: count them from the machine's total.
      other: round(Math.max(sums.unlisted, busySeconds - known)),
    };
  }
}

/** One line: where the CPU went. */
export function describeCpu(a: CpuAccount): string {
  const pct = (n: number) => `${Math.round((n / Math.max(0.1, a.capacitySeconds)) * 100)} %`;
  return (
    `bench processes ${pct(a.bench)}, PostgreSQL (bench) ${pct(a.postgresBench)}, ` +
    `PostgreSQL (other) ${pct(a.postgresOther)}, Redis ${pct(a.redis)}, other ${pct(a.other)}, ` +
    `idle ${pct(Math.max(0, a.capacitySeconds - a.busySeconds))}`
  );
}
