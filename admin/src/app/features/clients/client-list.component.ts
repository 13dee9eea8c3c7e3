import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { DEFAULT_PAGE_SIZE, type ClientSummary } from '@waakvlam/contracts';
import { PaginationComponent } from '../../shared/pagination/pagination.component';
import { ClientsService } from './clients.service';

/** "Inwoners": search by name, reference or postcode. */
@Component({
  selector: 'wv-client-list',
  imports: [RouterLink, TranslocoPipe, PaginationComponent],
  templateUrl: './client-list.component.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ClientListComponent {
  private readonly clients = inject(ClientsService);

  protected readonly query = signal('');
  /** The query the shown results belong to. */
  protected readonly searched = signal('');
  protected readonly items = signal<ClientSummary[]>([]);
  protected readonly page = signal(1);
  protected readonly pageSize = signal(DEFAULT_PAGE_SIZE);
  protected readonly total = signal(0);
  protected readonly loaded = signal(false);
  protected readonly loadError = signal(false);

  constructor() {
    void this.load(1);
  }

  protected typeQuery(event: Event): void {
    this.query.set((event.target as HTMLInputElement).value);
  }

  protected search(event: Event): void {
    event.preventDefault();
    this.searched.set(this.query().trim());
    void this.load(1);
  }

  protected async load(page: number): Promise<void> {
    this.loadError.set(false);
    try {
      const result = await this.clients.search({ q: this.searched(), page, pageSize: this.pageSize() });
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
