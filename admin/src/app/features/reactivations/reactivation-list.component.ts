import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  signal,
  untracked,
} from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import {
  DEFAULT_PAGE_SIZE,
  REACTIVATION_LIST_SORTS,
  REACTIVATION_SOURCES,
  REACTIVATION_STATUSES,
  REACTIVATION_URGENCIES,
  type ReactivationListDrillDown,
  type ReactivationListQuery,
  type ReactivationListSort,
  type ReactivationRequest,
  type ReactivationStatus,
  type ReactivationUrgency,
} from '@waakvlam/contracts';
import { REACTIVATIONS_PATH } from '@waakvlam/contracts';
import { AuthService } from '../../core/auth/auth.service';
import { DateFormatService } from '../../shared/dates/date-format.service';
import { DataTableComponent } from '../../shared/lists/data-table.component';
import { ExportLinkComponent } from '../../shared/lists/export-link.component';
import { InputFilterComponent } from '../../shared/lists/input-filter.component';
import {
  caseworkerChip,
  chips,
  dayRangeChip,
  neighbourhoodChip,
  valueChip,
} from '../../shared/lists/filter-chips.util';
import { FilterSummaryComponent } from '../../shared/lists/filter-summary.component';
import {
  UrlFilters,
  isIsoDay,
  isShortText,
  isTrueOrFalse,
  isUuid,
  oneOf,
  withQuery,
} from '../../shared/lists/url-filters';
import { FilterSelectComponent } from '../../shared/lists/filter-select.component';
import { ListStateComponent } from '../../shared/lists/list-state.component';
import { PaginationComponent } from '../../shared/pagination/pagination.component';
import { tickingClock } from '../../shared/time/ticking-clock';
import { UsersService, type StaffUser } from '../users/users.service';
import { ReactivationsService } from './reactivations.service';
import { SlaCountdownComponent } from './sla-countdown.component';

/** The assignee filter: everyone, the pool (nobody yet), me, or one user's id. */
type AssigneeFilter = 'all' | 'pool' | 'mine' | string;

/**
 * "Heractiveringen": the reactivation queue. Coordinators see every request of the organisation, the most urgent
 * deadline first, and filter by status, urgency and assignee (or the pool); caseworkers start with the requests
 * assigned to them, newest first. Filters and order are the API's (`?status&urgency&sort`); the dashboard's
 * drill-down filters (`?createdFrom&createdTo&source&slaBreached&withoutIntake&caseworkerId&neighbourhood`) live in
 * the URL, are summed up above the list and go with the CSV export (coordinators).
 */
@Component({
  selector: 'wv-reactivation-list',
  imports: [
    RouterLink,
    TranslocoPipe,
    DataTableComponent,
    ExportLinkComponent,
    InputFilterComponent,
    FilterSelectComponent,
    FilterSummaryComponent,
    ListStateComponent,
    PaginationComponent,
    SlaCountdownComponent,
  ],
  templateUrl: './reactivation-list.component.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReactivationListComponent {
  private readonly auth = inject(AuthService);
  private readonly reactivations = inject(ReactivationsService);
  private readonly users = inject(UsersService);
  protected readonly dates = inject(DateFormatService);

  protected readonly statuses = REACTIVATION_STATUSES;
  protected readonly urgencies = REACTIVATION_URGENCIES;
  /** The orders besides the newest first (the select's first option). */
  protected readonly sorts = REACTIVATION_LIST_SORTS.filter((sort) => sort !== 'created');
  protected readonly now = tickingClock();

  protected readonly isManager = computed(() => {
    const role = this.auth.me()?.role;
    return role === 'admin' || role === 'coordinator';
  });

  protected readonly status = signal<ReactivationStatus | null>(null);
  protected readonly urgency = signal<ReactivationUrgency | null>(null);
  /** Coordinators start with the most urgent deadline first; caseworkers with the newest first. */
  protected readonly sort = signal<ReactivationListSort>(this.isManager() ? 'sla' : 'created');
  protected readonly assignee = signal<AssigneeFilter>(this.isManager() ? 'all' : 'mine');
  protected readonly staff = signal<StaffUser[]>([]);

  /** The dashboard's drill-down filters, in the URL. */
  protected readonly drillDown = new UrlFilters<keyof ReactivationListDrillDown>({
    createdFrom: isIsoDay,
    createdTo: isIsoDay,
    source: oneOf(REACTIVATION_SOURCES),
    slaBreached: isTrueOrFalse,
    withoutIntake: isTrueOrFalse,
    caseworkerId: isUuid,
    neighbourhood: isShortText,
  });
  protected readonly sources = REACTIVATION_SOURCES;
  protected readonly drillDownChips = computed(() => {
    const f = this.drillDown.values();
    const yesNo = (value: string) => (value === 'true' ? 'listFilters.yes' : 'listFilters.no');
    return chips(
      valueChip('source', 'drillDown.reactivations.source', f.source, (v) => `reactivationSources.${v}`),
      dayRangeChip('created', f.createdFrom, f.createdTo, (value) => this.dates.dayMonth(value)),
      valueChip('slaBreached', 'drillDown.reactivations.slaBreached', f.slaBreached, yesNo),
      valueChip('withoutIntake', 'drillDown.reactivations.withoutIntake', f.withoutIntake, yesNo),
      caseworkerChip(f.caseworkerId, this.staff()),
      neighbourhoodChip(f.neighbourhood),
    );
  });
  /** The export: the list's own filters and order, and the drill-down ones. */
  protected readonly exportHref = computed(() => {
    const { page: _page, pageSize: _pageSize, ...query } = this.query(1);
    const own = Object.fromEntries(Object.entries(query).map(([k, v]) => [k, String(v)]));
    return withQuery(`${REACTIVATIONS_PATH}/export.csv`, { ...own, ...this.drillDown.values() });
  });

  protected readonly items = signal<ReactivationRequest[]>([]);
  protected readonly page = signal(1);
  protected readonly pageSize = signal(DEFAULT_PAGE_SIZE);
  protected readonly total = signal(0);
  protected readonly loaded = signal(false);
  protected readonly loadError = signal(false);

  constructor() {
    effect(() => {
      this.drillDown.values();
      untracked(() => void this.load(1));
    });
    if (this.isManager()) {
      this.users
        .assignable()
        .then((staff) => this.staff.set(staff))
        .catch(() => this.staff.set([]));
    }
  }

  protected chooseStatus(event: Event): void {
    const value = (event.target as HTMLSelectElement).value;
    this.status.set(
      (REACTIVATION_STATUSES as readonly string[]).includes(value) ? (value as ReactivationStatus) : null,
    );
    void this.load(1);
  }

  protected chooseUrgency(event: Event): void {
    const value = (event.target as HTMLSelectElement).value;
    this.urgency.set(
      (REACTIVATION_URGENCIES as readonly string[]).includes(value) ? (value as ReactivationUrgency) : null,
    );
    void this.load(1);
  }

  /** The select's first option ('') is the newest first. */
  protected chooseSort(event: Event): void {
    const value = (event.target as HTMLSelectElement).value;
    this.sort.set(
      (REACTIVATION_LIST_SORTS as readonly string[]).includes(value)
        ? (value as ReactivationListSort)
        : 'created',
    );
    void this.load(1);
  }

  protected chooseAssignee(event: Event): void {
    this.assignee.set((event.target as HTMLSelectElement).value || 'all');
    void this.load(1);
  }

  protected chooseSource(event: Event): void {
    void this.drillDown.set({ source: (event.target as HTMLSelectElement).value || null });
  }

  protected clearDrillDown(id: string): void {
    void this.drillDown.clear(
      id === 'created' ? ['createdFrom', 'createdTo'] : [id as keyof ReactivationListDrillDown],
    );
  }

  protected async load(page: number): Promise<void> {
    this.loadError.set(false);
    try {
      const result = await this.reactivations.list(this.query(page), this.drillDown.values());
      this.items.set(result.items);
      this.page.set(result.page);
      this.total.set(result.total);
    } catch {
      this.loadError.set(true);
    } finally {
      this.loaded.set(true);
    }
  }

  /** The list's own filters and order as the API takes them. */
  private query(page: number): ReactivationListQuery {
    const query: ReactivationListQuery = { page, pageSize: this.pageSize() };
    const status = this.status();
    if (status) query.status = status;
    const urgency = this.urgency();
    if (urgency) query.urgency = urgency;
    if (this.sort() !== 'created') query.sort = this.sort();
    const assignee = this.assignee();
    if (assignee === 'pool') query.pool = true;
    else if (assignee === 'mine') query.mine = true;
    else if (assignee !== 'all') query.assigneeId = assignee;
    return query;
  }
}
