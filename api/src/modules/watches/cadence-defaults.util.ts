import { CADENCE_LIMITS } from '@waakvlam/contracts';

/** Default bounds of an interval: half of it (at least 7) to twice it (at most 90). */
export function defaultCadenceBounds(intervalDays: number): { min: number; max: number } {
  return {
    min: Math.max(CADENCE_LIMITS.minDays, Math.round(intervalDays / 2)),
    max: Math.min(CADENCE_LIMITS.maxDays, intervalDays * 2),
  };
}
