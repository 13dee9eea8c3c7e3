import { WATCH_ACTIONS, WATCH_STATUSES, type WatchAction, type WatchStatus } from '@waakvlam/contracts';
import { WATCH_TRANSITIONS, canTransition } from './watch-transitions.util';

describe('watch transitions', () => {
  const allowed: Record<WatchAction, WatchStatus[]> = {
    pause: ['active'],
    resume: ['paused'],
    end: ['active', 'paused', 'lapsed', 'reactivated'],
    reopen: ['ended'],
  };

  it.each(WATCH_ACTIONS.flatMap((a) => WATCH_STATUSES.map((s) => [a, s] as const)))(
    '%s from %s follows DESIGN §3',
    (action, status) => {
      expect(canTransition(status, action)).toBe(allowed[action].includes(status));
    },
  );

  it('leads each action to its status, event and check-in effect', () => {
    expect(WATCH_TRANSITIONS.pause).toMatchObject({ to: 'paused', event: 'paused', cancelsCheckIn: true });
    expect(WATCH_TRANSITIONS.resume).toMatchObject({ to: 'active', event: 'resumed', plansCheckIn: true });
    expect(WATCH_TRANSITIONS.end).toMatchObject({ to: 'ended', event: 'ended', cancelsCheckIn: true });
    expect(WATCH_TRANSITIONS.reopen).toMatchObject({ to: 'active', event: 'reopened', plansCheckIn: true });
    for (const t of Object.values(WATCH_TRANSITIONS)) expect(t.cancelsCheckIn && t.plansCheckIn).toBe(false);
  });
});
