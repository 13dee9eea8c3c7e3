import { signal, type Signal } from '@angular/core';
import type { StaffUser, UsersService } from '../users/users.service';

/** The organisation's active caseworkers (for a caseworker filter), loaded once; empty when they cannot be. */
export function activeCaseworkers(users: UsersService): Signal<StaffUser[]> {
  const caseworkers = signal<StaffUser[]>([]);
  users
    .assignable()
    .then((staff) => caseworkers.set(staff.filter((user) => user.role === 'caseworker')))
    .catch(() => caseworkers.set([]));
  return caseworkers.asReadonly();
}
