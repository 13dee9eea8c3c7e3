import { USER_ROLES } from '@waakvlam/contracts';
import { NAV_BY_ROLE, NAV_ITEMS, navItemsFor } from './nav-items.config';

describe('navItemsFor', () => {
  const labels = (items: readonly { labelKey: string }[]) => items.map((item) => item.labelKey);

  it('gives a caseworker Vandaag, Mijn caseload, Heractiveringen, Mijn afwezigheid, Wie ben ik, Beveiliging and, when on, the Dev-mailbox', () => {
    expect(navItemsFor('caseworker', { devMailbox: true })).toEqual([
      NAV_ITEMS.today,
      NAV_ITEMS.caseload,
      NAV_ITEMS.reactivations,
      NAV_ITEMS.absence,
      NAV_ITEMS.whoAmI,
      NAV_ITEMS.security,
      NAV_ITEMS.devMailbox,
    ]);
    expect(navItemsFor('caseworker', { devMailbox: false })).not.toContain(NAV_ITEMS.devMailbox);
  });

  it('gives a coordinator Overzicht, Inwoners, Waakvlammen, Contactmomenten, Heractiveringen, Signalen, Medewerkers, Caseloadbalans, Berichten, Logboek, Wie ben ik, Beveiliging and the Dev-mailbox, but not Instellingen', () => {
    expect(labels(navItemsFor('coordinator', { devMailbox: true }))).toEqual([
      'app.nav.dashboard',
      'app.nav.clients',
      'app.nav.watchList',
      'app.nav.checkInOverview',
      'app.nav.reactivations',
      'app.nav.signals',
      'app.nav.staff',
      'app.nav.caseloadBalance',
      'app.nav.notifications',
      'app.nav.auditLog',
      'app.nav.whoAmI',
      'app.nav.security',
      'app.nav.devMailbox',
    ]);
    expect(navItemsFor('coordinator', { devMailbox: false })).not.toContain(NAV_ITEMS.devMailbox);
  });

  it('gives an admin Overzicht, Inwoners, Waakvlammen, Contactmomenten, Heractiveringen, Signalen, Medewerkers, Caseloadbalans, Ketenpartners, Berichten, Logboek, Wie ben ik, Beveiliging, Instellingen, Wachtrijen and the Dev-mailbox', () => {
    expect(labels(navItemsFor('admin', { devMailbox: true }))).toEqual([
      'app.nav.dashboard',
      'app.nav.clients',
      'app.nav.watchList',
      'app.nav.checkInOverview',
      'app.nav.reactivations',
      'app.nav.signals',
      'app.nav.staff',
      'app.nav.caseloadBalance',
      'app.nav.partners',
      'app.nav.notifications',
      'app.nav.auditLog',
      'app.nav.whoAmI',
      'app.nav.security',
      'app.nav.settings',
      'queueBoard.nav',
      'app.nav.devMailbox',
    ]);
    expect(navItemsFor('admin', { devMailbox: false })).toEqual([
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
    ]);
  });

  it.each(['coordinator', 'caseworker', 'partner'] as const)(
    'hides Ketenpartners (API keys) from a %s',
    (role) => {
      expect(NAV_BY_ROLE[role]).not.toContain(NAV_ITEMS.partners);
    },
  );

  it.each(['coordinator', 'caseworker', 'partner'] as const)('hides the queue board from a %s', (role) => {
    expect(NAV_BY_ROLE[role]).not.toContain(NAV_ITEMS.queueBoard);
  });

  it('links the queue board as a page of the API, outside the console router', () => {
    expect(NAV_ITEMS.queueBoard).toEqual({
      path: '/api/admin/queues',
      labelKey: 'queueBoard.nav',
      external: true,
    });
  });

  it.each(['coordinator', 'caseworker', 'partner'] as const)('hides Instellingen from a %s', (role) => {
    expect(navItemsFor(role, { devMailbox: true })).not.toContain(NAV_ITEMS.settings);
    expect(NAV_BY_ROLE[role].map((item) => item.path)).not.toContain('/instellingen');
  });

  it.each(['caseworker', 'partner'] as const)('hides Berichten from a %s', (role) => {
    expect(navItemsFor(role, { devMailbox: true })).not.toContain(NAV_ITEMS.notifications);
    expect(NAV_BY_ROLE[role].map((item) => item.path)).not.toContain('/berichten');
  });

  it('gives a partner only the partner portal, Wie ben ik and Beveiliging', () => {
    expect(navItemsFor('partner', { devMailbox: true })).toEqual([
      NAV_ITEMS.partnerSignals,
      NAV_ITEMS.whoAmI,
      NAV_ITEMS.security,
    ]);
  });

  it.each(['caseworker', 'partner'] as const)('hides Signalen and Medewerkers from a %s', (role) => {
    const paths = NAV_BY_ROLE[role].map((item) => item.path);
    expect(paths).not.toContain('/signalen');
    expect(paths).not.toContain('/medewerkers');
  });

  it.each(['admin', 'coordinator', 'caseworker'] as const)('hides the partner portal from a %s', (role) => {
    expect(NAV_BY_ROLE[role]).not.toContain(NAV_ITEMS.partnerSignals);
  });

  it('has a menu for every role', () => {
    expect(Object.keys(NAV_BY_ROLE).sort()).toEqual([...USER_ROLES].sort());
  });
});
