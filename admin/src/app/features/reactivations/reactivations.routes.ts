import type { Routes } from '@angular/router';
import type { UserRole } from '@waakvlam/contracts';
import { roleGuard } from '../../core/auth/role.guard';

/** Who works with reactivation requests (the API limits caseworkers to theirs). */
export const REACTIVATION_ROLES: readonly UserRole[] = ['admin', 'coordinator', 'caseworker'];

/** `/heractiveringen/…`, loaded on first use. Route `title`s are translation keys. */
export const REACTIVATION_ROUTES: Routes = [
  {
    path: '',
    pathMatch: 'full',
    title: 'reactivations.title',
    canActivate: [roleGuard(REACTIVATION_ROLES)],
    loadComponent: () => import('./reactivation-list.component').then((m) => m.ReactivationListComponent),
  },
  {
    path: ':id',
    title: 'reactivation.title',
    canActivate: [roleGuard(REACTIVATION_ROLES)],
    loadComponent: () => import('./reactivation-detail.component').then((m) => m.ReactivationDetailComponent),
  },
];
