import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  signal,
  untracked,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import {
  DRILL_DOWN_ROUTES,
  type Dashboard,
  type DashboardCaseworker,
  type DashboardQuery,
} from '@waakvlam/contracts';
import { DateFormatService } from '../../shared/dates/date-format.service';
import type { Message } from '../../shared/forms/form-messages';
import { FigureListComponent } from '../../shared/charts/figure-list.component';
import { DataTableComponent } from '../../shared/lists/data-table.component';
import { ListStateComponent } from '../../shared/lists/list-state.component';
import {
  type ChartRow,
  type ChartSeries,
  StackedBarChartComponent,
} from '../../shared/charts/stacked-bar-chart.component';
import { UsersService, type StaffUser } from '../users/users.service';
import { dashboardFigures, durationValue } from './dashboard-figures.util';
import { DashboardLinks, type LinkParams, dashboardQueryFrom, weekEnd } from './dashboard-links.util';
import { DashboardService } from './dashboard.service';

const CHECK_IN_SERIES: readonly ChartSeries[] = [
  { labelKey: 'dashboard.checkIns.onTime', tone: 'good' },
  { labelKey: 'dashboard.checkIns.late', tone: 'warn' },
  { labelKey: 'dashboard.checkIns.missed', tone: 'bad' },
];

/**
 * "Overzicht", the coordinator's start page: for a period (default the last 12 weeks) and optionally one
 * caseworker or wijk, whether everybody stays in view. Every figure links to the list behind it; the charts have
 * the same numbers in a table. The filters live in the URL, so a view can be shared and the back button works.
 */
@Component({
  selector: 'wv-dashboard',
  imports: [
    RouterLink,
    TranslocoPipe,
    DataTableComponent,
    FigureListComponent,
    ListStateComponent,
    StackedBarChartComponent,
  ],
  templateUrl: './dashboard.component.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DashboardComponent {
  private readonly api = inject(DashboardService);
  private readonly users = inject(UsersService);
  private readonly router = inject(Router);
  private readonly transloco = inject(TranslocoService);
  protected readonly dates = inject(DateFormatService);

  protected readonly routes = DRILL_DOWN_ROUTES;
  protected readonly checkInSeries = CHECK_IN_SERIES;
  protected readonly weekColumns = [
    'dashboard.trend.week',
    'dashboard.checkIns.onTime',
    'dashboard.checkIns.late',
    'dashboard.checkIns.missed',
    'dashboard.watches.lapses',
    'dashboard.reactivations.heading',
    'dashboard.signals.heading',
  ];
  protected readonly partnerColumns = [
    'dashboard.signals.partner',
    'dashboard.signals.received',
    'dashboard.signals.toFeedback',
    'dashboard.signals.awaiting',
  ];
  protected readonly caseworkerColumns = [
    'dashboard.caseworkers.name',
    'dashboard.caseworkers.watches',
    'dashboard.checkIns.onTime',
    'dashboard.checkIns.late',
    'dashboard.checkIns.missed',
    'dashboard.reactivations.heading',
  ];

  protected readonly dashboard = signal<Dashboard | null>(null);
  protected readonly loaded = signal(false);
  protected readonly loadError = signal(false);
  protected readonly caseworkers = signal<StaffUser[]>([]);

  private readonly params = toSignal(inject(ActivatedRoute).queryParamMap, { requireSync: true });
  protected readonly query = computed<DashboardQuery>(() => {
    const p = this.params();
    return dashboardQueryFrom(Object.fromEntries(p.keys.map((k) => [k, p.get(k) ?? undefined])));
  });

  protected readonly links = computed(() => {
    const d = this.dashboard();
    return d ? new DashboardLinks(d) : null;
  });
  protected readonly exportUrl = computed(() => this.api.exportUrl(this.query()));
  protected readonly figures = computed(() => {
    const d = this.dashboard();
    const l = this.links();
    return d && l ? dashboardFigures(d, l) : {};
  });

  protected readonly weekRows = computed<ChartRow[]>(
    () =>
      this.dashboard()?.weeks.map((w) => ({
        label: this.dates.dayMonth(w.weekStart),
        values: [w.checkInsOnTime, w.checkInsLate, w.checkInsMissed],
      })) ?? [],
  );
  protected readonly caseworkerRows = computed<ChartRow[]>(
    () =>
      this.dashboard()?.caseworkers.map((c) => ({
        label: c.name,
        values: [c.checkInsOnTime, c.checkInsLate, c.checkInsMissed],
      })) ?? [],
  );
  protected readonly weekSummary = computed(() => this.summary(this.dashboard()?.weeks.length ?? 0, 'weeks'));
  protected readonly caseworkerSummary = computed(() =>
    this.summary(this.dashboard()?.caseworkers.length ?? 0, 'caseworkers'),
  );

  constructor() {
    this.users
      .all()
      .then((all) => this.caseworkers.set(all.filter((u) => u.role === 'caseworker')))
      .catch(() => this.caseworkers.set([]));
    // Every change of the URL's filters loads the figures again.
    effect(() => {
      this.query();
      untracked(() => void this.load());
    });
  }

  protected weekEnd = weekEnd;

  protected readonly duration = durationValue;

  protected isText(value: string | Message): value is string {
    return typeof value === 'string';
  }

  /** A caseworker's row: each number links to the list behind it, narrowed to her. */
  protected caseworkerCells(
    l: DashboardLinks,
    c: DashboardCaseworker,
  ): Array<{ value: number; route: string; params: LinkParams }> {
    const id = c.caseworkerId;
    return [
      {
        value: c.watches,
        route: DRILL_DOWN_ROUTES.watches,
        params: { caseworkerId: id, caseworkerRole: 'primary', open: 'true' },
      },
      {
        value: c.checkInsOnTime,
        route: DRILL_DOWN_ROUTES.checkIns,
        params: l.checkIns('on_time', undefined, id),
      },
      { value: c.checkInsLate, route: DRILL_DOWN_ROUTES.checkIns, params: l.checkIns('late', undefined, id) },
      {
        value: c.checkInsMissed,
        route: DRILL_DOWN_ROUTES.checkIns,
        params: l.checkIns('missed', undefined, id),
      },
      {
        value: c.reactivations,
        route: DRILL_DOWN_ROUTES.reactivations,
        params: l.reactivations({ caseworkerId: id }),
      },
    ];
  }

  /** Applies the filter form: the URL changes, and with it the figures. */
  protected apply(event: SubmitEvent): void {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const value = (name: string): string | null => {
      const v = form.get(name);
      return typeof v === 'string' && v !== '' ? v : null;
    };
    const hood = form.get('neighbourhood');
    void this.router.navigate([], {
      queryParams: {
        from: value('from'),
        to: value('to'),
        caseworkerId: value('caseworkerId'),
        // '*' in the select: every wijk (no filter); '' : clients without a wijk.
        neighbourhood: typeof hood === 'string' && hood !== '*' ? hood : null,
      },
    });
  }

  protected async load(): Promise<void> {
    this.loadError.set(false);
    try {
      this.dashboard.set(await this.api.get(this.query()));
    } catch {
      this.loadError.set(true);
    } finally {
      this.loaded.set(true);
    }
  }

  private summary(count: number, kind: 'weeks' | 'caseworkers'): string {
    return this.transloco.translate(`dashboard.chartSummary.${kind}`, { count });
  }
}
