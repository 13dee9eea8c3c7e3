import type { ReassignRole, ReassignSkip, WatchStatus } from '@waakvlam/contracts';

/** What a reassignment needs to know of one watch. */
export interface ReassignableWatch {
  id: string;
  status: WatchStatus;
  primaryCaseworkerId: string;
  backupCaseworkerId: string | null;
}

export interface PlannedReassignment {
  /** The watches that change, with the caseworker who had the role (null: no backup yet). */
  changes: Array<{ watch: ReassignableWatch; fromId: string | null }>;
  skipped: ReassignSkip[];
}

/**
 * Which of the requested watches change when `targetId` becomes their `role` caseworker, in the order asked.
 * Watches not in `found` (unknown, or another organisation's) are `not_found`; ended ones are left; she may not
 * already have the role, nor be the watch's other caseworker (a watch's primary and backup differ).
 */
export function planReassignment(
  watchIds: readonly string[],
  found: readonly ReassignableWatch[],
  targetId: string,
  role: ReassignRole,
): PlannedReassignment {
  const byId = new Map(found.map((w) => [w.id, w]));
  const plan: PlannedReassignment = { changes: [], skipped: [] };
  for (const watchId of watchIds) {
    const watch = byId.get(watchId);
    const current = watch && (role === 'primary' ? watch.primaryCaseworkerId : watch.backupCaseworkerId);
    const other = watch && (role === 'primary' ? watch.backupCaseworkerId : watch.primaryCaseworkerId);
    if (!watch) plan.skipped.push({ watchId, reason: 'not_found' });
    else if (watch.status === 'ended') plan.skipped.push({ watchId, reason: 'ended' });
    else if (current === targetId) plan.skipped.push({ watchId, reason: 'already_assigned' });
    else if (other === targetId) plan.skipped.push({ watchId, reason: 'is_other_caseworker' });
    else plan.changes.push({ watch, fromId: current ?? null });
  }
  return plan;
}
