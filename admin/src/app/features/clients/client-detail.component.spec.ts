import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import {
  API_PATHS,
  PROBLEM_TYPES,
  clientPath,
  watchActionPath,
  watchEventsPath,
  watchPath,
  type Client,
  type Me,
  type Page,
  type PartnerOrganisationSummary,
  type UserRole,
  type Watch,
  type WatchStatus,
} from '@waakvlam/contracts';
import { aUser, must, settle, testTransloco } from '../../../testing/test-transloco.util';
import { AuthService } from '../../core/auth/auth.service';
import { ClientDetailComponent } from './client-detail.component';

const PARTNERS: PartnerOrganisationSummary[] = [
  { id: 'p-police', name: 'Politie Midden', kind: 'police' },
  { id: 'p-housing', name: 'Woonstede', kind: 'housing_corporation' },
];

function aClient(overrides: Partial<Client> = {}): Client {
  return {
    id: 'c1',
    reference: 'R-1',
    name: 'Jan Jansen',
    postcode: '1234AB',
    houseNumber: '5',
    neighbourhood: 'Noord',
    openWatch: { id: 'w1', status: 'active' },
    email: null,
    phone: '0612345678',
    preferredChannel: 'phone',
    dateOfBirth: null,
    consent: {
      legalBasis: 'consent',
      emailReminders: false,
      sharingPartnerIds: [],
      recordedAt: '2031-01-01T10:00:00Z',
      recordedBy: { id: 'u2', displayName: 'Rik Regie' },
    },
    createdAt: '2031-01-01T10:00:00Z',
    updatedAt: '2031-01-01T10:00:00Z',
    ...overrides,
  };
}

function aWatch(status: WatchStatus, overrides: Partial<Watch> = {}): Watch {
  return {
    id: 'w1',
    client: { id: 'c1', name: 'Jan Jansen', reference: 'R-1' },
    status,
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
    preNoticeWorkingDays: 2,
    gracePeriodDays: 3,
    reopenPeriodMonths: 6,
    endedAt: null,
    endReason: null,
    nextCheckIn: { id: 'ci1', dueDate: '2031-03-10' },
    createdAt: '2031-01-01T10:00:00Z',
    ...(status === 'ended'
      ? {
          endedAt: new Date(Date.now() - 30 * 24 * 3600 * 1000).toISOString(),
          endReason: 'moved_away' as const,
        }
      : {}),
    ...overrides,
  };
}

/** `GET /api/watches?clientId=c1&pageSize=1`: the client's newest watch. */
const LATEST_WATCH = `${API_PATHS.watches}?clientId=c1&pageSize=1`;

function page<T>(items: T[]): Page<T> {
  return { items, page: 1, pageSize: 1, total: items.length };
}

describe('ClientDetailComponent', () => {
  let fixture: ComponentFixture<ClientDetailComponent>;
  let http: HttpTestingController;
  let element: HTMLElement;

  afterEach(() => http.verify());

  async function render(
    status: WatchStatus | Watch | null,
    role: UserRole = 'coordinator',
    client: Client = aClient(),
    partners: PartnerOrganisationSummary[] = PARTNERS,
  ): Promise<void> {
    const me = signal<Me | null>(aUser({ role }));
    TestBed.configureTestingModule({
      imports: [ClientDetailComponent, testTransloco()],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        { provide: AuthService, useValue: { me: me.asReadonly() } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ClientDetailComponent);
    fixture.componentRef.setInput('id', 'c1');
    element = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    await settle();
    const watch = typeof status === 'string' ? aWatch(status) : status;
    http
      .expectOne(clientPath('c1'))
      .flush(watch && watch.status !== 'ended' ? client : { ...client, openWatch: null });
    http.expectOne(LATEST_WATCH).flush(page(watch ? [watch] : []));
    http.expectOne(API_PATHS.partnerOrganisations).flush(partners);
    await settle();
    if (watch) {
      // The watch came with the list: only its timeline and check-ins follow.
      http.expectNone(watchPath('w1'));
      flushTimeline();
    }
    await settle();
    await fixture.whenStable();
  }

  function flushTimeline(): void {
    http.expectOne(watchEventsPath('w1')).flush([
      {
        id: 'e1',
        watchId: 'w1',
        type: 'paused',
        at: '2031-02-01T09:30:00Z',
        actor: { id: 'u2', displayName: 'Rik Regie' },
        reason: 'Vakantie',
        details: {},
      },
    ]);
    http.expectOne(`${API_PATHS.checkIns}?watchId=w1`).flush([]);
  }

  /** After an action the page fetches the watch again. */
  async function flushWatch(status: WatchStatus): Promise<void> {
    http.expectOne(watchPath('w1')).flush(aWatch(status));
    flushTimeline();
    await settle();
    await fixture.whenStable();
  }

  function actions(): string[] {
    return [...element.querySelectorAll('[data-testid=actions] button')].map(
      (b) => b.getAttribute('data-action') ?? '',
    );
  }

  it.each([
    ['active', ['pause', 'end']],
    ['paused', ['resume', 'end']],
    ['lapsed', ['end']],
    ['reactivated', ['end']],
    ['ended', ['reopen']],
  ] as const)('offers a coordinator only the allowed actions for a %s watch', async (status, expected) => {
    await render(status);
    expect(actions()).toEqual(expected);
  });

  it('offers a caseworker no lifecycle actions and no edit links', async () => {
    await render('active', 'caseworker');
    expect(element.querySelector('[data-testid=actions]')).toBeNull();
    expect(element.textContent).not.toContain('Gegevens wijzigen');
  });

  it('shows the watch, the three labelled plan phases and the timeline in Dutch', async () => {
    await render('paused');
    expect(element.querySelector('[data-testid=watch-status]')?.textContent).toContain('Gepauzeerd');
    const phases = [...element.querySelectorAll('.wv-plan h4')].map((h) => h.textContent?.trim());
    expect(phases).toEqual(['Groen: het gaat goed', 'Oranje: eerste zorgen', 'Rood: crisis']);
    const timeline = must(element.querySelector('[data-testid=timeline]')).textContent ?? '';
    expect(timeline).toContain('Gepauzeerd');
    expect(timeline).toContain('Rik Regie');
    expect(timeline).toContain('Vakantie');
  });

  it.each([
    [2, '2 werkdagen'],
    [1, '1 werkdag'],
    [0, 'Geen'],
  ])('shows a pre-notice of %s working days as "%s"', async (days, text) => {
    await render(aWatch('active', { preNoticeWorkingDays: days }));
    const value = must(element.querySelector('[data-testid=watch-pre-notice]'));
    expect(value.textContent?.trim()).toBe(text);
    expect(value.closest('.utrecht-data-list__item')?.querySelector('dt')?.textContent?.trim()).toBe(
      'Vooraankondiging aan inwoner (werkdagen vooraf)',
    );
  });

  it('pauses with one click and announces it', async () => {
    await render('active');
    must(element.querySelector<HTMLButtonElement>('[data-action=pause]')).click();
    await settle();
    const request = http.expectOne(watchActionPath('w1', 'pause'));
    expect(request.request.method).toBe('POST');
    request.flush(aWatch('paused'));
    await settle();
    await flushWatch('paused');
    expect(actions()).toEqual(['resume', 'end']);
    expect(element.querySelector('[role=status]')?.textContent).toContain('Waakvlam gepauzeerd.');
  });

  it('asks for a reason from the fixed list before ending', async () => {
    await render('active');
    must(element.querySelector<HTMLButtonElement>('[data-action=end]')).click();
    await fixture.whenStable();
    const dialog = must(element.querySelector('dialog'));
    expect(dialog.hasAttribute('open')).toBe(true);
    expect(dialog.querySelectorAll('input[type=radio]')).toHaveLength(6);

    must(dialog.querySelector<HTMLButtonElement>('[data-testid=confirm-end]')).click();
    await fixture.whenStable();
    http.expectNone(watchActionPath('w1', 'end'));
    expect(dialog.textContent).toContain('Kies een reden.');

    must(dialog.querySelector<HTMLInputElement>('#end-reason-moved_away')).click();
    must(dialog.querySelector<HTMLButtonElement>('[data-testid=confirm-end]')).click();
    await settle();
    const request = http.expectOne(watchActionPath('w1', 'end'));
    expect(request.request.body).toEqual({ reason: 'moved_away' });
    request.flush({ ...aWatch('ended'), endReason: 'moved_away' });
    await settle();
    await flushWatch('ended');
    expect(actions()).toEqual(['reopen']);
  });

  it('explains a 409 and reloads the watch', async () => {
    await render('active');
    must(element.querySelector<HTMLButtonElement>('[data-action=pause]')).click();
    await settle();
    http
      .expectOne(watchActionPath('w1', 'pause'))
      .flush(
        { type: PROBLEM_TYPES.conflict, title: 'Conflict', status: 409 },
        { status: 409, statusText: 'Conflict' },
      );
    await settle();
    await flushWatch('lapsed');
    expect(element.querySelector('[role=alert]')?.textContent).toContain('Dit kan nu niet meer');
    expect(actions()).toEqual(['end']);
  });

  it('shows an ended watch after a reload, with "Heropenen" and "Nieuwe waakvlam starten"', async () => {
    await render('ended');
    expect(element.querySelector('[data-testid=no-watch]')).toBeNull();
    expect(element.querySelector('[data-testid=watch-status]')?.textContent).toContain('Beëindigd');
    expect(element.querySelector('[data-testid=watch-status]')?.textContent).toContain('Verhuisd');
    expect(actions()).toEqual(['reopen']);
    expect(element.querySelector('[data-testid=reopen-info]')?.textContent).toContain('heropenen tot');
    expect(element.querySelector('[data-testid=start-new-watch]')?.getAttribute('href')).toBe(
      '/inwoners/c1/waakvlam/nieuw',
    );
    expect(element.textContent).not.toContain('Waakvlam wijzigen');

    must(element.querySelector<HTMLButtonElement>('[data-action=reopen]')).click();
    await settle();
    http.expectOne(watchActionPath('w1', 'reopen')).flush(aWatch('active'));
    await settle();
    await flushWatch('active');
    expect(actions()).toEqual(['pause', 'end']);
    expect(element.querySelector('[data-testid=start-new-watch]')).toBeNull();
    expect(element.querySelector('[role=status]')?.textContent).toContain('Waakvlam heropend.');
  });

  it('offers only a new watch once the reopen period has passed', async () => {
    await render(aWatch('ended', { endedAt: '2020-01-01T10:00:00Z', reopenPeriodMonths: 6 }));
    expect(actions()).toEqual([]);
    expect(element.querySelector('[data-testid=reopen-info]')?.textContent).toContain('voorbij');
    expect(element.querySelector('[data-testid=start-new-watch]')).not.toBeNull();
  });

  it('shows an ended watch to a caseworker without actions', async () => {
    await render('ended', 'caseworker');
    expect(element.querySelector('[data-testid=watch-status]')?.textContent).toContain('Beëindigd');
    expect(element.querySelector('[data-testid=actions]')).toBeNull();
    expect(element.querySelector('[data-testid=start-new-watch]')).toBeNull();
  });

  it('offers "Waakvlam starten" when the client never had a watch', async () => {
    await render(null);
    expect(element.querySelector('[data-testid=no-watch]')).not.toBeNull();
    const start = [...element.querySelectorAll('a')].find(
      (a) => a.textContent?.trim() === 'Waakvlam starten',
    );
    expect(start?.getAttribute('href')).toBe('/inwoners/c1/waakvlam/nieuw');
  });

  it('names the partner organisations the resident agreed to share data with', async () => {
    const consent = { ...aClient().consent, sharingPartnerIds: ['p-housing', 'p-police'] };
    await render('active', 'coordinator', aClient({ consent }));
    const shared = must(element.querySelector('[data-testid=sharing-partners]'));
    expect([...shared.querySelectorAll('li')].map((li) => li.textContent?.trim())).toEqual([
      'Politie Midden (Politie)',
      'Woonstede (Woningcorporatie)',
    ]);
  });

  it('says when nothing is shared with partner organisations', async () => {
    await render('active');
    expect(element.querySelector('[data-testid=sharing-partners]')?.textContent?.trim()).toBe(
      'Geen ketenpartners',
    );
  });
});
