import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import {
  DEFAULT_PAGE_SIZE,
  REACTIVATION_LIST_SORTS,
  REACTIVATION_STATUSES,
  REACTIVATION_URGENCIES,
  type ReactivationListQuery,
  type ReactivationListSort,
  type ReactivationRequest,
  type ReactivationStatus,
  type ReactivationUrgency,
} from '@waakvlam/contracts';
import { AuthService } from '../../core/auth/auth.service';
import { DateFormatService } from '../../shared/dates/date-format.service';
import { DataTableComponent } from '../../shared/lists/data-table.component';
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
 * assigned to them, newest first. Filters and order are the API's (`?status&urgency&sort`).
 */
@Component({
  selector: 'wv-reactivation-list',
  imports: [
    RouterLink,
    TranslocoPipe,
    DataTableComponent,
    FilterSelectComponent,
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

  protected readonly items = signal<ReactivationRequest[]>([]);
  protected readonly page = signal(1);
  protected readonly pageSize = signal(DEFAULT_PAGE_SIZE);
  protected readonly total = signal(0);
  protected readonly loaded = signal(false);
  protected readonly loadError = signal(false);

  constructor() {
    void this.load(1);
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

  protected async load(page: number): Promise<void> {
    this.loadError.set(false);
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
    try {
      const result = await this.reactivations.list(query);
      this.items.set(result.items);
      this.page.set(result.page);
      this.total.set(result.total);
    } catch {
      this.loadError.set(true);
    } finally {
      this.loaded.set(true);
    }
  }
}
