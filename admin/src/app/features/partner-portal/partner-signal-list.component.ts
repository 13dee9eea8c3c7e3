import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import {
  DEFAULT_PAGE_SIZE,
  SIGNAL_STATUSES,
  type PartnerSignal,
  type PartnerSignalFeedback,
  type SignalStatus,
} from '@waakvlam/contracts';
import { AuthService } from '../../core/auth/auth.service';
import { DateFormatService } from '../../shared/dates/date-format.service';
import { DataTableComponent } from '../../shared/lists/data-table.component';
import { FilterSelectComponent } from '../../shared/lists/filter-select.component';
import { ListStateComponent } from '../../shared/lists/list-state.component';
import { PaginationComponent } from '../../shared/pagination/pagination.component';
import { SignalsService, formatAddress } from '../signals/signals.service';

/** The partner portal's start: the partner organisation's own signals, their status and the latest feedback. */
@Component({
  selector: 'wv-partner-signal-list',
  imports: [
    RouterLink,
    TranslocoPipe,
    DataTableComponent,
    FilterSelectComponent,
    ListStateComponent,
    PaginationComponent,
  ],
  templateUrl: './partner-signal-list.component.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PartnerSignalListComponent {
  private readonly signals = inject(SignalsService);
  protected readonly me = inject(AuthService).me;
  protected readonly dates = inject(DateFormatService);

  protected readonly statuses = SIGNAL_STATUSES;
  protected readonly formatAddress = formatAddress;
  protected readonly status = signal<SignalStatus | null>(null);
  protected readonly items = signal<PartnerSignal[]>([]);
  protected readonly page = signal(1);
  protected readonly pageSize = signal(DEFAULT_PAGE_SIZE);
  protected readonly total = signal(0);
  protected readonly loaded = signal(false);
  protected readonly loadError = signal(false);

  constructor() {
    void this.load(1);
  }

  /** The newest feedback text of a signal, if any. */
  protected latest(signal: PartnerSignal): PartnerSignalFeedback | null {
    return signal.feedback.reduce<PartnerSignalFeedback | null>(
      (newest, item) => (newest === null || item.createdAt > newest.createdAt ? item : newest),
      null,
    );
  }

  protected chooseStatus(event: Event): void {
    const value = (event.target as HTMLSelectElement).value;
    this.status.set((SIGNAL_STATUSES as readonly string[]).includes(value) ? (value as SignalStatus) : null);
    void this.load(1);
  }

  protected async load(page: number): Promise<void> {
    this.loadError.set(false);
    try {
      const result = await this.signals.listOwn({ status: this.status(), page, pageSize: this.pageSize() });
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
