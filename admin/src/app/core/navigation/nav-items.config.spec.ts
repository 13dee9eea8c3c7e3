import { USER_ROLES } from '@waakvlam/contracts';
import { NAV_BY_ROLE, NAV_ITEMS, navItemsFor } from './nav-items.config';

describe('navItemsFor', () => {
  it('gives every role Start and Wie ben ik, in that order', () => {
    for (const role of USER_ROLES) {
      expect(navItemsFor(role, { devMailbox: false })).toEqual([NAV_ITEMS.home, NAV_ITEMS.whoAmI]);
    }
  });

  it('adds the dev mailbox for staff only when it is enabled', () => {
    expect(navItemsFor('coordinator', { devMailbox: true })).toContain(NAV_ITEMS.devMailbox);
    expect(navItemsFor('partner', { devMailbox: true })).not.toContain(NAV_ITEMS.devMailbox);
  });

  it('has a menu for every role', () => {
    expect(Object.keys(NAV_BY_ROLE).sort()).toEqual([...USER_ROLES].sort());
  });
});
