import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import {
  CHECK_IN_OVERVIEW_EXPORT_PATH,
  CHECK_IN_TIMELINESS,
  type CheckInListDrillDown,
  type CheckInOverviewItem,
} from '@waakvlam/contracts';
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
import { activeCaseworkers } from '../watch-list/active-caseworkers.util';
import { CheckInOverviewService } from './check-in-overview.service';

type CheckInFilterKey = keyof CheckInListDrillDown;

/**
 * "Contactmomenten": the check-ins due in a period with how each turned out (on time, late, missed, open), for
 * coordinators; newest due first. Filters in the URL (the dashboard's check-in figures link here), the export
 * carries them.
 */
@Component({
  selector: 'wv-check-in-overview',
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
  templateUrl: './check-in-overview.component.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CheckInOverviewComponent {
  private readonly overview = inject(CheckInOverviewService);
  protected readonly dates = inject(DateFormatService);

  protected readonly timelinessValues = CHECK_IN_TIMELINESS;
  protected readonly filters = new UrlFilters<CheckInFilterKey>({
    dueFrom: isIsoDay,
    dueTo: isIsoDay,
    timeliness: oneOf(CHECK_IN_TIMELINESS),
    caseworkerId: isUuid,
    neighbourhood: isShortText,
  });
  protected readonly caseworkers = activeCaseworkers(inject(UsersService));

  protected readonly list = new PagedList<CheckInOverviewItem>(
    (page, pageSize) => this.overview.list(this.filters.values(), page, pageSize),
    () => this.filters.values(),
  );

  protected readonly exportHref = computed(() =>
    withQuery(CHECK_IN_OVERVIEW_EXPORT_PATH, this.filters.values()),
  );
  protected readonly chips = computed(() => {
    const f = this.filters.values();
    return chips(
      dayRangeChip('due', f.dueFrom, f.dueTo, (value) => this.dates.dayMonth(value), 'checkInOverview.due'),
      valueChip(
        'timeliness',
        'checkInOverview.fields.timeliness',
        f.timeliness,
        (t) => `checkInOverview.timeliness.${t}`,
      ),
      caseworkerChip(f.caseworkerId, this.caseworkers()),
      neighbourhoodChip(f.neighbourhood),
    );
  });

  protected chooseTimeliness(event: Event): void {
    void this.filters.set({ timeliness: (event.target as HTMLSelectElement).value || null });
  }

  protected clear(id: string): void {
    void this.filters.clear(id === 'due' ? ['dueFrom', 'dueTo'] : [id as CheckInFilterKey]);
  }
}
