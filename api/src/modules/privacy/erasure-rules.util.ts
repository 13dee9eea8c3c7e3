import type { ErasureRefusal, WatchStatus } from '@waakvlam/contracts';
import { DateTime } from 'luxon';

/** What the erasure rules look at, for one client. */
export interface ErasureFacts {
  anonymisedAt: Date | null;
  /** Last change of the client record: the start of the retention period of a client who never had a watch. */
  updatedAt: Date;
  watches: ReadonlyArray<{ status: WatchStatus; endedAt: Date | null; reopenPeriodMonths: number }>;
  /** Reactivation requests that are open, accepted or contacted. */
  openReactivations: number;
  /** Partner signals about the client that are received or triaged, not handled. */
  openSignals: number;
  /** Years after a watch's end that the organisation keeps the care file (0: Waakvlam holds no care file). */
  careFileRetentionYears: number;
}

/** The retention job's period: months after the last watch ended (or the last change, without watches). */
export interface RetentionPolicy {
  retentionMonths: number;
}

const plusMonths = (at: Date, months: number): Date =>
  DateTime.fromJSDate(at, { zone: 'utc' }).plus({ months }).toJSDate();

/** The end of the client's most recently ended watch; null when none ended. */
function lastEnd(facts: ErasureFacts): Date | null {
  let last: Date | null = null;
  for (const watch of facts.watches)
    if (watch.endedAt && (!last || watch.endedAt > last)) last = watch.endedAt;
  return last;
}

/**
 * Why the client's data cannot be erased at `now` (AVG art. 17(3)); empty: it can. The care relationship must be
 * over (no watch active, paused, lapsed or reactivated; no open reactivation request; no signal waiting to be
 * handled), and the organisation's care-file retention, counted from the end of the last watch, must have passed.
 */
export function erasureRefusals(facts: ErasureFacts, now: Date): ErasureRefusal[] {
  if (facts.anonymisedAt) return [{ code: 'already_anonymised' }];
  const refusals: ErasureRefusal[] = [];
  if (facts.watches.some((w) => w.status !== 'ended')) refusals.push({ code: 'care_ongoing' });
  if (facts.openReactivations > 0) refusals.push({ code: 'reactivation_open' });
  if (facts.openSignals > 0) refusals.push({ code: 'signal_open' });
  const ended = lastEnd(facts);
  if (ended && facts.careFileRetentionYears > 0) {
    const retainUntil = plusMonths(ended, 12 * facts.careFileRetentionYears);
    if (now < retainUntil)
      refusals.push({ code: 'retention_period', retainUntil: retainUntil.toISOString() });
  }
  return refusals;
}

/**
 * When the retention job anonymises the client: the latest of, per ended watch, its end plus the longest of the
 * retention period, the watch's reopen period (it can be reopened without intake until then) and the care-file
 * retention; without any watch, the last change of the record plus the retention period. Null while the care
 * relationship goes on (the moment is not known yet).
 */
export function retentionDueAt(facts: ErasureFacts, policy: RetentionPolicy): Date | null {
  if (facts.watches.some((w) => w.status !== 'ended' || !w.endedAt)) return null;
  if (facts.openReactivations > 0 || facts.openSignals > 0) return null;
  if (facts.watches.length === 0) return plusMonths(facts.updatedAt, policy.retentionMonths);
  let due: Date | null = null;
  for (const watch of facts.watches) {
    const months = Math.max(
      policy.retentionMonths,
      watch.reopenPeriodMonths,
      12 * facts.careFileRetentionYears,
    );
    const at = plusMonths(watch.endedAt as Date, months);
    if (!due || at > due) due = at;
  }
  return due;
}

/** True when the retention job may anonymise the client at `now`. */
export function retentionDue(facts: ErasureFacts, policy: RetentionPolicy, now: Date): boolean {
  if (facts.anonymisedAt) return false;
  const due = retentionDueAt(facts, policy);
  return due !== null && due <= now;
}
