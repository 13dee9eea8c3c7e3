import type { Routes } from '@angular/router';
import { STAFF_ROLES } from '@waakvlam/contracts';
import { authGuard } from './core/auth/auth.guard';
import { landingGuard } from './core/auth/landing.guard';
import { SIGN_IN_PATH } from './core/auth/auth-routes';
import { roleGuard } from './core/auth/role.guard';
import { signedOutGuard } from './core/auth/signed-out.guard';

/** Route `title`s are translation keys (see TranslatedTitleStrategy). */
export const APP_ROUTES: Routes = [
  {
    path: SIGN_IN_PATH,
    title: 'signIn.title',
    canActivate: [signedOutGuard],
    loadComponent: () => import('./features/sign-in/sign-in.component').then((m) => m.SignInComponent),
  },
  {
    // The client's self check-in link from the pre-notice e-mail: public, no sign-in, no staff navigation.
    path: 'check-in/:token',
    title: 'selfCheckIn.title',
    loadComponent: () =>
      import('./features/self-check-in/self-check-in.component').then((m) => m.SelfCheckInComponent),
  },
  {
    path: '',
    canActivate: [authGuard],
    children: [
      {
        path: '',
        pathMatch: 'full',
        title: 'home.title',
        canActivate: [landingGuard],
        loadComponent: () => import('./features/home/home.component').then((m) => m.HomeComponent),
      },
      {
        path: 'wijken',
        title: 'neighbourhoods.title',
        canActivate: [roleGuard(['coordinator', 'admin'])],
        loadComponent: () =>
          import('./features/dashboard/neighbourhoods.component').then((m) => m.NeighbourhoodsComponent),
      },
      {
        path: 'vandaag',
        title: 'today.title',
        canActivate: [roleGuard(['caseworker'])],
        loadComponent: () => import('./features/today/today.component').then((m) => m.TodayComponent),
      },
      {
        path: 'caseload',
        title: 'caseload.title',
        canActivate: [roleGuard(['caseworker'])],
        loadComponent: () =>
          import('./features/caseload/caseload.component').then((m) => m.CaseloadComponent),
      },
      {
        // "Wie heeft mijn gegevens bekeken": the client's printable access report (before the client routes).
        path: 'inwoners/:id/inzage',
        title: 'accessReport.title',
        canActivate: [roleGuard(['coordinator', 'admin', 'caseworker'])],
        loadComponent: () =>
          import('./features/audit/access-report.component').then((m) => m.AccessReportComponent),
      },
      {
        path: 'logboek',
        title: 'auditLog.title',
        canActivate: [roleGuard(['coordinator', 'admin'])],
        loadComponent: () => import('./features/audit/audit-log.component').then((m) => m.AuditLogComponent),
      },
      {
        path: 'inwoners',
        loadChildren: () => import('./features/clients/clients.routes').then((m) => m.CLIENT_ROUTES),
      },
      {
        // The dashboard's drill-down: every watch, filtered by the URL's query parameters.
        path: 'waakvlammen',
        title: 'watchList.title',
        canActivate: [roleGuard(['coordinator', 'admin'])],
        loadComponent: () =>
          import('./features/watch-list/watch-list.component').then((m) => m.WatchListComponent),
      },
      {
        // The dashboard's drill-down: check-ins due in a period and how they turned out.
        path: 'contactmomenten',
        title: 'checkInOverview.title',
        canActivate: [roleGuard(['coordinator', 'admin'])],
        loadComponent: () =>
          import('./features/check-in-overview/check-in-overview.component').then(
            (m) => m.CheckInOverviewComponent,
          ),
      },
      {
        path: 'heractiveringen',
        loadChildren: () =>
          import('./features/reactivations/reactivations.routes').then((m) => m.REACTIVATION_ROUTES),
      },
      {
        path: 'signalen',
        loadChildren: () => import('./features/signals/signals.routes').then((m) => m.SIGNAL_ROUTES),
      },
      {
        // The partner portal: a partner's own signals and their feedback.
        path: 'meldingen',
        loadChildren: () =>
          import('./features/partner-portal/partner-portal.routes').then((m) => m.PARTNER_PORTAL_ROUTES),
      },
      {
        path: 'afwezigheid',
        title: 'absences.ownTitle',
        canActivate: [roleGuard(STAFF_ROLES)],
        loadComponent: () =>
          import('./features/absences/absences.component').then((m) => m.AbsencesComponent),
      },
      {
        path: 'medewerkers',
        title: 'staff.title',
        canActivate: [roleGuard(['coordinator', 'admin'])],
        loadComponent: () =>
          import('./features/absences/staff-list.component').then((m) => m.StaffListComponent),
      },
      {
        path: 'medewerkers/:id',
        title: 'absences.title',
        canActivate: [roleGuard(['coordinator', 'admin'])],
        loadComponent: () =>
          import('./features/absences/absences.component').then((m) => m.AbsencesComponent),
      },
      {
        path: 'caseloadbalans',
        title: 'caseloadBalance.title',
        canActivate: [roleGuard(['coordinator', 'admin'])],
        loadComponent: () =>
          import('./features/caseload-balance/caseload-balance.component').then(
            (m) => m.CaseloadBalanceComponent,
          ),
      },
      {
        path: 'ketenpartners',
        title: 'partners.title',
        canActivate: [roleGuard(['admin'])],
        loadComponent: () =>
          import('./features/partner-organisations/partner-organisations.component').then(
            (m) => m.PartnerOrganisationsComponent,
          ),
      },
      {
        path: 'ketenpartners/:id',
        title: 'apiKeys.title',
        canActivate: [roleGuard(['admin'])],
        loadComponent: () =>
          import('./features/partner-organisations/partner-api-keys.component').then(
            (m) => m.PartnerApiKeysComponent,
          ),
      },
      {
        path: 'berichten',
        title: 'notifications.title',
        canActivate: [roleGuard(['coordinator', 'admin'])],
        loadComponent: () =>
          import('./features/notifications/notification-list.component').then(
            (m) => m.NotificationListComponent,
          ),
      },
      {
        path: 'wie-ben-ik',
        title: 'whoAmI.title',
        loadComponent: () => import('./features/who-am-i/who-am-i.component').then((m) => m.WhoAmIComponent),
      },
      {
        // Password change for everyone; two-factor authentication for admins and coordinators.
        path: 'beveiliging',
        title: 'security.title',
        loadComponent: () =>
          import('./features/two-factor/security.component').then((m) => m.SecurityComponent),
      },
      {
        path: 'instellingen',
        title: 'settings.title',
        canActivate: [roleGuard(['admin'])],
        loadComponent: () =>
          import('./features/settings/settings.component').then((m) => m.SettingsComponent),
      },
      {
        path: 'dev-mailbox',
        title: 'devMailbox.title',
        canActivate: [roleGuard(STAFF_ROLES)],
        loadComponent: () =>
          import('./features/dev-mailbox/dev-mailbox.component').then((m) => m.DevMailboxComponent),
      },
      {
        path: '**',
        title: 'notFound.title',
        loadComponent: () =>
          import('./features/not-found/not-found.component').then((m) => m.NotFoundComponent),
      },
    ],
  },
];
