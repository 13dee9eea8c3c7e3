import type { Dashboard, DashboardNeighbourhoods } from '@waakvlam/contracts';

/** A dashboard of two weeks with two caseworkers and one partner, every figure set. */
export function aDashboard(overrides: Partial<Dashboard> = {}): Dashboard {
  return {
    from: '2031-02-03',
    to: '2031-02-16',
    caseworkerId: null,
    neighbourhood: null,
    watches: { active: 40, paused: 3, lapsed: 2, reactivated: 1, ended: 9 },
    checkIns: {
      due: 30,
      onTime: { count: 20, percent: 76.9 },
      late: { count: 4, percent: 15.4 },
      missed: { count: 2, percent: 7.7 },
      open: 4,
    },
    lapses: 2,
    reactivations: {
      requests: 3,
      bySource: { caseworker: 1, client: 1, lapse: 1, partner_signal: 0, coordinator: 0 },
      medianSecondsToAccepted: 5400,
      medianSecondsToContacted: 14_400,
      slaBreached: 1,
      withoutIntake: 2,
    },
    signals: {
      received: 2,
      byCategory: {
        rent_arrears: 1,
        nuisance: 1,
        neglect: 0,
        confused_behaviour: 0,
        isolation: 0,
        safety: 0,
        other: 0,
      },
      byPartner: [
        {
          partnerOrganisationId: 'p1',
          partnerName: 'Woonstichting Voorbeeld',
          received: 2,
          medianSecondsToFeedback: 7200,
          awaitingFeedback: 1,
        },
      ],
      medianSecondsToFeedback: 7200,
      awaitingFeedback: 1,
    },
    weeks: [
      {
        weekStart: '2031-02-03',
        checkInsOnTime: 12,
        checkInsLate: 1,
        checkInsMissed: 1,
        lapses: 1,
        reactivations: 2,
        signals: 1,
      },
      {
        weekStart: '2031-02-10',
        checkInsOnTime: 8,
        checkInsLate: 3,
        checkInsMissed: 1,
        lapses: 1,
        reactivations: 1,
        signals: 1,
      },
    ],
    caseworkers: [
      {
        caseworkerId: 'u1',
        name: 'Anna de Vries',
        watches: 25,
        checkInsOnTime: 12,
        checkInsLate: 3,
        checkInsMissed: 2,
        reactivations: 2,
      },
      {
        caseworkerId: 'u5',
        name: 'Emre Yilmaz',
        watches: 21,
        checkInsOnTime: 8,
        checkInsLate: 1,
        checkInsMissed: 0,
        reactivations: 1,
      },
    ],
    neighbourhoodOptions: ['Centrum', 'Noord'],
    ...overrides,
  };
}

export function someNeighbourhoods(): DashboardNeighbourhoods {
  const d = aDashboard();
  return {
    from: d.from,
    to: d.to,
    items: [
      {
        neighbourhood: 'Centrum',
        watches: d.watches,
        checkIns: d.checkIns,
        lapses: 1,
        reactivations: 2,
        withoutIntake: 1,
        signals: 1,
      },
      {
        neighbourhood: null,
        watches: d.watches,
        checkIns: d.checkIns,
        lapses: 1,
        reactivations: 1,
        withoutIntake: 1,
        signals: 1,
      },
    ],
  };
}
