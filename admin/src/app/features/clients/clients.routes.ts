import type { Routes } from '@angular/router';
import type { UserRole } from '@waakvlam/contracts';
import { roleGuard } from '../../core/auth/role.guard';

/** Who may create and change clients and watches. */
export const MANAGER_ROLES: readonly UserRole[] = ['admin', 'coordinator'];
/** Who may open a client page: managers and caseworkers (the API limits caseworkers to their own). */
export const CLIENT_READER_ROLES: readonly UserRole[] = ['admin', 'coordinator', 'caseworker'];

/** `/inwoners/…`, loaded on first use. Route `title`s are translation keys. */
export const CLIENT_ROUTES: Routes = [
  {
    path: '',
    pathMatch: 'full',
    title: 'clients.list.title',
    canActivate: [roleGuard(MANAGER_ROLES)],
    loadComponent: () => import('./client-list.component').then((m) => m.ClientListComponent),
  },
  {
    path: 'nieuw',
    title: 'clients.form.newTitle',
    canActivate: [roleGuard(MANAGER_ROLES)],
    loadComponent: () => import('./client-form.component').then((m) => m.ClientFormComponent),
  },
  {
    path: ':id',
    title: 'clients.detail.title',
    canActivate: [roleGuard(CLIENT_READER_ROLES)],
    loadComponent: () => import('./client-detail.component').then((m) => m.ClientDetailComponent),
  },
  {
    // Everything stored about the client (AVG art. 15), printable; fetching it is audited as an export.
    path: ':id/gegevens',
    title: 'privacy.export.title',
    canActivate: [roleGuard(MANAGER_ROLES)],
    loadComponent: () =>
      import('../privacy/client-data-export.component').then((m) => m.ClientDataExportComponent),
  },
  {
    path: ':id/bewerken',
    title: 'clients.form.editTitle',
    canActivate: [roleGuard(MANAGER_ROLES)],
    loadComponent: () => import('./client-form.component').then((m) => m.ClientFormComponent),
  },
  {
    path: ':id/waakvlam/nieuw',
    title: 'watchForm.newTitle',
    canActivate: [roleGuard(MANAGER_ROLES)],
    data: { mode: 'create' },
    loadComponent: () => import('../watches/watch-form.component').then((m) => m.WatchFormComponent),
  },
  {
    path: ':id/waakvlam/bewerken',
    title: 'watchForm.editTitle',
    canActivate: [roleGuard(MANAGER_ROLES)],
    data: { mode: 'edit' },
    loadComponent: () => import('../watches/watch-form.component').then((m) => m.WatchFormComponent),
  },
];
