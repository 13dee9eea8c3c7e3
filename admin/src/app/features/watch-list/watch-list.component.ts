import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { WATCH_STATUSES, type Watch, type WatchListDrillDown } from '@waakvlam/contracts';
import { DateFormatService } from '../../shared/dates/date-format.service';
import { CaseworkerFilterComponent } from '../../shared/lists/caseworker-filter.component';
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
import { FilterSelectComponent } from '../../shared/lists/filter-select.component';
import { FilterSummaryComponent } from '../../shared/lists/filter-summary.component';
import { ListStateComponent } from '../../shared/lists/list-state.component';
import { PagedList } from '../../shared/lists/paged-list';
import { UrlFilters, isIsoDay, isShortText, isUuid, oneOf, withQuery } from '../../shared/lists/url-filters';
import { PaginationComponent } from '../../shared/pagination/pagination.component';
import { UsersService } from '../users/users.service';
import { activeCaseworkers } from './active-caseworkers.util';
import { WATCH_EXPORT_PATH, WatchListService } from './watch-list.service';

type WatchFilterKey = keyof WatchListDrillDown;

/**
 * "Waakvlammen": every watch of the organisation for coordinators, filtered by status, caseworker, wijk and when it
 * lapsed. The filters live in the URL (the dashboard links here with them); the export carries the same filters.
 */
@Component({
  selector: 'wv-watch-list',
  imports: [
    RouterLink,
    TranslocoPipe,
    CaseworkerFilterComponent,
    DataTableComponent,
    ExportLinkComponent,
    InputFilterComponent,
    FilterSelectComponent,
    FilterSummaryComponent,
    ListStateComponent,
    PaginationComponent,
  ],
  templateUrl: './watch-list.component.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class WatchListComponent {
  private readonly watches = inject(WatchListService);
  protected readonly dates = inject(DateFormatService);

  protected readonly statuses = WATCH_STATUSES;
  protected readonly filters = new UrlFilters<WatchFilterKey>({
    status: oneOf(WATCH_STATUSES),
    caseworkerId: isUuid,
    caseworkerRole: oneOf(['primary', 'backup']),
    open: oneOf(['true']),
    neighbourhood: isShortText,
    lapsedFrom: isIsoDay,
    lapsedTo: isIsoDay,
  });
  protected readonly caseworkers = activeCaseworkers(inject(UsersService));

  protected readonly list = new PagedList<Watch>(
    (page, pageSize) => this.watches.list(this.filters.values(), page, pageSize),
    () => this.filters.values(),
  );

  protected readonly exportHref = computed(() => withQuery(WATCH_EXPORT_PATH, this.filters.values()));
  protected readonly chips = computed(() => {
    const f = this.filters.values();
    const day = (value: string) => this.dates.dayMonth(value);
    return chips(
      valueChip('status', 'watchList.fields.status', f.status, (s) => `watchStatuses.${s}`),
      caseworkerChip(f.caseworkerId, this.caseworkers()),
      valueChip('open', 'watchList.fields.open', f.open, () => 'watchList.openOnly'),
      valueChip(
        'caseworkerRole',
        'watchList.fields.caseworkerRole',
        f.caseworkerRole,
        (r) => `watchList.roles.${r}`,
      ),
      neighbourhoodChip(f.neighbourhood),
      dayRangeChip('lapsed', f.lapsedFrom, f.lapsedTo, day, 'watchList.lapsed'),
    );
  });

  protected chooseStatus(event: Event): void {
    void this.filters.set({ status: (event.target as HTMLSelectElement).value || null });
  }

  protected clear(id: string): void {
    void this.filters.clear(id === 'lapsed' ? ['lapsedFrom', 'lapsedTo'] : [id as WatchFilterKey]);
  }
}
