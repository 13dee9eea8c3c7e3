import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import {
  API_PATHS,
  PROBLEM_TYPES,
  clientPath,
  watchPath,
  type Client,
  type Me,
  type Page,
  type Watch,
} from '@waakvlam/contracts';
import { aUser, must, settle, testTransloco } from '../../../testing/test-transloco.util';
import { AuthService } from '../../core/auth/auth.service';
import { USERS_PATH, type StaffUser } from '../users/users.service';
import { WatchFormComponent } from './watch-form.component';

const CASEWORKERS: StaffUser[] = [
  {
    id: 'u1',
    email: 'anna@voorbeeld.nl',
    displayName: 'Anna de Vries',
    role: 'caseworker',
    partnerOrganisationId: null,
    active: true,
    reactivationCapacity: null,
  },
  {
    id: 'u3',
    email: 'bram@voorbeeld.nl',
    displayName: 'Bram Bakker',
    role: 'caseworker',
    partnerOrganisationId: null,
    active: true,
    reactivationCapacity: null,
  },
];

function aClient(overrides: Partial<Client> = {}): Client {
  return {
    id: 'c1',
    reference: 'R-1',
    name: 'Jan Jansen',
    postcode: '1234AB',
    houseNumber: '5',
    neighbourhood: null,
    openWatch: null,
    email: 'jan@voorbeeld.nl',
    phone: null,
    preferredChannel: 'email',
    dateOfBirth: null,
    consent: {
      legalBasis: 'consent',
      emailReminders: true,
      sharingPartnerIds: [],
      recordedAt: '2031-01-01T10:00:00Z',
      recordedBy: { id: 'u2', displayName: 'Rik Regie' },
    },
    createdAt: '2031-01-01T10:00:00Z',
    updatedAt: '2031-01-01T10:00:00Z',
    ...overrides,
  };
}

function aWatch(overrides: Partial<Watch> = {}): Watch {
  return {
    id: 'w1',
    client: { id: 'c1', name: 'Jan Jansen', reference: 'R-1' },
    status: 'active',
    primaryCaseworker: { id: 'u1', displayName: 'Anna de Vries' },
    backupCaseworker: null,
    cadence: { intervalDays: 28, minIntervalDays: 7, maxIntervalDays: 90 },
    contactMode: 'phone',
    agreements: 'Elke maand bellen.',
    signaleringsplan: {
      green: { signs: 'Gaat naar werk', actions: 'Niets' },
      orange: { signs: 'Slaapt slecht', actions: 'Vaker bellen' },
      red: { signs: 'Neemt niet op', actions: 'Huisbezoek' },
    },
    startDate: '2031-01-01',
    reviewDate: '2032-01-01',
    lapseThreshold: 3,
    preNoticeWorkingDays: 5,
    gracePeriodDays: 3,
    reopenPeriodMonths: 6,
    endedAt: null,
    endReason: null,
    nextCheckIn: { id: 'ci1', dueDate: '2031-03-10' },
    createdAt: '2031-01-01T10:00:00Z',
    ...overrides,
  };
}

function page<T>(items: T[]): Page<T> {
  return { items, page: 1, pageSize: 100, total: items.length };
}

const PRE_NOTICE = 'watch-preNoticeWorkingDays';

describe('WatchFormComponent', () => {
  let fixture: ComponentFixture<WatchFormComponent>;
  let http: HttpTestingController;
  let element: HTMLElement;
  let navigate: jest.SpyInstance;

  afterEach(() => http.verify());

  async function render(mode: 'create' | 'edit' = 'create', watch: Watch = aWatch()): Promise<void> {
    const me = signal<Me | null>(aUser({ role: 'coordinator' }));
    TestBed.configureTestingModule({
      imports: [WatchFormComponent, testTransloco()],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        { provide: AuthService, useValue: { me: me.asReadonly() } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    fixture = TestBed.createComponent(WatchFormComponent);
    fixture.componentRef.setInput('id', 'c1');
    fixture.componentRef.setInput('mode', mode);
    element = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    await settle();
    http.expectOne((request) => request.url === USERS_PATH).flush(page(CASEWORKERS));
    if (mode === 'edit') {
      http.expectOne(clientPath('c1')).flush(aClient({ openWatch: { id: 'w1', status: 'active' } }));
      await settle();
      http.expectOne({ method: 'GET', url: watchPath('w1') }).flush(watch);
    } else {
      http.expectOne(clientPath('c1')).flush(aClient());
    }
    await settle();
    await fixture.whenStable();
  }

  function input(id: string): HTMLInputElement {
    return must(element.querySelector<HTMLInputElement>(`#${id}`), id);
  }

  function type(id: string, value: string): void {
    input(id).value = value;
    input(id).dispatchEvent(new Event('input'));
  }

  function choose(id: string, value: string): void {
    const select = must(element.querySelector<HTMLSelectElement>(`#${id}`), id);
    select.value = value;
    select.dispatchEvent(new Event('change'));
  }

  async function submit(): Promise<void> {
    must(element.querySelector<HTMLButtonElement>('button[type=submit]')).click();
    await settle();
    await fixture.whenStable();
  }

  function summaryLinks(): string[] {
    return [...element.querySelectorAll('[data-testid=error-summary] a')].map(
      (a) => a.getAttribute('href') ?? '',
    );
  }

  it('offers the pre-notice as a labelled number field with a hint, 2 working days by default', async () => {
    await render();
    const field = input(PRE_NOTICE);
    expect(field.type).toBe('number');
    expect(field.value).toBe('2');
    expect(field.min).toBe('0');
    expect(field.max).toBe('10');
    expect(element.querySelector(`label[for=${PRE_NOTICE}]`)?.textContent?.trim()).toBe(
      'Vooraankondiging aan inwoner (werkdagen vooraf)',
    );
    expect(field.getAttribute('aria-describedby')).toBe(`${PRE_NOTICE}-hint`);
    const hint = element.querySelector(`#${PRE_NOTICE}-hint`)?.textContent ?? '';
    expect(hint).toContain('0');
    expect(hint).toContain('toestemming gaf voor herinneringen per e-mail');
  });

  it('posts the new watch with the default pre-notice of 2 working days', async () => {
    await render();
    choose('watch-primaryCaseworkerId', 'u1');
    await submit();

    const request = http.expectOne({ method: 'POST', url: API_PATHS.watches });
    expect(request.request.body).toEqual(
      expect.objectContaining({
        clientId: 'c1',
        primaryCaseworkerId: 'u1',
        backupCaseworkerId: null,
        intervalDays: 28,
        contactMode: 'phone',
        lapseThreshold: 2,
        preNoticeWorkingDays: 2,
        gracePeriodDays: 3,
      }),
    );
    request.flush(aWatch());
    await settle();
    expect(navigate).toHaveBeenCalledWith(['/inwoners', 'c1']);
  });

  it('accepts 0 for no pre-notice and sends it', async () => {
    await render();
    choose('watch-primaryCaseworkerId', 'u1');
    type(PRE_NOTICE, '0');
    await submit();

    const request = http.expectOne({ method: 'POST', url: API_PATHS.watches });
    expect(request.request.body.preNoticeWorkingDays).toBe(0);
    request.flush(aWatch({ preNoticeWorkingDays: 0 }));
    await settle();
  });

  it.each([
    ['11', 'Kies een heel getal van 0 tot en met 10.'],
    ['-1', 'Kies een heel getal van 0 tot en met 10.'],
    ['1.5', 'Kies een heel getal van 0 tot en met 10.'],
    ['', 'Vul dit veld in.'],
  ])('refuses a pre-notice of "%s" before sending anything', async (value, message) => {
    await render();
    choose('watch-primaryCaseworkerId', 'u1');
    type(PRE_NOTICE, value);
    await submit();

    http.expectNone(API_PATHS.watches);
    expect(input(PRE_NOTICE).getAttribute('aria-invalid')).toBe('true');
    expect(input(PRE_NOTICE).getAttribute('aria-describedby')).toBe(`${PRE_NOTICE}-hint ${PRE_NOTICE}-error`);
    expect(element.querySelector(`#${PRE_NOTICE}-error`)?.textContent?.trim()).toBe(message);
    expect(summaryLinks()).toEqual([`#${PRE_NOTICE}`]);
    const summary = must(element.querySelector('[data-testid=error-summary]'));
    expect(summary.textContent).toContain(`Vooraankondiging aan inwoner (werkdagen vooraf): ${message}`);
  });

  it('fills in the pre-notice of the open watch and sends the changed value', async () => {
    await render('edit', aWatch({ preNoticeWorkingDays: 5 }));
    expect(input(PRE_NOTICE).value).toBe('5');
    type(PRE_NOTICE, '1');
    await submit();

    const request = http.expectOne({ method: 'PATCH', url: watchPath('w1') });
    expect(request.request.body).toEqual(
      expect.objectContaining({ lapseThreshold: 3, preNoticeWorkingDays: 1, gracePeriodDays: 3 }),
    );
    expect(request.request.body).not.toHaveProperty('startDate');
    request.flush(aWatch({ preNoticeWorkingDays: 1 }));
    await settle();
    expect(navigate).toHaveBeenCalledWith(['/inwoners', 'c1']);
  });

  it('shows the API error about the pre-notice next to the field', async () => {
    await render();
    choose('watch-primaryCaseworkerId', 'u1');
    await submit();
    http.expectOne({ method: 'POST', url: API_PATHS.watches }).flush(
      {
        type: PROBLEM_TYPES.validation,
        title: 'Bad Request',
        status: 400,
        errors: [{ field: 'preNoticeWorkingDays', message: 'Te veel werkdagen.' }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle();
    await fixture.whenStable();

    expect(input(PRE_NOTICE).getAttribute('aria-invalid')).toBe('true');
    expect(element.querySelector(`#${PRE_NOTICE}-error`)?.textContent?.trim()).toBe('Te veel werkdagen.');
    expect(summaryLinks()).toEqual([`#${PRE_NOTICE}`]);
    expect(navigate).not.toHaveBeenCalled();
  });
});
