/** What an outcome means for the cadence; only these two move it. */
export type CadenceSignal = 'well' | 'concern' | 'other';

export interface CadenceChange {
  intervalDays: number;
  reason: 'three_consecutive_well' | 'concern';
}

/** How many consecutive `well` signals, newest first, make the interval grow. */
export const WELL_STREAK_TO_GROW = 3;

/**
 * Adaptive cadence: after 3 consecutive `well` the interval grows by half (rounded) up to `max`; a `concern`
 * halves it (rounded) down to `min`. `recent` is newest first. Null when the interval stays as it is.
 *
 * Only the newest signal triggers a change:
 * - newest is `concern`: the interval becomes `Math.round(intervalDays / 2)`, but not below `min`;
 * - the 3 newest are all `well`: it becomes `Math.round(intervalDays * 1.5)`, but not above `max`;
 * - anything else (newest is `other`, or fewer than 3 `well` in a row — an `other` breaks the streak): null.
 * The result is null, too, when the bound leaves nothing to change (already at `min` on a concern, at `max` after
 * three `well`). A returned interval always lies within [min, max], a concern never lengthens the interval and
 * three `well` never shorten it, even if `intervalDays` was outside the bounds (e.g. after the bounds changed).
 *
 * **Caller contract:** pass in `recent` only the signals recorded *since the interval last changed* (since the
 * watch started, if it never changed). The function keeps no state, so this is what makes every growth need
 * 3 *new* consecutive `well`: right after a growth the list is empty, and the 4th and 5th `well` of a longer
 * streak do not grow it again; the 6th does (3 new ones). Passing the whole history instead would grow the
 * interval on every `well` after the third. When null is returned nothing changed, so the list keeps growing;
 * at `max` a long `well` streak therefore grows the interval on the next `well` once `max` is raised.
 *
 * @throws RangeError unless `intervalDays`, `min` and `max` are integers ≥ 1 with `min` ≤ `max`.
 */
export function adaptInterval(
  intervalDays: number,
  bounds: { min: number; max: number },
  recent: readonly CadenceSignal[],
): CadenceChange | null {
  const { min, max } = bounds;
  for (const [name, value] of [
    ['intervalDays', intervalDays],
    ['min', min],
    ['max', max],
  ] as const) {
    if (!Number.isSafeInteger(value) || value < 1) {
      throw new RangeError(`Invalid ${name} ${String(value)}: expected an integer >= 1`);
    }
  }
  if (min > max) throw new RangeError(`Invalid bounds: min ${min} is greater than max ${max}`);

  const clamp = (days: number): number => Math.min(max, Math.max(min, days));

  if (recent[0] === 'concern') {
    const shorter = clamp(Math.round(intervalDays / 2));
    return shorter < intervalDays ? { intervalDays: shorter, reason: 'concern' } : null;
  }

  const streak = recent.slice(0, WELL_STREAK_TO_GROW);
  if (streak.length === WELL_STREAK_TO_GROW && streak.every((signal) => signal === 'well')) {
    const longer = clamp(Math.round(intervalDays * 1.5));
    return longer > intervalDays ? { intervalDays: longer, reason: 'three_consecutive_well' } : null;
  }

  return null;
}
