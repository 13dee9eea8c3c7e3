import { chooseAssignee } from './reactivation-assignment.util';

describe('chooseAssignee', () => {
  const primary = { id: 'primary', active: true, absent: false };
  const backup = { id: 'backup', active: true, absent: false };

  it('gives the request to the primary caseworker when active and present', () => {
    expect(chooseAssignee(primary, backup)).toBe('primary');
    expect(chooseAssignee(primary, null)).toBe('primary');
  });

  it('passes it to the backup when the primary is absent or inactive', () => {
    expect(chooseAssignee({ ...primary, absent: true }, backup)).toBe('backup');
    expect(chooseAssignee({ ...primary, active: false }, backup)).toBe('backup');
  });

  it('leaves it in the pool when nobody can take it', () => {
    expect(chooseAssignee({ ...primary, absent: true }, null)).toBeNull();
    expect(chooseAssignee({ ...primary, absent: true }, { ...backup, absent: true })).toBeNull();
    expect(chooseAssignee({ ...primary, active: false }, { ...backup, active: false })).toBeNull();
  });
});
