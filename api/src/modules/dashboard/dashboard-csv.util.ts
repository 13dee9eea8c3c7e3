import {
  REACTIVATION_SOURCES,
  SIGNAL_CATEGORIES,
  WATCH_STATUSES,
  type Dashboard,
  type ReactivationSource,
  type SignalCategory,
  type WatchStatus,
} from '@waakvlam/contracts';
import type { CsvColumn, CsvValue } from '../../core/http/csv.util';

/** One figure of the dashboard as a CSV line: its part, what it counts, for which group, and the number. */
export interface DashboardCsvRow {
  part: string;
  figure: string;
  group: string;
  value: CsvValue;
}

export const DASHBOARD_CSV_COLUMNS: readonly CsvColumn<DashboardCsvRow>[] = [
  { header: 'Onderdeel', value: (r) => r.part },
  { header: 'Cijfer', value: (r) => r.figure },
  { header: 'Groep', value: (r) => r.group },
  { header: 'Waarde', value: (r) => r.value },
];

const STATUS_NL: Record<WatchStatus, string> = {
  active: 'Actief',
  paused: 'Gepauzeerd',
  lapsed: 'Contact verloren',
  reactivated: 'Hulp hervat',
  ended: 'Beëindigd',
};
const SOURCE_NL: Record<ReactivationSource, string> = {
  caseworker: 'Begeleider',
  client: 'Inwoner wil graag contact',
  lapse: 'Contact verloren',
  partner_signal: 'Signaal van ketenpartner',
  coordinator: 'Regievoerder',
};
const CATEGORY_NL: Record<SignalCategory, string> = {
  rent_arrears: 'Huurachterstand',
  nuisance: 'Overlast',
  neglect: 'Verwaarlozing',
  confused_behaviour: 'Verward gedrag',
  isolation: 'Eenzaamheid of isolement',
  safety: 'Veiligheid',
  other: 'Anders',
};

/** Median durations as whole hours with one decimal (a spreadsheet sums and charts numbers, not "2 u 3 min"). */
const hours = (seconds: number | null): CsvValue =>
  seconds === null ? null : Math.round(seconds / 360) / 10;

/**
 * Every figure of the dashboard, one line each (long format: easy to filter and pivot), in the order of the page:
 * the filters first, then watches, check-ins, lapses, reactivations, signals, each week and each caseworker.
 */
export function dashboardCsvRows(d: Dashboard, caseworkerName: string | null): DashboardCsvRow[] {
  const rows: DashboardCsvRow[] = [];
  const add = (part: string, figure: string, value: CsvValue, group = 'Alle'): void => {
    rows.push({ part, figure, group, value });
  };
  add('Filter', 'Van', d.from);
  add('Filter', 'Tot en met', d.to);
  add('Filter', 'Begeleider', caseworkerName ?? 'Alle begeleiders');
  add('Filter', 'Wijk', d.neighbourhood === null ? 'Alle wijken' : d.neighbourhood || 'Geen wijk bekend');
  for (const status of WATCH_STATUSES) add('Waakvlammen nu', STATUS_NL[status], d.watches[status]);
  const c = d.checkIns;
  add('Contactmomenten', 'Gepland in de periode', c.due);
  add('Contactmomenten', 'Op tijd', c.onTime.count);
  add('Contactmomenten', 'Op tijd (%)', c.onTime.percent);
  add('Contactmomenten', 'Te laat', c.late.count);
  add('Contactmomenten', 'Te laat (%)', c.late.percent);
  add('Contactmomenten', 'Gemist', c.missed.count);
  add('Contactmomenten', 'Gemist (%)', c.missed.percent);
  add('Contactmomenten', 'Nog open', c.open);
  add('Waakvlammen', 'Contact verloren in de periode', d.lapses);
  const r = d.reactivations;
  add('Heractiveringen', 'Aangevraagd', r.requests);
  for (const source of REACTIVATION_SOURCES)
    add('Heractiveringen', 'Per bron', r.bySource[source], SOURCE_NL[source]);
  add('Heractiveringen', 'Mediane tijd tot oppakken (uur)', hours(r.medianSecondsToAccepted));
  add('Heractiveringen', 'Mediane tijd tot eerste contact (uur)', hours(r.medianSecondsToContacted));
  add('Heractiveringen', 'Termijn overschreden', r.slaBreached);
  add('Heractiveringen', 'Hervat zonder nieuwe intake', r.withoutIntake);
  const s = d.signals;
  add('Signalen', 'Ontvangen', s.received);
  add('Signalen', 'Mediane tijd tot terugkoppeling (uur)', hours(s.medianSecondsToFeedback));
  add('Signalen', 'Wacht op terugkoppeling', s.awaitingFeedback);
  for (const category of SIGNAL_CATEGORIES)
    add('Signalen', 'Per soort', s.byCategory[category], CATEGORY_NL[category]);
  for (const p of s.byPartner) {
    add('Signalen per ketenpartner', 'Ontvangen', p.received, p.partnerName);
    add(
      'Signalen per ketenpartner',
      'Mediane tijd tot terugkoppeling (uur)',
      hours(p.medianSecondsToFeedback),
      p.partnerName,
    );
    add('Signalen per ketenpartner', 'Wacht op terugkoppeling', p.awaitingFeedback, p.partnerName);
  }
  for (const w of d.weeks) {
    const week = `Week van ${w.weekStart}`;
    add('Per week', 'Contactmomenten op tijd', w.checkInsOnTime, week);
    add('Per week', 'Contactmomenten te laat', w.checkInsLate, week);
    add('Per week', 'Contactmomenten gemist', w.checkInsMissed, week);
    add('Per week', 'Contact verloren', w.lapses, week);
    add('Per week', 'Heractiveringen', w.reactivations, week);
    add('Per week', 'Signalen', w.signals, week);
  }
  for (const cw of d.caseworkers) {
    add('Per begeleider', 'Waakvlammen', cw.watches, cw.name);
    add('Per begeleider', 'Contactmomenten op tijd', cw.checkInsOnTime, cw.name);
    add('Per begeleider', 'Contactmomenten te laat', cw.checkInsLate, cw.name);
    add('Per begeleider', 'Contactmomenten gemist', cw.checkInsMissed, cw.name);
    add('Per begeleider', 'Heractiveringen', cw.reactivations, cw.name);
  }
  return rows;
}
