import type {
  PartnerSignal,
  ReactivationRequest,
  ReactivationRequestDetail,
  Signal,
} from '@waakvlam/contracts';

/** An open, normal request assigned to Anna de Vries, due in a bit over two hours. */
export function aRequest(overrides: Partial<ReactivationRequest> = {}): ReactivationRequest {
  return {
    id: 'r1',
    watchId: 'w1',
    client: { id: 'c1', name: 'Jan Jansen', reference: 'R-1' },
    status: 'open',
    resolution: null,
    urgency: 'normal',
    assignee: { id: 'u1', displayName: 'Anna de Vries' },
    sources: ['caseworker'],
    createdBy: { id: 'u1', displayName: 'Anna de Vries' },
    createdAt: '2031-03-01T09:00:00Z',
    acceptedAt: null,
    contactedAt: null,
    resolvedAt: null,
    cancelledAt: null,
    slaDueAt: new Date(Date.now() + 2 * 3_600_000 + 90_000).toISOString(),
    slaBreached: false,
    updatedAt: '2031-03-01T09:00:00Z',
    ...overrides,
  };
}

/** The request with the watch's agreements, signaleringsplan, consent and history. */
export function aRequestDetail(
  overrides: Partial<ReactivationRequestDetail> = {},
): ReactivationRequestDetail {
  return {
    ...aRequest(),
    reasons: [
      {
        id: 'rr1',
        source: 'caseworker',
        urgency: 'normal',
        reason: 'Slaapt slecht, huur niet betaald.',
        actor: { id: 'u1', displayName: 'Anna de Vries' },
        at: '2031-03-01T09:00:00Z',
      },
    ],
    resolutionNote: null,
    cancelReason: null,
    watch: {
      status: 'active',
      primaryCaseworker: { id: 'u1', displayName: 'Anna de Vries' },
      backupCaseworker: null,
      agreements: 'Elke maand bellen.',
      signaleringsplan: {
        green: { signs: 'Gaat naar werk', actions: 'Niets' },
        orange: { signs: 'Slaapt slecht', actions: 'Vaker bellen' },
        red: { signs: 'Neemt niet op', actions: 'Huisbezoek' },
      },
      startDate: '2031-01-01',
    },
    consent: {
      legalBasis: 'consent',
      emailReminders: true,
      sharingPartnerIds: ['p1'],
      recordedAt: '2031-01-01T10:00:00Z',
      recordedBy: { id: 'u2', displayName: 'Rik Regie' },
    },
    recentEvents: [
      {
        id: 'e1',
        watchId: 'w1',
        type: 'check_in_completed',
        at: '2031-02-20T10:00:00Z',
        actor: { id: 'u1', displayName: 'Anna de Vries' },
        reason: null,
        details: {},
      },
    ],
    recentCheckIns: [
      {
        id: 'ci1',
        watchId: 'w1',
        client: { id: 'c1', name: 'Jan Jansen', reference: 'R-1' },
        caseworker: { id: 'u1', displayName: 'Anna de Vries' },
        handedOverFrom: null,
        contactMode: 'phone',
        dueDate: '2031-02-20',
        graceEndsOn: '2031-02-23',
        status: 'done',
        outcome: 'concern',
        channel: 'phone',
        note: 'Klinkt moe.',
        completedAt: '2031-02-20T10:00:00Z',
        completedBy: { id: 'u1', displayName: 'Anna de Vries' },
      },
    ],
    ...overrides,
  };
}

/** A received signal about a client reference that matched Jan Jansen. */
export function aSignal(overrides: Partial<Signal> = {}): Signal {
  return {
    id: 's1',
    category: 'rent_arrears',
    observedOn: '2031-02-28',
    description: 'Huur twee maanden niet betaald.',
    partnerOrganisation: { id: 'p1', name: 'Woonstede', kind: 'housing_corporation' },
    reportedBy: { id: 'pu1', displayName: 'Piet Partner' },
    reportedVia: null,
    clientReference: 'K7M4-Q9XT',
    address: null,
    client: { id: 'c1', reference: 'R-1', name: 'Jan Jansen', openWatch: { id: 'w1', status: 'active' } },
    status: 'received',
    triage: null,
    receivedAt: '2031-03-01T08:00:00Z',
    triagedAt: null,
    handledAt: null,
    firstFeedbackAt: null,
    updatedAt: '2031-03-01T08:00:00Z',
    feedback: [],
    ...overrides,
  };
}

export function aPartnerSignal(overrides: Partial<PartnerSignal> = {}): PartnerSignal {
  return {
    id: 's1',
    category: 'rent_arrears',
    observedOn: '2031-02-28',
    description: 'Huur twee maanden niet betaald.',
    clientReference: 'K7M4-Q9XT',
    address: null,
    status: 'triaged',
    receivedAt: '2031-03-01T08:00:00Z',
    updatedAt: '2031-03-02T08:00:00Z',
    feedback: [{ status: 'triaged', text: 'We nemen contact op.', createdAt: '2031-03-02T08:00:00Z' }],
    ...overrides,
  };
}

/** Accounts as `GET /api/users` lists them. */
export const STAFF_USERS = [
  {
    id: 'u1',
    email: 'a@x.nl',
    displayName: 'Anna de Vries',
    role: 'caseworker',
    partnerOrganisationId: null,
    active: true,
    reactivationCapacity: null,
  },
  {
    id: 'u2',
    email: 'b@x.nl',
    displayName: 'Bert Bos',
    role: 'coordinator',
    partnerOrganisationId: null,
    active: true,
    reactivationCapacity: null,
  },
  {
    id: 'u3',
    email: 'c@x.nl',
    displayName: 'Cor Oud',
    role: 'caseworker',
    partnerOrganisationId: null,
    active: false,
    reactivationCapacity: null,
  },
  {
    id: 'u4',
    email: 'd@x.nl',
    displayName: 'Dina Partner',
    role: 'partner',
    partnerOrganisationId: 'p1',
    active: true,
    reactivationCapacity: null,
  },
] as const;
