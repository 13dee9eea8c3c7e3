import { effect, signal, untracked } from '@angular/core';
import { DEFAULT_PAGE_SIZE, type Page } from '@waakvlam/contracts';

/**
 * A list's page, its loading state and its reload: `load(page)` asks `fetch` and keeps the answer or the error.
 * With `reloadOn` (e.g. the URL's filters) it loads page 1 at once and again whenever that changes; create it in an
 * injection context then.
 */
export class PagedList<T> {
  readonly items = signal<T[]>([]);
  readonly page = signal(1);
  readonly pageSize = signal(DEFAULT_PAGE_SIZE);
  readonly total = signal(0);
  readonly loaded = signal(false);
  readonly loadError = signal(false);

  constructor(
    private readonly fetch: (page: number, pageSize: number) => Promise<Page<T>>,
    reloadOn?: () => unknown,
  ) {
    if (reloadOn) {
      effect(() => {
        reloadOn();
        untracked(() => void this.load(1));
      });
    }
  }

  async load(page: number): Promise<void> {
    this.loadError.set(false);
    try {
      const result = await this.fetch(page, this.pageSize());
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
