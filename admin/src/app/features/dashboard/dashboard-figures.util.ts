import {
  DRILL_DOWN_ROUTES as ROUTES,
  REACTIVATION_SOURCES,
  SIGNAL_CATEGORIES,
  WATCH_STATUSES,
  type Dashboard,
  type DashboardShare,
} from '@waakvlam/contracts';
import type { FigureItem } from '../../shared/charts/figure-list.component';
import type { Message } from '../../shared/forms/form-messages';
import { durationMessage } from '../reactivations/sla.util';
import type { DashboardLinks } from './dashboard-links.util';

/** A median duration in seconds as "2 u 30 min", or a dash when nothing got that far. */
export const durationValue = (seconds: number | null): string | Message =>
  seconds === null ? '–' : durationMessage(seconds * 1000);

const share = (s: DashboardShare): string => (s.percent === null ? '–' : `${s.percent}%`);
const label = (key: string, params?: Record<string, unknown>): Message => ({ key, params });

/** The dashboard's key figures, grouped as the page shows them; each links to the list behind it. */
export function dashboardFigures(d: Dashboard, l: DashboardLinks): Record<string, FigureItem[]> {
  const c = d.checkIns;
  const r = d.reactivations;
  return {
    watches: [
      ...WATCH_STATUSES.filter((s) => s !== 'ended').map((status) => ({
        value: d.watches[status],
        label: label(`watchStatuses.${status}`),
        route: ROUTES.watches,
        params: l.watches(status),
        testId: `watches-${status}`,
      })),
      {
        value: d.lapses,
        label: label('dashboard.watches.lapses'),
        route: ROUTES.watches,
        params: l.lapses(),
        testId: 'lapses',
      },
    ],
    checkIns: [
      {
        value: c.due,
        label: label('dashboard.checkIns.due'),
        route: ROUTES.checkIns,
        params: l.checkIns(),
        testId: 'check-ins-due',
      },
      {
        value: share(c.onTime),
        label: label('dashboard.checkIns.onTimeCount', { count: c.onTime.count }),
        route: ROUTES.checkIns,
        params: l.checkIns('on_time'),
        tone: 'onTime',
        testId: 'check-ins-onTime',
      },
      {
        value: share(c.late),
        label: label('dashboard.checkIns.lateCount', { count: c.late.count }),
        route: ROUTES.checkIns,
        params: l.checkIns('late'),
        tone: 'late',
        testId: 'check-ins-late',
      },
      {
        value: share(c.missed),
        label: label('dashboard.checkIns.missedCount', { count: c.missed.count }),
        route: ROUTES.checkIns,
        params: l.checkIns('missed'),
        tone: 'missed',
        testId: 'check-ins-missed',
      },
      {
        value: c.open,
        label: label('dashboard.checkIns.open'),
        route: ROUTES.checkIns,
        params: l.checkIns('open'),
        testId: 'check-ins-open',
      },
    ],
    reactivations: [
      {
        value: r.requests,
        label: label('dashboard.reactivations.requests'),
        route: ROUTES.reactivations,
        params: l.reactivations(),
        testId: 'reactivations-requests',
      },
      {
        value: r.withoutIntake,
        label: label('dashboard.reactivations.withoutIntake'),
        route: ROUTES.reactivations,
        params: l.reactivations({ withoutIntake: true }),
        testId: 'reactivations-without-intake',
      },
      {
        value: r.slaBreached,
        label: label('dashboard.reactivations.slaBreached'),
        route: ROUTES.reactivations,
        params: l.reactivations({ slaBreached: true }),
        tone: 'missed',
        testId: 'reactivations-sla-breached',
      },
      {
        value: durationValue(r.medianSecondsToAccepted),
        label: label('dashboard.reactivations.toAccepted'),
        testId: 'reactivations-to-accepted',
      },
      {
        value: durationValue(r.medianSecondsToContacted),
        label: label('dashboard.reactivations.toContacted'),
        testId: 'reactivations-to-contacted',
      },
    ],
    sources: REACTIVATION_SOURCES.map((source) => ({
      value: r.bySource[source],
      label: label(`reactivationSources.${source}`),
      route: ROUTES.reactivations,
      params: l.reactivations({ source }),
    })),
    signals: [
      {
        value: d.signals.received,
        label: label('dashboard.signals.received'),
        route: ROUTES.signals,
        params: l.signals(),
        testId: 'signals-received',
      },
      {
        value: durationValue(d.signals.medianSecondsToFeedback),
        label: label('dashboard.signals.toFeedback'),
        testId: 'signals-to-feedback',
      },
      {
        value: d.signals.awaitingFeedback,
        label: label('dashboard.signals.awaiting'),
        route: ROUTES.signals,
        params: l.signals({ awaitingFeedback: true }),
        tone: 'missed',
        testId: 'signals-awaiting',
      },
    ],
    categories: SIGNAL_CATEGORIES.map((category) => ({
      value: d.signals.byCategory[category],
      label: label(`signalCategories.${category}`),
      route: ROUTES.signals,
      params: l.signals({ category }),
    })),
  };
}
