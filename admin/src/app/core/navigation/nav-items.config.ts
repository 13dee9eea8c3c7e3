import type { UserRole } from '@waakvlam/contracts';

/** Something the API must have switched on before a nav item is shown. */
export type NavFeature = 'devMailbox';

export interface NavItem {
  /** Router path, absolute. */
  readonly path: string;
  /** Translation key of the link text. */
  readonly labelKey: string;
  /** Only shown when this feature is on. */
  readonly requires?: NavFeature;
  /** A page the API serves itself (not a console route): the link loads it in full. */
  readonly external?: boolean;
}

/** Every item once; a role's menu picks from these. Add new features here and in `NAV_BY_ROLE`. */
export const NAV_ITEMS = {
  /** The start page; for coordinators and admins it is the dashboard. */
  dashboard: { path: '/', labelKey: 'app.nav.dashboard' },
  today: { path: '/vandaag', labelKey: 'app.nav.today' },
  caseload: { path: '/caseload', labelKey: 'app.nav.caseload' },
  clients: { path: '/inwoners', labelKey: 'app.nav.clients' },
  watchList: { path: '/waakvlammen', labelKey: 'app.nav.watchList' },
  checkInOverview: { path: '/contactmomenten', labelKey: 'app.nav.checkInOverview' },
  reactivations: { path: '/heractiveringen', labelKey: 'app.nav.reactivations' },
  signals: { path: '/signalen', labelKey: 'app.nav.signals' },
  staff: { path: '/medewerkers', labelKey: 'app.nav.staff' },
  caseloadBalance: { path: '/caseloadbalans', labelKey: 'app.nav.caseloadBalance' },
  partners: { path: '/ketenpartners', labelKey: 'app.nav.partners' },
  absence: { path: '/afwezigheid', labelKey: 'app.nav.absence' },
  partnerSignals: { path: '/meldingen', labelKey: 'app.nav.partnerSignals' },
  notifications: { path: '/berichten', labelKey: 'app.nav.notifications' },
  auditLog: { path: '/logboek', labelKey: 'app.nav.auditLog' },
  whoAmI: { path: '/wie-ben-ik', labelKey: 'app.nav.whoAmI' },
  security: { path: '/beveiliging', labelKey: 'app.nav.security' },
  settings: { path: '/instellingen', labelKey: 'app.nav.settings' },
  devMailbox: { path: '/dev-mailbox', labelKey: 'app.nav.devMailbox', requires: 'devMailbox' },
  queueBoard: { path: '/api/admin/queues', labelKey: 'queueBoard.nav', external: true },
} as const satisfies Record<string, NavItem>;

/** The main navigation per role, in display order. */
export const NAV_BY_ROLE: Readonly<Record<UserRole, readonly NavItem[]>> = {
  admin: [
    NAV_ITEMS.dashboard,
    NAV_ITEMS.clients,
    NAV_ITEMS.watchList,
    NAV_ITEMS.checkInOverview,
    NAV_ITEMS.reactivations,
    NAV_ITEMS.signals,
    NAV_ITEMS.staff,
    NAV_ITEMS.caseloadBalance,
    NAV_ITEMS.partners,
    NAV_ITEMS.notifications,
    NAV_ITEMS.auditLog,
    NAV_ITEMS.whoAmI,
    NAV_ITEMS.security,
    NAV_ITEMS.settings,
    NAV_ITEMS.queueBoard,
    NAV_ITEMS.devMailbox,
  ],
  coordinator: [
    NAV_ITEMS.dashboard,
    NAV_ITEMS.clients,
    NAV_ITEMS.watchList,
    NAV_ITEMS.checkInOverview,
    NAV_ITEMS.reactivations,
    NAV_ITEMS.signals,
    NAV_ITEMS.staff,
    NAV_ITEMS.caseloadBalance,
    NAV_ITEMS.notifications,
    NAV_ITEMS.auditLog,
    NAV_ITEMS.whoAmI,
    NAV_ITEMS.security,
    NAV_ITEMS.devMailbox,
  ],
  caseworker: [
    NAV_ITEMS.today,
    NAV_ITEMS.caseload,
    NAV_ITEMS.reactivations,
    NAV_ITEMS.absence,
    NAV_ITEMS.whoAmI,
    NAV_ITEMS.security,
    NAV_ITEMS.devMailbox,
  ],
  // Partners see their own signals and nothing else of the console.
  partner: [NAV_ITEMS.partnerSignals, NAV_ITEMS.whoAmI, NAV_ITEMS.security],
};

/** The items a user with `role` sees, given which features are on. */
export function navItemsFor(
  role: UserRole,
  features: Readonly<Record<NavFeature, boolean>>,
): readonly NavItem[] {
  return NAV_BY_ROLE[role].filter((item) => !item.requires || features[item.requires]);
}
