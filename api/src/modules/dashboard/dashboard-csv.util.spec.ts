import type { Dashboard } from '@waakvlam/contracts';
import { csvRow } from '../../core/http/csv.util';
import { DASHBOARD_CSV_COLUMNS, dashboardCsvRows } from './dashboard-csv.util';

const dashboard: Dashboard = {
  from: '2026-03-02',
  to: '2026-03-08',
  caseworkerId: null,
  neighbourhood: '',
  watches: { active: 3, paused: 0, lapsed: 1, reactivated: 0, ended: 2 },
  checkIns: {
    due: 4,
    onTime: { count: 2, percent: 66.7 },
    late: { count: 0, percent: 0 },
    missed: { count: 1, percent: 33.3 },
    open: 1,
  },
  lapses: 1,
  reactivations: {
    requests: 1,
    bySource: { caseworker: 0, client: 1, lapse: 0, partner_signal: 0, coordinator: 0 },
    medianSecondsToAccepted: 5400,
    medianSecondsToContacted: null,
    slaBreached: 0,
    withoutIntake: 0,
  },
  signals: {
    received: 1,
    byCategory: {
      rent_arrears: 0,
      nuisance: 1,
      neglect: 0,
      confused_behaviour: 0,
      isolation: 0,
      safety: 0,
      other: 0,
    },
    byPartner: [
      {
        partnerOrganisationId: 'p',
        partnerName: '=Woon;stichting',
        received: 1,
        medianSecondsToFeedback: null,
        awaitingFeedback: 1,
      },
    ],
    medianSecondsToFeedback: null,
    awaitingFeedback: 1,
  },
  weeks: [
    {
      weekStart: '2026-03-02',
      checkInsOnTime: 2,
      checkInsLate: 0,
      checkInsMissed: 1,
      lapses: 1,
      reactivations: 1,
      signals: 1,
    },
  ],
  caseworkers: [
    {
      caseworkerId: 'c',
      name: 'Anna',
      watches: 4,
      checkInsOnTime: 2,
      checkInsLate: 0,
      checkInsMissed: 1,
      reactivations: 1,
    },
  ],
  neighbourhoodOptions: [],
};

describe('dashboardCsvRows', () => {
  const lines = dashboardCsvRows(dashboard, null).map((row) => csvRow(DASHBOARD_CSV_COLUMNS, row).trimEnd());

  it('writes the filters first, in words', () => {
    expect(lines.slice(0, 4)).toEqual([
      'Filter;Van;Alle;2026-03-02',
      'Filter;Tot en met;Alle;2026-03-08',
      'Filter;Begeleider;Alle;Alle begeleiders',
      'Filter;Wijk;Alle;Geen wijk bekend',
    ]);
  });

  it('gives durations in hours and leaves unknown ones empty', () => {
    expect(lines).toContain('Heractiveringen;Mediane tijd tot oppakken (uur);Alle;1.5');
    expect(lines).toContain('Heractiveringen;Mediane tijd tot eerste contact (uur);Alle;');
  });

  it('keeps a partner name that looks like a formula harmless and quoted', () => {
    expect(lines).toContain(`Signalen per ketenpartner;Ontvangen;"'=Woon;stichting";1`);
  });

  it('has one line per week and per caseworker figure', () => {
    expect(lines.filter((l) => l.startsWith('Per week;'))).toHaveLength(6);
    expect(lines.filter((l) => l.startsWith('Per begeleider;'))).toHaveLength(5);
  });
});
