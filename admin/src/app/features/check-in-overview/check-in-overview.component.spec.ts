import type { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { CHECK_IN_OVERVIEW_PATH, type CheckInOverviewItem, type Page } from '@waakvlam/contracts';
import { openRoutedList } from '../../../testing/routed-list.util';
import { must } from '../../../testing/test-transloco.util';
import { CheckInOverviewComponent } from './check-in-overview.component';

const CASEWORKER = {
  id: '2f1b5c1e-7d3a-4a8e-9d5e-0b8b8f6c1a01',
  email: 'bram@voorbeeld.nl',
  displayName: 'Bram Bos',
  role: 'caseworker',
  active: true,
};

function anItem(overrides: Partial<CheckInOverviewItem> = {}): CheckInOverviewItem {
  return {
    id: 'c1',
    watchId: 'w1',
    client: { id: 'k1', name: 'Jan Jansen', reference: 'REF-1' },
    caseworker: { id: CASEWORKER.id, displayName: CASEWORKER.displayName },
    handedOverFrom: null,
    contactMode: 'phone',
    dueDate: '2026-03-09',
    graceEndsOn: '2026-03-12',
    status: 'missed',
    outcome: null,
    channel: null,
    note: null,
    completedAt: null,
    completedBy: null,
    timeliness: 'missed',
    ...overrides,
  };
}

const page = (items: CheckInOverviewItem[]): Page<CheckInOverviewItem> => ({
  items,
  page: 1,
  pageSize: 25,
  total: items.length,
});

describe('CheckInOverviewComponent', () => {
  let http: HttpTestingController;
  let stable: () => Promise<void>;

  afterEach(() => http.verify());

  async function open(url: string): Promise<HTMLElement> {
    const list = await openRoutedList(CheckInOverviewComponent, 'contactmomenten', url);
    ({ http, stable } = list);
    http
      .expectOne('/api/users?pageSize=100')
      .flush({ items: [CASEWORKER], page: 1, pageSize: 100, total: 1 });
    await stable();
    return list.element();
  }

  it('opens with the filters of the link, asks the API for them and sums them up', async () => {
    const element = await open(
      `/contactmomenten?timeliness=missed&dueFrom=2026-03-01&dueTo=2026-03-31&caseworkerId=${CASEWORKER.id}`,
    );
    http
      .expectOne(
        `${CHECK_IN_OVERVIEW_PATH}?dueFrom=2026-03-01&dueTo=2026-03-31&timeliness=missed&caseworkerId=${CASEWORKER.id}&page=1&pageSize=25`,
      )
      .flush(page([anItem()]));
    await stable();

    expect(must(element.querySelector('[data-testid=filter-summary] p')).textContent?.trim()).toMatch(
      /^Gefilterd op: gepland 1 mrt\.? – 31 mrt\.?, Tijdigheid Gemist, Begeleider Bram Bos$/,
    );
    const rows = [...element.querySelectorAll('[data-testid=check-ins] tr')];
    expect(rows).toHaveLength(1);
    expect(rows[0].querySelector('[data-testid=timeliness]')?.textContent?.trim()).toBe('Gemist');
    expect(rows[0].querySelector('a')?.getAttribute('href')).toBe('/inwoners/k1');
    expect(must(element.querySelector('[data-testid=export-link]')).getAttribute('href')).toBe(
      `/api/check-ins/overview/export.csv?dueFrom=2026-03-01&dueTo=2026-03-31&timeliness=missed&caseworkerId=${CASEWORKER.id}`,
    );
  });

  it('clears one filter by navigating without it, and reloads the list', async () => {
    const element = await open('/contactmomenten?timeliness=late&dueFrom=2026-03-01');
    http
      .expectOne(`${CHECK_IN_OVERVIEW_PATH}?dueFrom=2026-03-01&timeliness=late&page=1&pageSize=25`)
      .flush(page([]));
    await stable();

    must(element.querySelector<HTMLButtonElement>('[data-testid=clear-filter-timeliness]')).click();
    await stable();
    expect(TestBed.inject(Router).url).toBe('/contactmomenten?dueFrom=2026-03-01');
    http.expectOne(`${CHECK_IN_OVERVIEW_PATH}?dueFrom=2026-03-01&page=1&pageSize=25`).flush(page([anItem()]));
    await stable();
    expect(element.querySelector('[data-testid=filter-summary-text]')?.textContent).toMatch(
      /^gepland vanaf 1 mrt\.?$/,
    );
  });

  it('writes a chosen filter into the URL and ignores values the API would refuse', async () => {
    const element = await open('/contactmomenten?timeliness=soon&dueFrom=2026-02-30');
    http.expectOne(`${CHECK_IN_OVERVIEW_PATH}?page=1&pageSize=25`).flush(page([]));
    await stable();
    expect(element.querySelector('[data-testid=filter-summary]')).toBeNull();

    const select = must(element.querySelector<HTMLSelectElement>('[data-testid=timeliness-filter]'));
    select.value = 'on_time';
    select.dispatchEvent(new Event('change'));
    await stable();
    expect(TestBed.inject(Router).url).toBe('/contactmomenten?timeliness=on_time');
    http.expectOne(`${CHECK_IN_OVERVIEW_PATH}?timeliness=on_time&page=1&pageSize=25`).flush(page([]));
    await stable();
    expect(element.textContent).toContain('Geen contactmomenten die aan de filters voldoen.');
  });
});
