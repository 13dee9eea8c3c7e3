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
  SIGNAL_CATEGORIES,
  SIGNALS_PATH,
  SIGNAL_STATUSES,
  type Signal,
  type SignalCategory,
  type SignalListDrillDown,
  type SignalStatus,
} from '@waakvlam/contracts';
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
import { PartnerOrganisationsService } from '../partner-organisations/partner-organisations.service';
import { FilterSelectComponent } from '../../shared/lists/filter-select.component';
import { ListStateComponent } from '../../shared/lists/list-state.component';
import { PaginationComponent } from '../../shared/pagination/pagination.component';
import { SignalsService, formatAddress } from './signals.service';

/**
 * "Signalen": the partners' signals, for coordinators to triage; newest first, by status. The dashboard's
 * drill-down filters (`?category&receivedFrom&receivedTo&partnerOrganisationId&awaitingFeedback`) live in the URL,
 * are summed up above the list and go with the CSV export.
 */
@Component({
  selector: 'wv-signal-list',
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
  ],
  templateUrl: './signal-list.component.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SignalListComponent {
  private readonly signals = inject(SignalsService);
  protected readonly dates = inject(DateFormatService);

  protected readonly statuses = SIGNAL_STATUSES;
  protected readonly categories = SIGNAL_CATEGORIES;
  protected readonly formatAddress = formatAddress;

  protected readonly status = signal<SignalStatus | null>(null);
  protected readonly drillDown = new UrlFilters<keyof SignalListDrillDown>({
    category: oneOf(SIGNAL_CATEGORIES),
    receivedFrom: isIsoDay,
    receivedTo: isIsoDay,
    partnerOrganisationId: isUuid,
    awaitingFeedback: isTrueOrFalse,
    caseworkerId: isUuid,
    neighbourhood: isShortText,
  });
  protected readonly category = computed(() => (this.drillDown.values().category as SignalCategory) ?? null);
  private readonly partners = signal<Array<{ id: string; name: string }>>([]);
  protected readonly drillDownChips = computed(() => {
    const f = this.drillDown.values();
    const partner = this.partners().find((p) => p.id === f.partnerOrganisationId)?.name;
    return chips(
      valueChip('category', 'signals.fields.category', f.category, (v) => `signalCategories.${v}`),
      dayRangeChip('received', f.receivedFrom, f.receivedTo, (value) => this.dates.dayMonth(value)),
      f.partnerOrganisationId === undefined
        ? null
        : {
            id: 'partnerOrganisationId',
            parts: [
              { key: 'signals.fields.partner' },
              partner ? { text: partner } : { key: 'drillDown.signals.onePartner' },
            ],
          },
      valueChip('awaitingFeedback', 'drillDown.signals.awaitingFeedback', f.awaitingFeedback, (v) =>
        v === 'true' ? 'listFilters.yes' : 'listFilters.no',
      ),
      caseworkerChip(f.caseworkerId, []),
      neighbourhoodChip(f.neighbourhood),
    );
  });
  protected readonly exportHref = computed(() => {
    const status = this.status();
    return withQuery(`${SIGNALS_PATH}/export.csv`, {
      ...(status ? { status } : {}),
      ...this.drillDown.values(),
    });
  });
  protected readonly items = signal<Signal[]>([]);
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
    inject(PartnerOrganisationsService)
      .list()
      .then((partners) => this.partners.set(partners))
      .catch(() => this.partners.set([]));
  }

  protected clearDrillDown(id: string): void {
    void this.drillDown.clear(
      id === 'received' ? ['receivedFrom', 'receivedTo'] : [id as keyof SignalListDrillDown],
    );
  }

  protected chooseStatus(event: Event): void {
    const value = (event.target as HTMLSelectElement).value;
    this.status.set((SIGNAL_STATUSES as readonly string[]).includes(value) ? (value as SignalStatus) : null);
    void this.load(1);
  }

  protected chooseCategory(event: Event): void {
    void this.drillDown.set({ category: (event.target as HTMLSelectElement).value || null });
  }

  protected async load(page: number): Promise<void> {
    this.loadError.set(false);
    try {
      const result = await this.signals.list({
        status: this.status(),
        category: this.category(),
        drillDown: {
          receivedFrom: this.drillDown.values().receivedFrom,
          receivedTo: this.drillDown.values().receivedTo,
          partnerOrganisationId: this.drillDown.values().partnerOrganisationId,
          awaitingFeedback: this.drillDown.values().awaitingFeedback,
          caseworkerId: this.drillDown.values().caseworkerId,
          neighbourhood: this.drillDown.values().neighbourhood,
        },
        page,
        pageSize: this.pageSize(),
      });
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
