/** What an outcome means for the cadence; only these two move it. */
export type CadenceSignal = 'well' | 'concern' | 'other';

export interface CadenceChange {
  intervalDays: number;
  reason: 'three_consecutive_well' | 'concern';
}

/**
 * Adaptive cadence: after 3 consecutive `well` the interval grows by half (rounded) up to `max`; a `concern`
 * halves it (rounded) down to `min`. `recent` is newest first. Null when the interval stays as it is.
 */
export function adaptInterval(
  _intervalDays: number,
  _bounds: { min: number; max: number },
  _recent: readonly CadenceSignal[],
): CadenceChange | null {
  throw new Error('not implemented yet');
}
