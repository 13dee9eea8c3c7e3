import { REACTIVATION_STATUSES, type ReactivationStatus } from '@waakvlam/contracts';
import { type ReactivationAction, canTransitionRequest } from './reactivation-transitions.util';

describe('reactivation request transitions', () => {
  const allowed: Record<ReactivationAction, ReactivationStatus[]> = {
    accept: ['open'],
    contacted: ['accepted'],
    resolve: ['contacted'],
    cancel: ['open', 'accepted', 'contacted'],
  };

  it.each(
    (Object.keys(allowed) as ReactivationAction[]).flatMap((a) =>
      REACTIVATION_STATUSES.map((s) => [a, s] as const),
    ),
  )('%s from %s', (action, status) => {
    expect(canTransitionRequest(status, action)).toBe(allowed[action].includes(status));
  });
});
