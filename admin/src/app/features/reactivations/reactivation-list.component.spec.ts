import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import {
  REACTIVATIONS_PATH,
  type Me,
  type Page,
  type ReactivationRequest,
  type UserRole,
} from '@waakvlam/contracts';
import { STAFF_USERS, aRequest } from '../../../testing/reactivation-fixtures';
import { aUser, must, settle, testTransloco } from '../../../testing/test-transloco.util';
import { AuthService } from '../../core/auth/auth.service';
import { ReactivationListComponent } from './reactivation-list.component';

function page(items: ReactivationRequest[], total = items.length, pageNumber = 1): Page<ReactivationRequest> {
  return { items, page: pageNumber, pageSize: 25, total };
}

describe('ReactivationListComponent', () => {
  let fixture: ComponentFixture<ReactivationListComponent>;
  let http: HttpTestingController;
  let element: HTMLElement;

  afterEach(() => http.verify());

  async function stable(): Promise<void> {
    await settle();
    await fixture.whenStable();
  }

  async function render(role: UserRole, first: Page<ReactivationRequest>): Promise<void> {
    const me = signal<Me | null>(aUser({ role }));
    TestBed.configureTestingModule({
      imports: [ReactivationListComponent, testTransloco()],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        { provide: AuthService, useValue: { me: me.asReadonly() } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ReactivationListComponent);
    element = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    const manager = role === 'coordinator' || role === 'admin';
    // Coordinators start with the most urgent deadline first, caseworkers with their own, newest first.
    http
      .expectOne(`${REACTIVATIONS_PATH}?${manager ? 'sort=sla&' : 'mine=true&'}page=1&pageSize=25`)
      .flush(first);
    if (manager)
      http
        .expectOne('/api/users?pageSize=100')
        .flush({ items: STAFF_USERS, page: 1, pageSize: 100, total: 4 });
    await stable();
  }

  function rows(): HTMLTableRowElement[] {
    return [...element.querySelectorAll<HTMLTableRowElement>('[data-testid=reactivations] tr')];
  }

  function select(testId: string): HTMLSelectElement {
    return must(element.querySelector<HTMLSelectElement>(`[data-testid=${testId}]`));
  }

  async function choose(testId: string, value: string): Promise<void> {
    const element = select(testId);
    element.value = value;
    element.dispatchEvent(new Event('change'));
    await stable();
  }

  it('lists the queue with urgency, sources, assignee or pool, and a countdown to the deadline', async () => {
    await render(
      'coordinator',
      page([
        aRequest({ urgency: 'urgent', sources: ['client', 'partner_signal'] }),
        aRequest({
          id: 'r2',
          client: { id: 'c2', name: 'Piet Pool', reference: 'R-2' },
          assignee: null,
          slaDueAt: new Date(Date.now() - 25 * 60_000).toISOString(),
          slaBreached: true,
        }),
      ]),
    );
    expect(element.querySelector('h1')?.textContent?.trim()).toBe('Heractiveringen');
    const [first, second] = rows();
    expect(first.querySelector('th a')?.getAttribute('href')).toBe('/heractiveringen/r1');
    expect(first.querySelector('[data-testid=urgency]')?.textContent?.trim()).toBe('Spoed');
    expect(first.textContent).toContain('Inwoner wil graag contact');
    expect(first.textContent).toContain('Signaal van ketenpartner');
    expect(first.querySelector('[data-testid=sla]')?.textContent?.trim()).toMatch(/^Nog 2 u [12] min$/);
    expect(first.querySelector('[data-testid=sla]')?.classList).not.toContain('wv-sla--breached');
    expect(second.querySelector('[data-testid=assignee]')?.textContent?.trim()).toBe('Nog niemand (pool)');
    const late = must(second.querySelector('[data-testid=sla]'));
    expect(late.textContent?.trim()).toMatch(/^2[56] min te laat$/);
    expect(late.classList).toContain('wv-sla--breached');
  });

  it('offers coordinators the pool and every active caseworker and coordinator as assignee filter', async () => {
    await render('coordinator', page([aRequest()]));
    expect([...select('assignee-filter').options].map((option) => option.textContent?.trim())).toEqual([
      'Iedereen',
      'Aan mij',
      'Nog niemand (pool)',
      'Anna de Vries (Begeleider)',
      'Bert Bos (Regievoerder)',
    ]);
    await choose('assignee-filter', 'pool');
    http.expectOne(`${REACTIVATIONS_PATH}?pool=true&sort=sla&page=1&pageSize=25`).flush(page([]));
    await stable();
    expect(element.querySelector('[data-testid=empty]')?.textContent?.trim()).toBe(
      'Er zijn geen heractiveringen met deze filters.',
    );
    await choose('assignee-filter', 'u2');
    http.expectOne(`${REACTIVATIONS_PATH}?assigneeId=u2&sort=sla&page=1&pageSize=25`).flush(page([]));
    await choose('status-filter', 'accepted');
    http
      .expectOne(`${REACTIVATIONS_PATH}?status=accepted&assigneeId=u2&sort=sla&page=1&pageSize=25`)
      .flush(page([]));
    await stable();
  });

  it('asks the API for one urgency, so the filter holds over every page and the total', async () => {
    await render('coordinator', page([aRequest(), aRequest({ id: 'r2', urgency: 'urgent' })], 60));
    expect(rows()).toHaveLength(2);
    await choose('urgency-filter', 'urgent');
    http
      .expectOne(`${REACTIVATIONS_PATH}?urgency=urgent&sort=sla&page=1&pageSize=25`)
      .flush(page([aRequest({ id: 'r2', urgency: 'urgent' })], 30));
    await stable();
    expect(rows().map((row) => row.getAttribute('data-id'))).toEqual(['r2']);
    expect(select('urgency-filter').value).toBe('urgent');
    await choose('urgency-filter', '');
    http.expectOne(`${REACTIVATIONS_PATH}?sort=sla&page=1&pageSize=25`).flush(page([aRequest()]));
    await stable();
    expect(rows()).toHaveLength(1);
  });

  it('sorts coordinators by the most urgent deadline first, and lets them choose newest first', async () => {
    await render('coordinator', page([aRequest()]));
    expect(select('sort').value).toBe('sla');
    expect(element.querySelector('label[for=reactivation-sort]')?.textContent?.trim()).toBe('Volgorde');
    expect([...select('sort').options].map((option) => option.textContent?.trim())).toEqual([
      'Nieuwste eerst',
      'Meest dringende termijn eerst',
    ]);
    await choose('sort', '');
    http.expectOne(`${REACTIVATIONS_PATH}?page=1&pageSize=25`).flush(page([aRequest()]));
    await stable();
    expect(select('sort').value).toBe('');
    await choose('sort', 'sla');
    http.expectOne(`${REACTIVATIONS_PATH}?sort=sla&page=1&pageSize=25`).flush(page([aRequest()]));
    await stable();
  });

  it('starts a caseworker on the newest first, and lets them sort by deadline too', async () => {
    await render('caseworker', page([aRequest()]));
    expect(select('sort').value).toBe('');
    await choose('sort', 'sla');
    http.expectOne(`${REACTIVATIONS_PATH}?mine=true&sort=sla&page=1&pageSize=25`).flush(page([aRequest()]));
    await stable();
  });

  it("starts a caseworker on their own requests, without the pool or other people's names", async () => {
    await render('caseworker', page([aRequest()]));
    expect([...select('assignee-filter').options].map((option) => option.value)).toEqual(['all', 'mine']);
    expect(select('assignee-filter').value).toBe('mine');
    await choose('assignee-filter', 'all');
    http.expectOne(`${REACTIVATIONS_PATH}?page=1&pageSize=25`).flush(page([aRequest()]));
    await stable();
  });

  it('says when the queue cannot be loaded and offers a retry', async () => {
    await render('coordinator', page([]));
    await choose('status-filter', 'open');
    http
      .expectOne(`${REACTIVATIONS_PATH}?status=open&sort=sla&page=1&pageSize=25`)
      .flush({ status: 500 }, { status: 500, statusText: 'Error' });
    await stable();
    expect(element.querySelector('[data-testid=load-error]')?.textContent).toContain(
      'konden niet worden geladen',
    );
  });
});
