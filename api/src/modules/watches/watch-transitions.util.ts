import type { WatchAction, WatchEventType, WatchStatus } from '@waakvlam/contracts';

export interface WatchTransition {
  /** The statuses the action is allowed from. */
  from: readonly WatchStatus[];
  to: WatchStatus;
  event: WatchEventType;
  /** Cancel the planned check-in. */
  cancelsCheckIn: boolean;
  /** Plan a check-in from today. */
  plansCheckIn: boolean;
}

/** DESIGN §3: active ⇄ paused; any open status → ended; ended → active within the reopen period. */
export const WATCH_TRANSITIONS: { readonly [A in WatchAction]: WatchTransition } = {
  pause: { from: ['active'], to: 'paused', event: 'paused', cancelsCheckIn: true, plansCheckIn: false },
  resume: { from: ['paused'], to: 'active', event: 'resumed', cancelsCheckIn: false, plansCheckIn: true },
  end: {
    from: ['active', 'paused', 'lapsed', 'reactivated'],
    to: 'ended',
    event: 'ended',
    cancelsCheckIn: true,
    plansCheckIn: false,
  },
  reopen: { from: ['ended'], to: 'active', event: 'reopened', cancelsCheckIn: false, plansCheckIn: true },
};

export function canTransition(status: WatchStatus, action: WatchAction): boolean {
  return WATCH_TRANSITIONS[action].from.includes(status);
}
