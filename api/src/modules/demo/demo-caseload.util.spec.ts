import { WorkingCalendar } from '@waakvlam/schedule';
import { buildDemoCaseload } from './demo-caseload.util';

describe('buildDemoCaseload', () => {
  const calendar = new WorkingCalendar({ timeZone: 'Europe/Amsterdam' });
  const staff = { coordinatorId: 'co', caseworkerIds: ['cw1', 'cw2', 'cw3'] as const };
  const withoutIds = (rows: Array<Record<string, unknown>>) =>
    rows.map(({ id: _id, client_id: _c, watch_id: _w, ...rest }) => rest);

  it('is the same for the same seed date, apart from the ids', () => {
    const a = buildDemoCaseload('2026-03-10', calendar, staff);
    const b = buildDemoCaseload('2026-03-10', calendar, staff);
    expect(withoutIds(a.clients)).toEqual(withoutIds(b.clients));
    expect(withoutIds(a.watches)).toEqual(withoutIds(b.watches));
    expect(withoutIds(a.checkIns)).toEqual(withoutIds(b.checkIns));
    expect(withoutIds(a.events)).toEqual(withoutIds(b.events));
    expect(withoutIds(buildDemoCaseload('2026-03-11', calendar, staff).clients)).not.toEqual(
      withoutIds(a.clients),
    );
  });

  it('has 60 residents in several wijken with valid postcodes, watches in every status over three caseworkers', () => {
    const { clients, watches } = buildDemoCaseload('2026-03-10', calendar, staff);
    expect(clients).toHaveLength(60);
    expect(new Set(clients.map((c) => c['reference'])).size).toBe(60);
    expect(new Set(clients.map((c) => c['neighbourhood'])).size).toBeGreaterThanOrEqual(4);
    for (const c of clients) expect(c['postcode']).toMatch(/^38[12][0-9][A-Z]{2}$/);
    const statuses = watches.map((w) => w['status'] as string);
    for (const status of ['active', 'paused', 'lapsed', 'ended']) expect(statuses).toContain(status);
    expect(statuses.filter((s) => s === 'active').length).toBeGreaterThan(30);
    expect(new Set(watches.map((w) => w['primary_caseworker_id']))).toEqual(new Set(['cw1', 'cw2', 'cw3']));
  });

  it('plans check-ins overdue (within their grace period), today and later; one per active watch', () => {
    const today = '2026-03-10';
    const { watches, checkIns } = buildDemoCaseload(today, calendar, staff);
    const planned = checkIns.filter((c) => c['status'] === 'planned');
    expect(planned).toHaveLength(watches.filter((w) => w['status'] === 'active').length);
    const due = planned.map((c) => c['due_date'] as string);
    expect(due.some((d) => d < today)).toBe(true);
    expect(due.filter((d) => d === today).length).toBeGreaterThanOrEqual(3);
    expect(due.some((d) => d > today)).toBe(true);
    for (const c of planned) expect((c['grace_ends_on'] as string) >= today).toBe(true);
    const history = checkIns.filter((c) => c['status'] !== 'planned');
    expect(history.every((c) => (c['due_date'] as string) < today)).toBe(true);
    expect(new Set(history.map((c) => c['outcome']))).toEqual(
      new Set(['well', 'concern', 'not_reached', null]),
    );
  });
});
