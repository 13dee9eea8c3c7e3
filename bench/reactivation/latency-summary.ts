import { median, percentile } from '../scheduler/bench-report';

/** Percentiles of one latency, in ms. */
export interface LatencySummary {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

const round = (ms: number) => Math.round(ms * 10) / 10;

export function summarise(values: readonly number[]): LatencySummary {
  if (values.length === 0) return { count: 0, p50: NaN, p95: NaN, p99: NaN, max: NaN, mean: NaN };
  return {
    count: values.length,
    p50: round(median(values)),
    p95: round(percentile(values, 95)),
    p99: round(percentile(values, 99)),
    max: round(Math.max(...values)),
    mean: round(values.reduce((a, b) => a + b, 0) / values.length),
  };
}

/** "p50 12.3 / p95 45.6 / p99 78.9 ms" (seconds from 10 s up). */
export function describeLatency(s: LatencySummary): string {
  if (s.count === 0) return 'no samples';
  const f = (ms: number) => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(1)} ms`);
  return `p50 ${f(s.p50)} / p95 ${f(s.p95)} / p99 ${f(s.p99)} (max ${f(s.max)}, n ${s.count})`;
}

/**
 * Of the samples at or above the p99 of `key`, the median of each part: which part makes the slow tail slow.
 * Returns an empty object when there are no samples.
 */
export function tailParts<T>(
  samples: readonly T[],
  key: (sample: T) => number,
  parts: Record<string, (sample: T) => number>,
): Record<string, number> {
  if (samples.length === 0) return {};
  const threshold = percentile(samples.map(key), 99);
  const tail = samples.filter((s) => key(s) >= threshold);
  return Object.fromEntries(
    Object.entries(parts).map(([name, part]) => [name, round(median(tail.map(part)))]),
  );
}
