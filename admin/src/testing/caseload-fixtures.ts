import type { CaseloadRow, UserRef, Watch } from '@waakvlam/contracts';

/** One caseworker's caseload balance row, all figures 0 and present, unless overridden. */
export function aCaseloadRow(caseworker: UserRef, overrides: Partial<CaseloadRow> = {}): CaseloadRow {
  return {
    caseworker,
    primaryWatches: 0,
    backupWatches: 0,
    dueThisWeek: 0,
    overdue: 0,
    openReactivations: 0,
    reactivationCapacity: null,
    absentToday: false,
    absence: null,
    ...overrides,
  };
}

/** An active watch of Anna de Vries with an empty signaleringsplan and a planned check-in. */
export function aWatchOf(id: string, reference: string, overrides: Partial<Watch> = {}): Watch {
  const phase = { signs: '', actions: '' };
  return {
    id,
    client: { id: `c-${id}`, name: `Inwoner ${reference}`, reference },
    status: 'active',
    primaryCaseworker: { id: 'u1', displayName: 'Anna de Vries' },
    backupCaseworker: null,
    cadence: { intervalDays: 28, minIntervalDays: 7, maxIntervalDays: 90 },
    contactMode: 'phone',
    agreements: '',
    signaleringsplan: { green: phase, orange: phase, red: phase },
    startDate: '2031-01-01',
    reviewDate: '2032-01-01',
    lapseThreshold: 3,
    preNoticeWorkingDays: 2,
    gracePeriodDays: 3,
    reopenPeriodMonths: 6,
    endedAt: null,
    endReason: null,
    nextCheckIn: { id: `ci-${id}`, dueDate: '2031-12-10' },
    createdAt: '2031-01-01T10:00:00Z',
    ...overrides,
  };
}
