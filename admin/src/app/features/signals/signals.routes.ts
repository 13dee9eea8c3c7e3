import type { Routes } from '@angular/router';
import type { UserRole } from '@waakvlam/contracts';
import { roleGuard } from '../../core/auth/role.guard';

/** Who triages signals. */
export const SIGNAL_TRIAGE_ROLES: readonly UserRole[] = ['admin', 'coordinator'];

/** `/signalen/…` (coordinators, admins), loaded on first use. Route `title`s are translation keys. */
export const SIGNAL_ROUTES: Routes = [
  {
    path: '',
    pathMatch: 'full',
    title: 'signals.title',
    canActivate: [roleGuard(SIGNAL_TRIAGE_ROLES)],
    loadComponent: () => import('./signal-list.component').then((m) => m.SignalListComponent),
  },
  {
    path: ':id',
    title: 'signal.title',
    canActivate: [roleGuard(SIGNAL_TRIAGE_ROLES)],
    loadComponent: () => import('./signal-detail.component').then((m) => m.SignalDetailComponent),
  },
];
