import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import {
  API_PATHS,
  IDEMPOTENCY_KEY_HEADER,
  PROBLEM_TYPES,
  REACTIVATIONS_PATH,
  clientPath,
  watchActionPath,
  watchEventsPath,
  watchPath,
  type Client,
  type Me,
  type Page,
  type PartnerOrganisationSummary,
  type ReactivationRequest,
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
    openRequest: ReactivationRequest | null = null,
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
      // The watch came with the list: only its timeline, check-ins and (unless ended) open request follow.
      http.expectNone(watchPath('w1'));
      flushTimeline(watch.status !== 'ended', openRequest);
    }
    await settle();
    await fixture.whenStable();
  }

  function flushTimeline(withRequests = true, openRequest: ReactivationRequest | null = null): void {
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
    if (withRequests) {
      http
        .expectOne(`${REACTIVATIONS_PATH}?watchId=w1&pageSize=5`)
        .flush(page(openRequest ? [openRequest] : []));
    } else {
      http.expectNone((request) => request.url === REACTIVATIONS_PATH);
    }
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

  describe('Heractiveren', () => {
    function dialog(): HTMLDialogElement {
      return must(element.querySelector<HTMLDialogElement>('wv-reactivation-dialog dialog'));
    }

    async function openDialog(): Promise<void> {
      must(element.querySelector<HTMLButtonElement>('[data-testid=reactivate]')).click();
      await fixture.whenStable();
    }

    async function fill(reason: string, urgency: 'normal' | 'urgent' = 'normal'): Promise<void> {
      const textarea = must(dialog().querySelector<HTMLTextAreaElement>('#reactivate-reason'));
      textarea.value = reason;
      textarea.dispatchEvent(new Event('input'));
      must(dialog().querySelector<HTMLInputElement>(`#reactivate-urgency-${urgency}`)).click();
      await fixture.whenStable();
    }

    async function submit(): Promise<void> {
      must(dialog().querySelector<HTMLButtonElement>('[data-testid=confirm-reactivate]')).click();
      await settle();
    }

    it.each(['caseworker', 'coordinator', 'admin'] as const)(
      'is offered to a %s on an open watch',
      async (role) => {
        await render('active', role);
        expect(element.querySelector('[data-testid=reactivate]')?.textContent?.trim()).toBe('Heractiveren');
        expect(element.querySelector('[data-testid=no-open-request]')?.textContent?.trim()).toBe(
          'Er loopt geen heractivering.',
        );
      },
    );

    it('is not offered on an ended watch', async () => {
      await render('ended', 'caseworker');
      expect(element.querySelector('[data-testid=reactivate]')).toBeNull();
      expect(element.querySelector('[data-testid=reactivation]')).toBeNull();
    });

    it('shows the open request of the watch with its status, assignee and SLA', async () => {
      await render(
        'active',
        'caseworker',
        aClient(),
        PARTNERS,
        aRequest({ status: 'accepted', urgency: 'urgent' }),
      );
      const open = must(element.querySelector('[data-testid=open-request]'));
      expect(open.querySelector('[data-testid=open-request-status]')?.textContent).toContain('Opgepakt');
      expect(open.textContent).toContain('Spoed');
      expect(open.textContent).toContain('Anna de Vries');
      expect(open.querySelector('[data-testid=sla]')?.textContent?.trim()).toMatch(/^Nog /);
      expect(element.querySelector('[data-testid=open-request-link]')?.getAttribute('href')).toBe(
        '/heractiveringen/r1',
      );
      expect(element.textContent).toContain(
        'Er loopt al een heractivering. Uw reden wordt daaraan toegevoegd.',
      );
    });

    it('asks for a reason, then POSTs once with an Idempotency-Key and announces the new request', async () => {
      await render('active', 'caseworker');
      await openDialog();
      expect(dialog().hasAttribute('open')).toBe(true);
      expect(dialog().getAttribute('aria-labelledby')).toBe('reactivate-dialog-title');
      expect(dialog().querySelector('h2')?.textContent?.trim()).toBe('Heractiveren: Jan Jansen');

      await submit();
      http.expectNone(REACTIVATIONS_PATH);
      expect(dialog().querySelector('[data-testid=error-summary]')?.textContent).toContain(
        'Vul een reden in.',
      );

      await fill('Belde zelf: slaapt slecht, schulden lopen op.', 'urgent');
      await submit();
      const request = http.expectOne({ method: 'POST', url: REACTIVATIONS_PATH });
      expect(request.request.body).toEqual({
        watchId: 'w1',
        urgency: 'urgent',
        reason: 'Belde zelf: slaapt slecht, schulden lopen op.',
      });
      expect(request.request.headers.get(IDEMPOTENCY_KEY_HEADER)).toMatch(/^[0-9a-f-]{36}$/);
      request.flush(
        { request: aRequest({ urgency: 'urgent' }), merged: false },
        { status: 201, statusText: 'Created' },
      );
      await settle();
      await fixture.whenStable();

      expect(dialog().hasAttribute('open')).toBe(false);
      expect(element.querySelector('[data-testid=status]')?.textContent).toContain(
        'Heractivering aangevraagd. Anna de Vries is gevraagd contact op te nemen.',
      );
      expect(element.querySelector('[data-testid=open-request-status]')?.textContent).toContain('Open');
    });

    it('retries with the same key after a failure, and uses a new key for a new opening', async () => {
      await render('active', 'caseworker');
      await openDialog();
      await fill('Wil graag contact.');
      await submit();
      const first = http.expectOne({ method: 'POST', url: REACTIVATIONS_PATH });
      const key = first.request.headers.get(IDEMPOTENCY_KEY_HEADER);
      first.flush({ status: 503 }, { status: 503, statusText: 'Unavailable' });
      await settle();
      await fixture.whenStable();
      expect(dialog().querySelector('[data-testid=error-summary]')?.textContent).toContain(
        'Versturen lukt nu niet',
      );

      await submit();
      const retry = http.expectOne({ method: 'POST', url: REACTIVATIONS_PATH });
      expect(retry.request.headers.get(IDEMPOTENCY_KEY_HEADER)).toBe(key);
      retry.flush({ request: aRequest(), merged: false });
      await settle();
      await fixture.whenStable();

      await openDialog();
      await fill('Nog een reden.');
      await submit();
      const next = http.expectOne({ method: 'POST', url: REACTIVATIONS_PATH });
      expect(next.request.headers.get(IDEMPOTENCY_KEY_HEADER)).not.toBe(key);
      next.flush({ request: aRequest(), merged: true });
      await settle();
      await fixture.whenStable();
      expect(element.querySelector('[data-testid=status]')?.textContent).toContain(
        'Er liep al een heractivering. Uw reden is daaraan toegevoegd.',
      );
    });

    it('tells "still being processed" from "watch ended" by the problem type, and retries with the same key', async () => {
      await render('active', 'caseworker');
      await openDialog();
      await fill('Wil graag contact.');
      await submit();
      const first = http.expectOne({ method: 'POST', url: REACTIVATIONS_PATH });
      const key = first.request.headers.get(IDEMPOTENCY_KEY_HEADER);
      first.flush(
        {
          type: PROBLEM_TYPES.idempotencyKeyInProgress,
          title: 'Idempotency key in use',
          status: 409,
          detail: 'A request with this key is still being processed.',
        },
        { status: 409, statusText: 'Conflict' },
      );
      await settle();
      await fixture.whenStable();
      expect(dialog().querySelector('[data-testid=error-summary]')?.textContent).toContain(
        'Uw aanvraag wordt nog verwerkt. Probeer het zo opnieuw.',
      );

      await submit();
      const retry = http.expectOne({ method: 'POST', url: REACTIVATIONS_PATH });
      expect(retry.request.headers.get(IDEMPOTENCY_KEY_HEADER)).toBe(key);
      // A plain conflict is the watch that ended, whatever its detail says.
      retry.flush(
        {
          type: PROBLEM_TYPES.conflict,
          title: 'Conflict',
          status: 409,
          detail: 'Idempotency aside: the watch has ended.',
        },
        { status: 409, statusText: 'Conflict' },
      );
      await settle();
      await fixture.whenStable();
      expect(dialog().querySelector('[data-testid=error-summary]')?.textContent).toContain(
        'Deze waakvlam is beëindigd.',
      );
    });

    it('sends only one request on a double click', async () => {
      await render('active', 'coordinator');
      await openDialog();
      await fill('Signaal van de woningcorporatie.');
      const button = must(dialog().querySelector<HTMLButtonElement>('[data-testid=confirm-reactivate]'));
      button.click();
      button.click();
      await settle();
      http
        .expectOne({ method: 'POST', url: REACTIVATIONS_PATH })
        .flush({ request: aRequest({ assignee: null }), merged: false });
      await settle();
      await fixture.whenStable();
      expect(element.querySelector('[data-testid=status]')?.textContent).toContain(
        'Een regievoerder wijst een begeleider toe.',
      );
    });

    it('closes on Annuleren without sending and gives focus back to the button', async () => {
      await render('active', 'caseworker');
      const trigger = must(element.querySelector<HTMLButtonElement>('[data-testid=reactivate]'));
      trigger.focus();
      await openDialog();
      const cancel = [...dialog().querySelectorAll<HTMLButtonElement>('button')].find(
        (button) => button.textContent?.trim() === 'Annuleren',
      );
      must(cancel).click();
      await fixture.whenStable();
      expect(dialog().hasAttribute('open')).toBe(false);
      expect(document.activeElement).toBe(trigger);
      http.expectNone(REACTIVATIONS_PATH);
    });
  });
});

function aRequest(overrides: Partial<ReactivationRequest> = {}): ReactivationRequest {
  return {
    id: 'r1',
    watchId: 'w1',
    client: { id: 'c1', name: 'Jan Jansen', reference: 'R-1' },
    status: 'open',
    resolution: null,
    urgency: 'normal',
    assignee: { id: 'u1', displayName: 'Anna de Vries' },
    sources: ['caseworker'],
    createdBy: { id: 'u1', displayName: 'Anna de Vries' },
    createdAt: new Date().toISOString(),
    acceptedAt: null,
    contactedAt: null,
    resolvedAt: null,
    cancelledAt: null,
    slaDueAt: new Date(Date.now() + 3 * 3600_000).toISOString(),
    slaBreached: false,
    updatedAt: new Date().toISOString(),
    ...overrides,
  };
}
