import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import {
  API_PATHS,
  PROBLEM_TYPES,
  reactivationActionPath,
  reactivationPath,
  type Me,
  type ReactivationRequestDetail,
  type UserRole,
} from '@waakvlam/contracts';
import { STAFF_USERS, aRequestDetail } from '../../../testing/reactivation-fixtures';
import { aUser, must, settle, testTransloco } from '../../../testing/test-transloco.util';
import { AuthService } from '../../core/auth/auth.service';
import { ReactivationDetailComponent } from './reactivation-detail.component';

describe('ReactivationDetailComponent', () => {
  let fixture: ComponentFixture<ReactivationDetailComponent>;
  let http: HttpTestingController;
  let element: HTMLElement;

  afterEach(() => http.verify());

  async function stable(): Promise<void> {
    await settle();
    await fixture.whenStable();
  }

  async function render(
    role: UserRole,
    request: ReactivationRequestDetail = aRequestDetail(),
    userId = 'u1',
  ): Promise<void> {
    const me = signal<Me | null>(aUser({ role, id: userId }));
    TestBed.configureTestingModule({
      imports: [ReactivationDetailComponent, testTransloco()],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        { provide: AuthService, useValue: { me: me.asReadonly() } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ReactivationDetailComponent);
    fixture.componentRef.setInput('id', 'r1');
    element = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    await settle();
    http.expectOne(reactivationPath('r1')).flush(request);
    if (role === 'coordinator' || role === 'admin') {
      http
        .expectOne('/api/users?pageSize=100')
        .flush({ items: STAFF_USERS, page: 1, pageSize: 100, total: 4 });
    }
    http
      .expectOne(API_PATHS.partnerOrganisations)
      .flush([{ id: 'p1', name: 'Woonstede', kind: 'housing_corporation' }]);
    await stable();
  }

  function steps(): string[] {
    return [...element.querySelectorAll('[data-testid=steps] button')].map(
      (b) => b.getAttribute('data-step') ?? '',
    );
  }

  function step(name: string): HTMLButtonElement {
    return must(element.querySelector<HTMLButtonElement>(`[data-step=${name}]`), name);
  }

  it('shows the request and everything already agreed on the watch', async () => {
    await render('caseworker');
    expect(element.querySelector('h1')?.textContent?.trim()).toBe('Heractivering voor Jan Jansen');
    expect(element.querySelector('[data-testid=request-status]')?.textContent).toContain('Open');
    expect(element.querySelector('[data-testid=request-assignee]')?.textContent?.trim()).toBe(
      'Anna de Vries',
    );
    expect(element.querySelector('[data-testid=sla]')?.textContent?.trim()).toMatch(/^Nog 2 u/);
    expect(element.querySelector('[data-testid=reasons]')?.textContent).toContain(
      'Slaapt slecht, huur niet betaald.',
    );
    expect(element.querySelector('[data-testid=agreements]')?.textContent?.trim()).toBe('Elke maand bellen.');
    expect(element.querySelector('[data-testid=plan]')?.textContent).toContain('Huisbezoek');
    expect(element.querySelector('[data-testid=consent]')?.textContent).toContain('Woonstede');
    expect(element.querySelector('[data-testid=timeline]')?.textContent).toContain(
      'Contactmoment vastgelegd',
    );
    expect(element.querySelector('[data-testid=history]')?.textContent).toContain('Klinkt moe.');
  });

  it.each([
    ['open', ['accept', 'cancel']],
    ['accepted', ['contacted', 'cancel']],
    ['contacted', ['resolve', 'cancel']],
    ['resolved', []],
    ['cancelled', []],
  ] as const)('offers the assignee the steps of a %s request', async (status, expected) => {
    await render('caseworker', aRequestDetail({ status }));
    expect(steps()).toEqual(expected);
  });

  it('offers a caseworker who is not the assignee no steps and no assignment', async () => {
    await render('caseworker', aRequestDetail(), 'someone-else');
    expect(steps()).toEqual([]);
    expect(element.querySelector('[data-testid=assign]')).toBeNull();
  });

  it('accepts with one click and announces it', async () => {
    await render('caseworker');
    step('accept').click();
    await settle();
    const request = http.expectOne(reactivationActionPath('r1', 'accept'));
    expect(request.request.method).toBe('POST');
    request.flush(aRequestDetail({ status: 'accepted', acceptedAt: '2031-03-01T10:00:00Z' }));
    await stable();
    expect(steps()).toEqual(['contacted', 'cancel']);
    expect(element.querySelector('[data-testid=status]')?.textContent).toContain(
      'U heeft de heractivering opgepakt.',
    );
  });

  it('resolves through a dialog that asks how it ends', async () => {
    await render(
      'coordinator',
      aRequestDetail({ status: 'contacted', contactedAt: '2031-03-01T11:00:00Z' }),
      'u2',
    );
    step('resolve').click();
    await stable();
    const dialog = must(element.querySelector('dialog'));
    expect(dialog.hasAttribute('open')).toBe(true);
    expect(dialog.querySelectorAll('input[type=radio]')).toHaveLength(4);
    must(dialog.querySelector<HTMLButtonElement>('[data-testid=confirm-step]')).click();
    await stable();
    http.expectNone(reactivationActionPath('r1', 'resolve'));
    expect(dialog.textContent).toContain('Kies hoe de heractivering afloopt.');

    must(dialog.querySelector<HTMLInputElement>('#resolution-back_to_watch')).click();
    const note = must(dialog.querySelector<HTMLTextAreaElement>('textarea'));
    note.value = 'Gaat weer goed.';
    note.dispatchEvent(new Event('input'));
    must(dialog.querySelector<HTMLButtonElement>('[data-testid=confirm-step]')).click();
    await settle();
    const request = http.expectOne(reactivationActionPath('r1', 'resolve'));
    expect(request.request.body).toEqual({ resolution: 'back_to_watch', note: 'Gaat weer goed.' });
    request.flush(
      aRequestDetail({ status: 'resolved', resolution: 'back_to_watch', resolvedAt: '2031-03-02T10:00:00Z' }),
    );
    await stable();
    expect(element.querySelector('[data-testid=request-status]')?.textContent).toContain(
      'Terug naar waakvlam',
    );
  });

  it('cancels only with a reason', async () => {
    await render('caseworker');
    step('cancel').click();
    await stable();
    const dialog = must(element.querySelector('dialog'));
    must(dialog.querySelector<HTMLButtonElement>('[data-testid=confirm-step]')).click();
    await stable();
    expect(dialog.textContent).toContain('Vul een reden in.');
    const reason = must(dialog.querySelector<HTMLTextAreaElement>('textarea'));
    reason.value = 'Dubbel aangevraagd.';
    reason.dispatchEvent(new Event('input'));
    must(dialog.querySelector<HTMLButtonElement>('[data-testid=confirm-step]')).click();
    await settle();
    const request = http.expectOne(reactivationActionPath('r1', 'cancel'));
    expect(request.request.body).toEqual({ reason: 'Dubbel aangevraagd.' });
    request.flush(
      aRequestDetail({
        status: 'cancelled',
        cancelledAt: '2031-03-01T10:00:00Z',
        cancelReason: 'Dubbel aangevraagd.',
      }),
    );
    await stable();
    expect(steps()).toEqual([]);
  });

  it('lets a coordinator assign a request from the pool', async () => {
    await render('coordinator', aRequestDetail({ assignee: null }), 'u2');
    expect(element.querySelector('[data-testid=request-assignee]')?.textContent?.trim()).toBe(
      'Nog niemand (pool)',
    );
    const form = must(element.querySelector<HTMLFormElement>('[data-testid=assign]'));
    const select = must(form.querySelector<HTMLSelectElement>('select'));
    expect([...select.options].map((option) => option.textContent?.trim())).toEqual([
      'Kies een medewerker',
      'Anna de Vries (Begeleider)',
      'Bert Bos (Regievoerder)',
    ]);
    expect(form.querySelector('button')?.textContent?.trim()).toBe('Toewijzen');
    select.value = 'u1';
    select.dispatchEvent(new Event('change'));
    form.dispatchEvent(new Event('submit'));
    await settle();
    const request = http.expectOne(reactivationActionPath('r1', 'assign'));
    expect(request.request.body).toEqual({ assigneeId: 'u1' });
    request.flush(aRequestDetail());
    await stable();
    expect(element.querySelector('[data-testid=status]')?.textContent).toContain(
      'Toegewezen aan Anna de Vries.',
    );
    expect(form.querySelector('button')?.textContent?.trim()).toBe('Opnieuw toewijzen');
  });

  it('explains a 409 and reloads the request', async () => {
    await render('caseworker');
    step('accept').click();
    await settle();
    http
      .expectOne(reactivationActionPath('r1', 'accept'))
      .flush(
        { type: PROBLEM_TYPES.conflict, title: 'Conflict', status: 409 },
        { status: 409, statusText: 'Conflict' },
      );
    await settle();
    http
      .expectOne(reactivationPath('r1'))
      .flush(aRequestDetail({ status: 'cancelled', cancelledAt: '2031-03-01T10:00:00Z' }));
    await stable();
    expect(element.querySelector('[data-testid=alert]')?.textContent).toContain('Dit kan nu niet meer');
    expect(steps()).toEqual([]);
  });
});
