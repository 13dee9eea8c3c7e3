import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { median } from '../../bench/scheduler/bench-report';

/** One line of a process's probe (test/soak/process-probe.cjs). */
export interface ProbeSample {
  t: number;
  pid: number;
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
  lagP50Ms: number;
  lagP99Ms: number;
  lagMaxMs: number;
}

/** Memory at one moment of the run: the median of the samples in a window, in MiB. */
export interface MemoryPoint {
  rssMiB: number;
  heapMiB: number;
}

/** One process's row. */
export interface ProcessFigures {
  name: string;
  samples: number;
  /** The first sample, before the load. */
  start: MemoryPoint;
  /** The window right after the warm-up, and the last window of the run. */
  afterWarmUp: MemoryPoint;
  end: MemoryPoint;
  /** end / afterWarmUp − 1. */
  rssGrowth: number;
  heapGrowth: number;
  /** Event-loop delay after the warm-up: the median of the windows' p99, the worst window's p99, the longest. */
  lagP99MedianMs: number;
  lagP99WorstMs: number;
  lagMaxMs: number;
}

const MiB = 1024 * 1024;
const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

/** Every sample the probes wrote for these process ids (a process that restarted has several), oldest first. */
export function readSamples(dir: string, pids: readonly number[]): ProbeSample[] {
  const samples: ProbeSample[] = [];
  for (const pid of pids) {
    const file = join(dir, `probe-${pid}.jsonl`);
    if (!existsSync(file)) continue;
    for (const line of readFileSync(file, 'utf8').split('\n'))
      if (line.trim() !== '') samples.push(JSON.parse(line) as ProbeSample);
  }
  return samples.sort((a, b) => a.t - b.t);
}

const point = (samples: readonly ProbeSample[]): MemoryPoint => ({
  rssMiB: round(median(samples.map((s) => s.rss)) / MiB),
  heapMiB: round(median(samples.map((s) => s.heapUsed)) / MiB),
});

/**
 * A process's figures: memory right after the warm-up (`loadFrom + warmUpMs`, one window) against the run's last
 * window, and the event-loop delay of every window after the warm-up. Null when a window has no sample.
 */
export function figuresOf(
  name: string,
  samples: readonly ProbeSample[],
  run: { loadFrom: number; loadUntil: number; warmUpMs: number; windowMs: number },
): ProcessFigures | null {
  const from = run.loadFrom + run.warmUpMs;
  const early = samples.filter((s) => s.t >= from && s.t < from + run.windowMs);
  const late = samples.filter((s) => s.t > run.loadUntil - run.windowMs && s.t <= run.loadUntil);
  const loaded = samples.filter((s) => s.t >= from && s.t <= run.loadUntil);
  if (samples.length === 0 || early.length === 0 || late.length === 0) return null;
  const afterWarmUp = point(early);
  const end = point(late);
  return {
    name,
    samples: samples.length,
    start: point(samples.slice(0, 1)),
    afterWarmUp,
    end,
    rssGrowth: round(end.rssMiB / afterWarmUp.rssMiB - 1, 3),
    heapGrowth: round(end.heapMiB / afterWarmUp.heapMiB - 1, 3),
    lagP99MedianMs: round(median(loaded.map((s) => s.lagP99Ms)), 2),
    lagP99WorstMs: round(Math.max(...loaded.map((s) => s.lagP99Ms)), 2),
    lagMaxMs: round(Math.max(...loaded.map((s) => s.lagMaxMs)), 2),
  };
}
