import {
  REACTIVATION_SOURCES,
  SIGNAL_CATEGORIES,
  WATCH_STATUSES,
  type Dashboard,
  type DashboardCheckIns,
  type DashboardNeighbourhood,
  type ReactivationSource,
  type SignalCategory,
  type WatchStatus,
} from '@waakvlam/contracts';
import type { DashboardPeriod } from './dashboard-period.util';
import type { DashboardFilter, GroupedRow } from './dashboard-sql.util';

export interface WatchRow extends GroupedRow {
  status: WatchStatus;
  n: number;
}
export interface CheckInRow extends GroupedRow {
  on_time: number;
  late: number;
  missed: number;
  open: number;
}
export interface CountRow extends GroupedRow {
  n: number;
}
export type ReactivationRow = CountRow & {
  median_accepted: number | null;
  median_contacted: number | null;
  sla_breached: number;
  without_intake: number;
} & Record<`source_${ReactivationSource}`, number>;
export interface SignalRow extends CountRow {
  median_feedback: number | null;
  awaiting: number;
}
export interface NameRow {
  kind: 'caseworker' | 'partner' | 'neighbourhood';
  id: string;
  name: string;
}

/** Everything the statements returned for one request. */
export interface DashboardRows {
  watches: WatchRow[];
  checkIns: CheckInRow[];
  lapses: CountRow[];
  reactivations: ReactivationRow[];
  signals: SignalRow[];
  names: NameRow[];
}

const seconds = (v: number | string | null | undefined): number | null =>
  v === null || v === undefined ? null : Math.round(Number(v));

const percent = (count: number, of: number): number | null =>
  of === 0 ? null : Math.round((count / of) * 1000) / 10;

const zeroStatuses = (): Record<WatchStatus, number> =>
  Object.fromEntries(WATCH_STATUSES.map((s) => [s, 0])) as Record<WatchStatus, number>;

const pick = <R extends GroupedRow>(
  rows: readonly R[],
  dim: R['dim'],
  key: string | null = null,
): R | undefined => rows.find((r) => r.dim === dim && r.key === key);

const of = <R extends GroupedRow>(rows: readonly R[], dim: R['dim']): R[] =>
  rows.filter((r) => r.dim === dim);

export function checkInFigures(row: CheckInRow | undefined): DashboardCheckIns {
  const onTime = row?.on_time ?? 0;
  const late = row?.late ?? 0;
  const missed = row?.missed ?? 0;
  const closed = onTime + late + missed;
  return {
    due: closed + (row?.open ?? 0),
    onTime: { count: onTime, percent: percent(onTime, closed) },
    late: { count: late, percent: percent(late, closed) },
    missed: { count: missed, percent: percent(missed, closed) },
    open: row?.open ?? 0,
  };
}

function watchStatuses(rows: readonly WatchRow[]): Record<WatchStatus, number> {
  const counts = zeroStatuses();
  for (const row of rows) counts[row.status] += row.n;
  return counts;
}

/** The organisation's dashboard from the statements' grouped rows (dimensions total, week, caseworker, partner). */
export function assembleDashboard(
  filter: DashboardFilter,
  period: DashboardPeriod,
  rows: DashboardRows,
): Dashboard {
  const r = pick(rows.reactivations, 'total');
  const s = pick(rows.signals, 'total');
  const names = new Map(rows.names.map((n) => [`${n.kind}:${n.id}`, n.name]));
  const byCategory = Object.fromEntries(
    SIGNAL_CATEGORIES.map((c) => [c, pick(rows.signals, 'category', c)?.n ?? 0]),
  ) as Record<SignalCategory, number>;

  const caseworkerIds = new Set<string>();
  for (const n of rows.names) if (n.kind === 'caseworker') caseworkerIds.add(n.id);
  if (filter.caseworkerId !== null) {
    caseworkerIds.clear();
    caseworkerIds.add(filter.caseworkerId);
  }
  const caseworkers = [...caseworkerIds]
    .map((id) => {
      const checkIns = pick(rows.checkIns, 'caseworker', id);
      return {
        caseworkerId: id,
        name: names.get(`caseworker:${id}`) ?? '',
        watches: of(rows.watches, 'caseworker')
          .filter((w) => w.key === id && w.status !== 'ended')
          .reduce((sum, w) => sum + w.n, 0),
        checkInsOnTime: checkIns?.on_time ?? 0,
        checkInsLate: checkIns?.late ?? 0,
        checkInsMissed: checkIns?.missed ?? 0,
        reactivations: pick(rows.reactivations, 'caseworker', id)?.n ?? 0,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'nl') || a.caseworkerId.localeCompare(b.caseworkerId));

  return {
    from: period.from,
    to: period.to,
    caseworkerId: filter.caseworkerId,
    neighbourhood: filter.neighbourhood,
    watches: watchStatuses(of(rows.watches, 'total')),
    checkIns: checkInFigures(pick(rows.checkIns, 'total')),
    lapses: pick(rows.lapses, 'total')?.n ?? 0,
    reactivations: {
      requests: r?.n ?? 0,
      bySource: Object.fromEntries(
        REACTIVATION_SOURCES.map((src) => [src, r?.[`source_${src}`] ?? 0]),
      ) as Record<ReactivationSource, number>,
      medianSecondsToAccepted: seconds(r?.median_accepted),
      medianSecondsToContacted: seconds(r?.median_contacted),
      slaBreached: r?.sla_breached ?? 0,
      withoutIntake: r?.without_intake ?? 0,
    },
    signals: {
      received: s?.n ?? 0,
      byCategory,
      byPartner: of(rows.signals, 'partner')
        .map((p) => ({
          partnerOrganisationId: p.key ?? '',
          partnerName: names.get(`partner:${p.key}`) ?? '',
          received: p.n,
          medianSecondsToFeedback: seconds(p.median_feedback),
          awaitingFeedback: p.awaiting,
        }))
        .sort((a, b) => b.received - a.received || a.partnerName.localeCompare(b.partnerName, 'nl')),
      medianSecondsToFeedback: seconds(s?.median_feedback),
      awaitingFeedback: s?.awaiting ?? 0,
    },
    weeks: period.weeks.map((week) => {
      const checkIns = pick(rows.checkIns, 'week', week);
      return {
        weekStart: week,
        checkInsOnTime: checkIns?.on_time ?? 0,
        checkInsLate: checkIns?.late ?? 0,
        checkInsMissed: checkIns?.missed ?? 0,
        lapses: pick(rows.lapses, 'week', week)?.n ?? 0,
        reactivations: pick(rows.reactivations, 'week', week)?.n ?? 0,
        signals: pick(rows.signals, 'week', week)?.n ?? 0,
      };
    }),
    caseworkers,
    neighbourhoodOptions: rows.names
      .filter((n) => n.kind === 'neighbourhood')
      .map((n) => n.name)
      .sort((a, b) => a.localeCompare(b, 'nl')),
  };
}

/** Every wijk that appears in any figure, in name order (clients without a wijk last). */
export function assembleNeighbourhoods(rows: Omit<DashboardRows, 'names'>): DashboardNeighbourhood[] {
  const keys = new Set<string | null>();
  for (const list of [rows.watches, rows.checkIns, rows.lapses, rows.reactivations, rows.signals])
    for (const row of of<GroupedRow>(list, 'neighbourhood')) keys.add(row.key);
  return [...keys]
    .sort((a, b) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b, 'nl')))
    .map((hood) => {
      const reactivations = pick(rows.reactivations, 'neighbourhood', hood);
      return {
        neighbourhood: hood,
        watches: watchStatuses(of(rows.watches, 'neighbourhood').filter((w) => w.key === hood)),
        checkIns: checkInFigures(pick(rows.checkIns, 'neighbourhood', hood)),
        lapses: pick(rows.lapses, 'neighbourhood', hood)?.n ?? 0,
        reactivations: reactivations?.n ?? 0,
        withoutIntake: reactivations?.without_intake ?? 0,
        signals: pick(rows.signals, 'neighbourhood', hood)?.n ?? 0,
      };
    });
}
