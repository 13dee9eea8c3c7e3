import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  MAX_PAGE_SIZE,
  USERS_PATH,
  userPath,
  type Page,
  type UpdateUserRequest,
  type UserSummary,
} from '@waakvlam/contracts';
import { firstValueFrom } from 'rxjs';

/** Path of the user list (coordinators and admins only). */
export { USERS_PATH };

/** One account as `GET /api/users` lists it. */
export type StaffUser = UserSummary;

@Injectable({ providedIn: 'root' })
export class UsersService {
  private readonly http = inject(HttpClient);

  /** Every account of the organisation (at most 100), by name. */
  async all(): Promise<StaffUser[]> {
    const params = new HttpParams().set('pageSize', MAX_PAGE_SIZE);
    const page = await firstValueFrom(this.http.get<Page<StaffUser>>(USERS_PATH, { params }));
    return [...page.items].sort((a, b) => a.displayName.localeCompare(b.displayName));
  }

  /** Active caseworkers and coordinators: who can be given a reactivation request. By name. */
  async assignable(): Promise<StaffUser[]> {
    return (await this.all()).filter(
      (user) => user.active && (user.role === 'caseworker' || user.role === 'coordinator'),
    );
  }

  get(id: string): Promise<StaffUser> {
    return firstValueFrom(this.http.get<StaffUser>(userPath(encodeURIComponent(id))));
  }

  /** Active caseworkers, by name. */
  async caseworkers(): Promise<StaffUser[]> {
    const params = new HttpParams().set('role', 'caseworker').set('pageSize', MAX_PAGE_SIZE);
    const page = await firstValueFrom(this.http.get<Page<StaffUser>>(USERS_PATH, { params }));
    return page.items
      .filter((user) => user.active)
      .sort((a, b) => a.displayName.localeCompare(b.displayName));
  }

  /** Changes a staff account (coordinators, admins): its reactivation capacity (null: no limit). */
  update(id: string, request: UpdateUserRequest): Promise<StaffUser> {
    return firstValueFrom(this.http.patch<StaffUser>(userPath(encodeURIComponent(id)), request));
  }
}
