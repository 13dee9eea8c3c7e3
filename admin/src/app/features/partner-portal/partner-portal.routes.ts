import type { Routes } from '@angular/router';
import { roleGuard } from '../../core/auth/role.guard';

/** `/meldingen/…`: the partner portal (partners only), loaded on first use. Route `title`s are translation keys. */
export const PARTNER_PORTAL_ROUTES: Routes = [
  {
    path: '',
    pathMatch: 'full',
    title: 'partnerPortal.list.title',
    canActivate: [roleGuard(['partner'])],
    loadComponent: () => import('./partner-signal-list.component').then((m) => m.PartnerSignalListComponent),
  },
  {
    path: 'nieuw',
    title: 'partnerPortal.form.title',
    canActivate: [roleGuard(['partner'])],
    loadComponent: () => import('./partner-signal-form.component').then((m) => m.PartnerSignalFormComponent),
  },
  {
    path: ':id',
    title: 'partnerPortal.detail.title',
    canActivate: [roleGuard(['partner'])],
    loadComponent: () =>
      import('./partner-signal-detail.component').then((m) => m.PartnerSignalDetailComponent),
  },
];
