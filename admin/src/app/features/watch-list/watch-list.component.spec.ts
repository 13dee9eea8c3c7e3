import type { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { API_PATHS, type Page, type Watch } from '@waakvlam/contracts';
import { openRoutedList } from '../../../testing/routed-list.util';
import { must } from '../../../testing/test-transloco.util';
import { WatchListComponent } from './watch-list.component';

function aWatch(overrides: Partial<Watch> = {}): Watch {
  return {
    id: 'w1',
    client: { id: 'k1', name: 'Jan Jansen', reference: 'REF-1' },
    status: 'lapsed',
    primaryCaseworker: { id: 'u2', displayName: 'Bram Bos' },
    backupCaseworker: { id: 'u3', displayName: 'Cor Cats' },
    nextCheckIn: { id: 'c1', dueDate: '2026-03-20' },
    ...overrides,
  } as Watch;
}

const page = (items: Watch[]): Page<Watch> => ({ items, page: 1, pageSize: 25, total: items.length });

describe('WatchListComponent', () => {
  let http: HttpTestingController;
  let stable: () => Promise<void>;

  afterEach(() => http.verify());

  async function open(url: string): Promise<HTMLElement> {
    const list = await openRoutedList(WatchListComponent, 'waakvlammen', url);
    ({ http, stable } = list);
    http.expectOne('/api/users?pageSize=100').flush({ items: [], page: 1, pageSize: 100, total: 0 });
    await stable();
    return list.element();
  }

  it('lists the watches of the link with client, status, caseworkers and next check-in', async () => {
    const element = await open('/waakvlammen?lapsedFrom=2026-01-01&lapsedTo=2026-03-31&neighbourhood=');
    http
      .expectOne(
        `${API_PATHS.watches}?neighbourhood=&lapsedFrom=2026-01-01&lapsedTo=2026-03-31&page=1&pageSize=25`,
      )
      .flush(page([aWatch()]));
    await stable();

    const row = must(element.querySelector('[data-testid=watches] tr'));
    expect(row.querySelector('a')?.getAttribute('href')).toBe('/inwoners/k1');
    expect(row.textContent).toContain('Jan Jansen');
    expect(row.textContent).toContain('REF-1');
    expect(row.querySelector('[data-testid=status]')?.textContent?.trim()).toBe('Contact verloren');
    expect(row.textContent).toContain('Bram Bos');
    expect(row.textContent).toContain('Vervanger: Cor Cats');
    expect(row.querySelector('time')?.getAttribute('datetime')).toBe('2026-03-20');
    expect(element.querySelector('[data-testid=filter-summary-text]')?.textContent).toMatch(
      /^Wijk geen wijk, contact verloren 1 jan\.? – 31 mrt\.?$/,
    );
    expect(must(element.querySelector('[data-testid=export-link]')).getAttribute('href')).toBe(
      '/api/watches/export.csv?neighbourhood=&lapsedFrom=2026-01-01&lapsedTo=2026-03-31',
    );
  });

  it('clears every filter at once', async () => {
    const element = await open('/waakvlammen?status=lapsed&neighbourhood=Noord');
    http
      .expectOne(`${API_PATHS.watches}?status=lapsed&neighbourhood=Noord&page=1&pageSize=25`)
      .flush(page([]));
    await stable();
    expect(element.textContent).toContain('Geen waakvlammen die aan de filters voldoen.');

    must(element.querySelector<HTMLButtonElement>('[data-testid=clear-filters]')).click();
    await stable();
    expect(TestBed.inject(Router).url).toBe('/waakvlammen');
    http.expectOne(`${API_PATHS.watches}?page=1&pageSize=25`).flush(page([aWatch({ nextCheckIn: null })]));
    await stable();
    expect(element.querySelector('[data-testid=filter-summary]')).toBeNull();
    expect(element.querySelector('[data-testid=export-link]')?.getAttribute('href')).toBe(
      '/api/watches/export.csv',
    );
    expect(element.textContent).toContain('Geen gepland');
  });
});
