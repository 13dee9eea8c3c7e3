import type { UserRole } from './roles';

/** The most open reactivation requests a capacity can allow (`reactivationCapacity`, 0–500). */
export const MAX_REACTIVATION_CAPACITY = 500;

/** One account as `GET /api/users` and `GET /api/users/{id}` show it (coordinators, admins). */
export interface UserSummary {
  id: string;
  email: string;
  displayName: string;
  role: UserRole;
  partnerOrganisationId: string | null;
  active: boolean;
  /**
   * At most this many open reactivation requests (open, accepted, contacted) assigned at once; assignment passes
   * over a caseworker at capacity as over an absent one. Null: no limit.
   */
  reactivationCapacity: number | null;
}

/** `PATCH /api/users/{id}` (coordinators, admins, staff accounts only): only the fields sent change. */
export interface UpdateUserRequest {
  /** 0–500; null: no limit. */
  reactivationCapacity?: number | null;
}

/** `GET ?role=&page=&pageSize=` → Page<UserSummary>. */
export const USERS_PATH = '/api/users';
/** `GET` → UserSummary; `PATCH` UpdateUserRequest → UserSummary. */
export const userPath = (id: string): string => `/api/users/${id}`;
