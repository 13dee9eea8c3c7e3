import type { ReactivationStatus, WatchStatus } from '@waakvlam/contracts';

export type ReactivationAction = 'accept' | 'contacted' | 'resolve' | 'cancel';

export interface ReactivationTransition {
  /** The statuses the action is allowed from. */
  from: readonly ReactivationStatus[];
  to: ReactivationStatus;
}

/** DESIGN §3: open → accepted → contacted → resolved; cancelled from any open status. */
export const REACTIVATION_TRANSITIONS: { readonly [A in ReactivationAction]: ReactivationTransition } = {
  accept: { from: ['open'], to: 'accepted' },
  contacted: { from: ['accepted'], to: 'contacted' },
  resolve: { from: ['contacted'], to: 'resolved' },
  cancel: { from: ['open', 'accepted', 'contacted'], to: 'cancelled' },
};

/**
 * What a request does to its watch (DESIGN §3, watch lifecycle): accepting restarts support, `lapsed` (or an active
 * or paused watch) → `reactivated`, with the `reactivated` event; a watch already reactivated stays so. Resolving
 * with `back_to_watch` steps it down, `reactivated` → `active` with a fresh check-in plan and the `stepped_down`
 * event. An ended watch takes neither (reopen it first).
 */
export const WATCH_REACTIVATE_FROM: readonly WatchStatus[] = ['active', 'paused', 'lapsed'];
export const WATCH_STEP_DOWN_FROM: readonly WatchStatus[] = ['reactivated'];

export function canTransitionRequest(status: ReactivationStatus, action: ReactivationAction): boolean {
  return REACTIVATION_TRANSITIONS[action].from.includes(status);
}
