import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import type { NotificationSummary, Page } from '@waakvlam/contracts';
import { must, settle, testTransloco } from '../../../testing/test-transloco.util';
import { NotificationListComponent } from './notification-list.component';
import { NOTIFICATIONS_PATH, notificationRetryPath } from './notifications.service';

function aNotification(overrides: Partial<NotificationSummary> = {}): NotificationSummary {
  return {
    id: 'n1',
    recipient: 'jan@voorbeeld.nl',
    subject: 'Herinnering contactmoment',
    status: 'sent',
    attempts: 1,
    lastError: null,
    createdAt: '2031-02-03T09:00:00.000Z',
    sentAt: '2031-02-03T09:01:00.000Z',
    ...overrides,
  };
}

function page(items: NotificationSummary[], total = items.length, pageNumber = 1): Page<NotificationSummary> {
  return { items, page: pageNumber, pageSize: 25, total };
}

const DEAD = aNotification({
  id: 'n2',
  subject: 'Waakvlam gestart',
  status: 'dead',
  attempts: 5,
  lastError: 'SMTP 550',
  sentAt: null,
});

describe('NotificationListComponent', () => {
  let fixture: ComponentFixture<NotificationListComponent>;
  let http: HttpTestingController;
  let element: HTMLElement;

  async function stable(): Promise<void> {
    await settle();
    await fixture.whenStable();
  }

  async function render(first: Page<NotificationSummary>): Promise<void> {
    TestBed.configureTestingModule({
      imports: [NotificationListComponent, testTransloco()],
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(NotificationListComponent);
    element = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    http.expectOne({ method: 'GET', url: `${NOTIFICATIONS_PATH}?page=1&pageSize=25` }).flush(first);
    await stable();
  }

  function rows(): HTMLTableRowElement[] {
    return [...element.querySelectorAll<HTMLTableRowElement>('[data-testid=notifications] tr')];
  }

  afterEach(() => http.verify());

  it('lists the notifications with Dutch statuses and a retry button only on dead ones', async () => {
    await render(page([aNotification(), DEAD]));
    expect(element.querySelector('h1')?.textContent?.trim()).toBe('Berichten');
    const headers = [...element.querySelectorAll('thead th')].map((th) => th.textContent?.trim());
    expect(headers.slice(0, 7)).toEqual([
      'Ontvanger',
      'Onderwerp',
      'Status',
      'Pogingen',
      'Aangemaakt',
      'Verstuurd',
      'Fout',
    ]);
    expect(rows().map((row) => row.querySelector('[data-testid=status]')?.textContent?.trim())).toEqual([
      'Verstuurd',
      'Mislukt',
    ]);
    expect(rows()[0].querySelector('[data-testid=retry]')).toBeNull();
    const retry = must(rows()[1].querySelector<HTMLButtonElement>('[data-testid=retry]'));
    expect(retry.textContent?.replace(/\s+/g, ' ').trim()).toBe('Opnieuw versturen: Waakvlam gestart');
    expect(rows()[1].textContent).toContain('SMTP 550');
  });

  it('shows an empty state', async () => {
    await render(page([]));
    expect(element.querySelector('[data-testid=empty]')?.textContent?.trim()).toBe(
      'Er zijn geen berichten met deze status.',
    );
    expect(element.querySelector('table')).toBeNull();
  });

  it('filters by status and pages with the filter kept', async () => {
    await render(page([aNotification()], 60));
    const select = must(element.querySelector<HTMLSelectElement>('[data-testid=status-filter]'));
    expect([...select.options].map((option) => option.textContent?.trim())).toEqual([
      'Alle',
      'Wacht',
      'Wordt verstuurd',
      'Verstuurd',
      'Mislukt',
    ]);
    select.value = 'dead';
    select.dispatchEvent(new Event('change'));
    await stable();
    http.expectOne(`${NOTIFICATIONS_PATH}?status=dead&page=1&pageSize=25`).flush(page([DEAD], 60));
    await stable();
    expect(rows()).toHaveLength(1);

    const buttons = element.querySelectorAll<HTMLButtonElement>('wv-pagination button');
    must(buttons.item(buttons.length - 1), 'next page').click();
    await stable();
    http.expectOne(`${NOTIFICATIONS_PATH}?status=dead&page=2&pageSize=25`).flush(page([DEAD], 60, 2));
    await stable();

    select.value = '';
    select.dispatchEvent(new Event('change'));
    await stable();
    http.expectOne(`${NOTIFICATIONS_PATH}?page=1&pageSize=25`).flush(page([]));
    await stable();
  });

  it('retries a dead notification, updates the row and announces it politely', async () => {
    await render(page([aNotification(), DEAD]));
    must(element.querySelector<HTMLButtonElement>('[data-testid=retry]')).click();
    await stable();
    const request = http.expectOne(notificationRetryPath('n2'));
    expect(request.request.method).toBe('POST');
    request.flush({ ...DEAD, status: 'pending', attempts: 0 });
    await stable();
    expect(rows()[1].querySelector('[data-testid=status]')?.textContent?.trim()).toBe('Wacht');
    expect(rows()[1].querySelector('[data-testid=retry]')).toBeNull();
    const live = must(element.querySelector('[data-testid=announcement]'));
    expect(live.getAttribute('role')).toBe('status');
    expect(live.textContent?.trim()).toBe('Bericht wordt opnieuw verstuurd.');
  });

  it('explains a 409 and reloads the list', async () => {
    await render(page([DEAD]));
    must(element.querySelector<HTMLButtonElement>('[data-testid=retry]')).click();
    await stable();
    http
      .expectOne(notificationRetryPath('n2'))
      .flush(
        { type: 'about:blank', title: 'Conflict', status: 409 },
        { status: 409, statusText: 'Conflict' },
      );
    await stable();
    http.expectOne(`${NOTIFICATIONS_PATH}?page=1&pageSize=25`).flush(page([{ ...DEAD, status: 'sending' }]));
    await stable();
    expect(element.querySelector('[data-testid=retry-error]')?.textContent).toContain(
      'kan niet opnieuw worden verstuurd',
    );
    expect(rows()[0].querySelector('[data-testid=status]')?.textContent?.trim()).toBe('Wordt verstuurd');
    expect(element.querySelector('[data-testid=announcement]')?.textContent?.trim()).toBe('');
  });
});
