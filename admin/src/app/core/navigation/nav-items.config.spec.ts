import { USER_ROLES } from '@waakvlam/contracts';
import { NAV_BY_ROLE, NAV_ITEMS, navItemsFor } from './nav-items.config';

describe('navItemsFor', () => {
  const labels = (items: readonly { labelKey: string }[]) => items.map((item) => item.labelKey);

  it('gives a caseworker Vandaag, Mijn caseload, Wie ben ik and, when on, the Dev-mailbox', () => {
    expect(navItemsFor('caseworker', { devMailbox: true })).toEqual([
      NAV_ITEMS.today,
      NAV_ITEMS.caseload,
      NAV_ITEMS.whoAmI,
      NAV_ITEMS.devMailbox,
    ]);
    expect(navItemsFor('caseworker', { devMailbox: false })).not.toContain(NAV_ITEMS.devMailbox);
  });

  it.each(['coordinator', 'admin'] as const)(
    'gives a %s Start, Inwoners, Wie ben ik and the Dev-mailbox',
    (role) => {
      expect(labels(navItemsFor(role, { devMailbox: true }))).toEqual([
        'app.nav.home',
        'app.nav.clients',
        'app.nav.whoAmI',
        'app.nav.devMailbox',
      ]);
      expect(navItemsFor(role, { devMailbox: false })).not.toContain(NAV_ITEMS.devMailbox);
    },
  );

  it('leaves the partner menu as it was', () => {
    expect(navItemsFor('partner', { devMailbox: true })).toEqual([NAV_ITEMS.home, NAV_ITEMS.whoAmI]);
  });

  it('has a menu for every role', () => {
    expect(Object.keys(NAV_BY_ROLE).sort()).toEqual([...USER_ROLES].sort());
  });
});
