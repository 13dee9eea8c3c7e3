import { planReassignment, type ReassignableWatch } from './watch-reassignment.util';

describe('planReassignment', () => {
  const anna = '00000000-0000-4000-8000-00000000000a';
  const bram = '00000000-0000-4000-8000-00000000000b';
  const cees = '00000000-0000-4000-8000-00000000000c';
  const watch = (id: string, extra: Partial<ReassignableWatch> = {}): ReassignableWatch => ({
    id,
    status: 'active',
    primaryCaseworkerId: anna,
    backupCaseworkerId: bram,
    ...extra,
  });

  it('changes the primary of open watches and names who had the role, in the order asked', () => {
    const plan = planReassignment(
      ['w2', 'w1'],
      [watch('w1'), watch('w2', { status: 'lapsed', primaryCaseworkerId: bram, backupCaseworkerId: null })],
      cees,
      'primary',
    );
    expect(plan.changes.map((c) => [c.watch.id, c.fromId])).toEqual([
      ['w2', bram],
      ['w1', anna],
    ]);
    expect(plan.skipped).toEqual([]);
  });

  it('gives a watch without backup its first backup (from is null)', () => {
    const plan = planReassignment(['w1'], [watch('w1', { backupCaseworkerId: null })], cees, 'backup');
    expect(plan.changes.map((c) => [c.watch.id, c.fromId])).toEqual([['w1', null]]);
  });

  it('skips unknown, ended, already assigned and the other caseworker of the watch, each with its reason', () => {
    const plan = planReassignment(
      ['gone', 'ended', 'mine', 'other', 'ok'],
      [
        watch('ended', { status: 'ended' }),
        watch('mine', { primaryCaseworkerId: cees }),
        watch('other', { backupCaseworkerId: cees }),
        watch('ok'),
      ],
      cees,
      'primary',
    );
    expect(plan.skipped).toEqual([
      { watchId: 'gone', reason: 'not_found' },
      { watchId: 'ended', reason: 'ended' },
      { watchId: 'mine', reason: 'already_assigned' },
      { watchId: 'other', reason: 'is_other_caseworker' },
    ]);
    expect(plan.changes.map((c) => c.watch.id)).toEqual(['ok']);
  });

  it('as backup: her own backup watches are already assigned, her primary ones the other caseworker', () => {
    const plan = planReassignment(['a', 'b'], [watch('a'), watch('b')], bram, 'backup');
    expect(plan.skipped.map((s) => s.reason)).toEqual(['already_assigned', 'already_assigned']);
    const asPrimary = planReassignment(['a'], [watch('a')], anna, 'backup');
    expect(asPrimary.skipped).toEqual([{ watchId: 'a', reason: 'is_other_caseworker' }]);
  });
});
