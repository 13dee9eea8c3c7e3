import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { DEFAULT_PAGE_SIZE, type Watch } from '@waakvlam/contracts';
import { DateFormatService } from '../../shared/dates/date-format.service';
import { PaginationComponent } from '../../shared/pagination/pagination.component';
import { WatchesService } from '../watches/watches.service';

/** "Mijn caseload": the waakvlammen of the signed-in caseworker. */
@Component({
  selector: 'wv-caseload',
  imports: [RouterLink, TranslocoPipe, PaginationComponent],
  templateUrl: './caseload.component.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CaseloadComponent {
  private readonly watches = inject(WatchesService);
  protected readonly dates = inject(DateFormatService);

  protected readonly items = signal<Watch[]>([]);
  protected readonly page = signal(1);
  protected readonly pageSize = signal(DEFAULT_PAGE_SIZE);
  protected readonly total = signal(0);
  protected readonly loaded = signal(false);
  protected readonly loadError = signal(false);

  constructor() {
    void this.load(1);
  }

  protected async load(page: number): Promise<void> {
    this.loadError.set(false);
    try {
      const result = await this.watches.list({ mine: true, page, pageSize: this.pageSize() });
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
