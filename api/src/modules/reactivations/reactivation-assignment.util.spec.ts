import { CapacityLedger, chooseAssignee } from './reactivation-assignment.util';

describe('chooseAssignee', () => {
  const primary = { id: 'primary', active: true, absent: false, atCapacity: false };
  const backup = { id: 'backup', active: true, absent: false, atCapacity: false };

  it('gives the request to the primary caseworker when active and present', () => {
    expect(chooseAssignee(primary, backup)).toBe('primary');
    expect(chooseAssignee(primary, null)).toBe('primary');
  });

  it('passes it to the backup when the primary is absent, inactive or at capacity', () => {
    expect(chooseAssignee({ ...primary, absent: true }, backup)).toBe('backup');
    expect(chooseAssignee({ ...primary, active: false }, backup)).toBe('backup');
    expect(chooseAssignee({ ...primary, atCapacity: true }, backup)).toBe('backup');
  });

  it('leaves it in the pool when nobody can take it', () => {
    expect(chooseAssignee({ ...primary, absent: true }, null)).toBeNull();
    expect(chooseAssignee({ ...primary, absent: true }, { ...backup, absent: true })).toBeNull();
    expect(chooseAssignee({ ...primary, active: false }, { ...backup, active: false })).toBeNull();
    expect(chooseAssignee({ ...primary, atCapacity: true }, { ...backup, atCapacity: true })).toBeNull();
    expect(chooseAssignee({ ...primary, atCapacity: true }, null)).toBeNull();
    expect(chooseAssignee({ ...primary, atCapacity: true }, { ...backup, absent: true })).toBeNull();
  });
});

describe('CapacityLedger', () => {
  it('is full once the open requests reach the capacity, counting the ones it hands out', () => {
    const ledger = new CapacityLedger(
      new Map([
        ['anna', { capacity: 2, open: 1 }],
        ['bert', { capacity: 0, open: 0 }],
        ['cor', { capacity: null, open: 40 }],
      ]),
    );
    expect(ledger.full('anna')).toBe(false);
    ledger.take('anna');
    expect(ledger.full('anna')).toBe(true);
    expect(ledger.full('bert')).toBe(true);
    expect(ledger.full('cor')).toBe(false);
    // Without a load: no limit.
    expect(ledger.full('dina')).toBe(false);
    ledger.take('dina');
    ledger.take(null);
    expect(ledger.full('dina')).toBe(false);
  });

  it('does not change the loads it was given', () => {
    const loads = new Map([['anna', { capacity: 1, open: 0 }]]);
    new CapacityLedger(loads).take('anna');
    expect(loads.get('anna')).toEqual({ capacity: 1, open: 0 });
  });
});
