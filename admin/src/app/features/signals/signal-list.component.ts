import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import {
  DEFAULT_PAGE_SIZE,
  SIGNAL_CATEGORIES,
  SIGNAL_STATUSES,
  type Signal,
  type SignalCategory,
  type SignalStatus,
} from '@waakvlam/contracts';
import { DateFormatService } from '../../shared/dates/date-format.service';
import { DataTableComponent } from '../../shared/lists/data-table.component';
import { FilterSelectComponent } from '../../shared/lists/filter-select.component';
import { ListStateComponent } from '../../shared/lists/list-state.component';
import { PaginationComponent } from '../../shared/pagination/pagination.component';
import { SignalsService, formatAddress } from './signals.service';

/** "Signalen": the partners' signals, for coordinators to triage; newest first, by status and category. */
@Component({
  selector: 'wv-signal-list',
  imports: [
    RouterLink,
    TranslocoPipe,
    DataTableComponent,
    FilterSelectComponent,
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
  protected readonly category = signal<SignalCategory | null>(null);
  protected readonly items = signal<Signal[]>([]);
  protected readonly page = signal(1);
  protected readonly pageSize = signal(DEFAULT_PAGE_SIZE);
  protected readonly total = signal(0);
  protected readonly loaded = signal(false);
  protected readonly loadError = signal(false);

  constructor() {
    void this.load(1);
  }

  protected chooseStatus(event: Event): void {
    const value = (event.target as HTMLSelectElement).value;
    this.status.set((SIGNAL_STATUSES as readonly string[]).includes(value) ? (value as SignalStatus) : null);
    void this.load(1);
  }

  protected chooseCategory(event: Event): void {
    const value = (event.target as HTMLSelectElement).value;
    this.category.set(
      (SIGNAL_CATEGORIES as readonly string[]).includes(value) ? (value as SignalCategory) : null,
    );
    void this.load(1);
  }

  protected async load(page: number): Promise<void> {
    this.loadError.set(false);
    try {
      const result = await this.signals.list({
        status: this.status(),
        category: this.category(),
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
