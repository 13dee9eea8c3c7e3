import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, TitleStrategy, provideRouter, withComponentInputBinding } from '@angular/router';
import {
  API_PATHS,
  PROBLEM_TYPES,
  REACTIVATIONS_PATH,
  SIGNALS_PATH,
  SIGN_IN_PATHS,
  clientPath,
  partnerApiKeysPath,
  reactivationPath,
  signalActionPath,
  signalPath,
  userAbsencesPath,
  watchEventsPath,
  type CheckIn,
  type Client,
  type Me,
  type PartnerOrganisationSummary,
  type Watch,
} from '@waakvlam/contracts';
import axe from 'axe-core';
import { aDashboard, someNeighbourhoods } from '../testing/dashboard-fixtures';
import { aPartnerSignal, aRequest, aRequestDetail, aSignal } from '../testing/reactivation-fixtures';
import { aUser, settle, testTransloco } from '../testing/test-transloco.util';
import { AppComponent } from './app.component';
import { APP_ROUTES } from './app.routes';
import { LanguageService } from './core/i18n/language.service';
import { sessionExpiredInterceptor } from './core/auth/session-expired.interceptor';
import { TranslatedTitleStrategy } from './core/title/translated-title.strategy';

/**
 * Structural WCAG checks with axe-core on whole pages in jsdom. Colour contrast needs a real browser
 * and is left to the browser suite.
 */
describe('pages in the shell (axe, jsdom)', () => {
  let http: HttpTestingController;

  async function open(
    url: string,
    signedIn: boolean | Me,
    answer: (http: HttpTestingController) => void = () => undefined,
  ): Promise<void> {
    TestBed.configureTestingModule({
      imports: [AppComponent, testTransloco()],
      providers: [
        provideHttpClient(withInterceptors([sessionExpiredInterceptor])),
        provideHttpClientTesting(),
        provideRouter(APP_ROUTES, withComponentInputBinding()),
        { provide: TitleStrategy, useExisting: TranslatedTitleStrategy },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    document.documentElement.removeAttribute('lang');
    await TestBed.inject(LanguageService).init();
    const fixture = TestBed.createComponent(AppComponent);
    const navigation = TestBed.inject(Router).navigateByUrl(url);
    await settle();
    const me = http.expectOne(API_PATHS.me);
    if (signedIn) {
      me.flush(signedIn === true ? aUser() : signedIn);
    } else {
      me.flush(
        { type: PROBLEM_TYPES.unauthenticated, title: 'Unauthorized', status: 401 },
        { status: 401, statusText: 'Unauthorized' },
      );
    }
    await navigation;
    await settle();
    if (signedIn && (signedIn === true || signedIn.role !== 'partner')) {
      http.expectOne(API_PATHS.devMailbox).flush({ enabled: true, messages: [] });
    }
    await settle();
    answer(http);
    for (let i = 0; i < 3; i++) {
      await settle();
      await fixture.whenStable();
    }
  }

  async function violations(): Promise<string[]> {
    const results = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
      rules: { 'color-contrast': { enabled: false } },
    });
    return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }

  afterEach(() => http.verify());

  it('the sign-in page has no violations, one h1 and a translated title', async () => {
    await open('/', false);
    // The sign-in page asks which other ways to sign in there are (none: OpenID Connect is off).
    http.expectOne(SIGN_IN_PATHS.providers).flush({ oidc: null });
    await settle();
    expect(TestBed.inject(Router).url).toBe('/inloggen');
    expect(document.querySelectorAll('h1')).toHaveLength(1);
    expect(document.title).toBe('Inloggen – Waakvlam');
    expect(await violations()).toEqual([]);
  });

  it('the start page greets the user, has no violations and a translated title', async () => {
    await open('/', coordinator, answerDashboard);
    expect(document.querySelector('h1')?.textContent?.trim()).toBe('Welkom, Anna de Vries');
    expect(document.querySelector('[data-testid=role-text]')?.textContent).toContain('U bent regievoerder.');
    expect(document.title).toBe('Start – Waakvlam');
    expect(await violations()).toEqual([]);
  });

  it("the coordinator's start page is the dashboard: figures link to their lists, charts have tables", async () => {
    await open('/', coordinator, (backend) => {
      backend.expectOne('/api/users?pageSize=100').flush(page([STAFF]));
      backend.expectOne('/api/dashboard').flush(aDashboard());
    });
    expect(document.querySelectorAll('h1')).toHaveLength(1);
    expect(document.querySelector('[data-testid=check-ins-missed]')?.textContent?.trim()).toBe('7.7%');
    const missed = document.querySelector('[data-testid=check-ins-missed]')?.closest('a');
    expect(missed?.getAttribute('href')).toBe(
      '/contactmomenten?dueFrom=2031-02-03&dueTo=2031-02-16&timeliness=missed',
    );
    expect(document.querySelectorAll('tbody[data-testid=weeks-table] tr')).toHaveLength(2);
    expect(document.querySelectorAll('tbody[data-testid=caseworkers-table] tr')).toHaveLength(2);
    expect(document.querySelectorAll('svg[role=img]')).toHaveLength(2);
    expect(await violations()).toEqual([]);
  });

  it('Per wijk has no violations', async () => {
    await open('/wijken', coordinator, (backend) => {
      backend.expectOne('/api/dashboard/neighbourhoods').flush(someNeighbourhoods());
    });
    expect(document.querySelectorAll('[data-testid=neighbourhoods-table] tbody tr')).toHaveLength(2);
    expect(
      document.querySelector('[data-testid=neighbourhoods-table] tbody tr:last-child th')?.textContent,
    ).toContain('Geen wijk bekend');
    expect(await violations()).toEqual([]);
  });

  it('a caseworker lands on Vandaag, which has no violations', async () => {
    await open('/', true, (backend) => {
      backend.expectOne(`${API_PATHS.checkIns}?view=today`).flush([aCheckIn()]);
      backend.expectOne(`${API_PATHS.checkIns}?view=overdue`).flush([]);
    });
    expect(TestBed.inject(Router).url).toBe('/vandaag');
    expect(document.title).toBe('Vandaag – Waakvlam');
    expect(document.querySelectorAll('[data-testid=check-ins] li')).toHaveLength(1);
    expect(await violations()).toEqual([]);
  });

  it('Mijn caseload has no violations', async () => {
    await open('/caseload', true, (backend) => {
      backend.expectOne(`${API_PATHS.watches}?mine=true&page=1&pageSize=25`).flush(page([aWatch()]));
    });
    expect(document.querySelector('table caption')?.textContent).toContain('Mijn waakvlammen');
    expect(await violations()).toEqual([]);
  });

  it('Berichten has no violations', async () => {
    await open('/berichten', admin, (backend) => {
      backend.expectOne('/api/notifications?page=1&pageSize=25').flush(
        page([
          {
            id: 'n1',
            recipient: 'jan@voorbeeld.nl',
            subject: 'Waakvlam gestart',
            status: 'dead',
            attempts: 5,
            lastError: 'SMTP 550',
            createdAt: '2031-02-03T09:00:00.000Z',
            sentAt: null,
          },
        ]),
      );
    });
    expect(document.title).toBe('Berichten – Waakvlam');
    expect(document.querySelector('main table')).not.toBeNull();
    expect(await violations()).toEqual([]);
  });

  it('the clients list has no violations', async () => {
    await open('/inwoners', coordinator, (backend) => {
      backend.expectOne(`${API_PATHS.clients}?page=1&pageSize=25`).flush(page([aClient()]));
    });
    expect(document.querySelector('main table')).not.toBeNull();
    expect(await violations()).toEqual([]);
  });

  it('the new client form has no violations, also with errors showing', async () => {
    await open('/inwoners/nieuw', coordinator, (backend) => {
      backend.expectOne(API_PATHS.partnerOrganisations).flush(PARTNERS);
    });
    expect(document.querySelectorAll('[data-testid=sharing-partners] input[type=checkbox]')).toHaveLength(2);
    expect(await violations()).toEqual([]);
    document.querySelector<HTMLButtonElement>('main button[type=submit]')?.click();
    await settle();
    await settle();
    expect(document.querySelector('[data-testid=error-summary]')).not.toBeNull();
    expect(await violations()).toEqual([]);
  });

  it('the new client form has no violations when there are no partner organisations', async () => {
    await open('/inwoners/nieuw', coordinator, (backend) => {
      backend.expectOne(API_PATHS.partnerOrganisations).flush([]);
    });
    expect(document.querySelector('[data-testid=no-partners]')).not.toBeNull();
    expect(await violations()).toEqual([]);
  });

  it('the client page has no violations', async () => {
    const consent = { ...aClient().consent, sharingPartnerIds: ['p1'] };
    await open('/inwoners/c1', coordinator, (backend) => {
      backend.expectOne(clientPath('c1')).flush({ ...aClient(), consent });
      backend.expectOne(`${API_PATHS.watches}?clientId=c1&pageSize=1`).flush(page([aWatch()]));
      backend.expectOne(API_PATHS.partnerOrganisations).flush(PARTNERS);
    });
    http.expectOne(watchEventsPath('w1')).flush([
      {
        id: 'e1',
        watchId: 'w1',
        type: 'created',
        at: '2031-01-01T10:00:00Z',
        actor: null,
        reason: null,
        details: {},
      },
    ]);
    http.expectOne(`${API_PATHS.checkIns}?watchId=w1`).flush([aCheckIn({ status: 'done', outcome: 'well' })]);
    http.expectOne(`${REACTIVATIONS_PATH}?watchId=w1&pageSize=5`).flush(page([aRequest()]));
    await settle();
    await settle();
    expect(document.querySelector('h1')?.textContent?.trim()).toBe('Jan Jansen');
    expect(document.querySelector('[data-testid=actions]')).not.toBeNull();
    expect(document.querySelector('[data-testid=open-request]')).not.toBeNull();
    expect(await violations()).toEqual([]);

    // The Heractiveren dialog, also with its errors showing.
    document.querySelector<HTMLButtonElement>('[data-testid=reactivate]')?.click();
    await settle();
    expect(document.querySelector('wv-reactivation-dialog dialog')?.hasAttribute('open')).toBe(true);
    expect(await violations()).toEqual([]);
    document.querySelector<HTMLButtonElement>('[data-testid=confirm-reactivate]')?.click();
    await settle();
    await settle();
    expect(document.querySelector('wv-reactivation-dialog [data-testid=error-summary]')).not.toBeNull();
    expect(await violations()).toEqual([]);
  });

  it('the client page with an ended watch has no violations', async () => {
    const ended: Watch = {
      ...aWatch(),
      status: 'ended',
      endedAt: new Date().toISOString(),
      endReason: 'moved_away',
      nextCheckIn: null,
    };
    await open('/inwoners/c1', coordinator, (backend) => {
      backend.expectOne(clientPath('c1')).flush({ ...aClient(), openWatch: null });
      backend.expectOne(`${API_PATHS.watches}?clientId=c1&pageSize=1`).flush(page([ended]));
      backend.expectOne(API_PATHS.partnerOrganisations).flush([]);
    });
    http.expectOne(watchEventsPath('w1')).flush([]);
    http.expectOne(`${API_PATHS.checkIns}?watchId=w1`).flush([]);
    await settle();
    await settle();
    expect(document.querySelector('[data-action=reopen]')).not.toBeNull();
    expect(document.querySelector('[data-testid=start-new-watch]')).not.toBeNull();
    expect(await violations()).toEqual([]);
  });

  it('the start-watch form has no violations', async () => {
    await open('/inwoners/c1/waakvlam/nieuw', coordinator, (backend) => {
      backend.expectOne(clientPath('c1')).flush({ ...aClient(), openWatch: null });
      backend.expectOne('/api/users?role=caseworker&pageSize=100').flush(
        page([
          {
            id: 'u1',
            email: 'anna@voorbeeld.nl',
            displayName: 'Anna de Vries',
            role: 'caseworker',
            partnerOrganisationId: null,
            active: true,
          },
        ]),
      );
    });
    expect(document.querySelectorAll('main select').length).toBeGreaterThan(0);
    expect(await violations()).toEqual([]);
  });

  it('the settings page has no violations, also with an error showing', async () => {
    await open('/instellingen', admin, (backend) => {
      backend.expectOne(API_PATHS.organisationSettings).flush({
        timeZone: 'Europe/Amsterdam',
        extraDaysOff: ['2031-05-05', '2031-12-24'],
        discreetSenderName: null,
        clientNamesInEmail: false,
        slaUrgentWorkingHours: 4,
        slaNormalWorkingHours: 16,
        workingHoursStart: '09:00',
        workingHoursEnd: '17:00',
      });
    });
    expect(TestBed.inject(Router).url).toBe('/instellingen');
    expect(document.title).toBe('Instellingen – Waakvlam');
    expect(document.querySelector('h1')?.textContent?.trim()).toBe('Instellingen');
    expect(document.querySelector('nav a[href="/instellingen"]')?.getAttribute('aria-current')).toBe('page');
    expect(document.querySelectorAll('[data-testid=days-off] li')).toHaveLength(2);
    expect(await violations()).toEqual([]);

    document.querySelector<HTMLButtonElement>('[data-testid=add]')?.click();
    await settle();
    await settle();
    expect(document.querySelector('[data-testid=error-summary]')).not.toBeNull();
    expect(document.querySelector('#settings-new-date-error')).not.toBeNull();
    expect(await violations()).toEqual([]);
  });

  it('the settings page is closed to a coordinator', async () => {
    await open('/instellingen', coordinator, answerDashboard);
    http.expectNone(API_PATHS.organisationSettings);
    expect(TestBed.inject(Router).url).toBe('/');
    expect(document.querySelector('nav a[href="/instellingen"]')).toBeNull();
  });

  it('the reactivation queue has no violations', async () => {
    await open('/heractiveringen', coordinator, (backend) => {
      backend
        .expectOne(`${REACTIVATIONS_PATH}?sort=sla&page=1&pageSize=25`)
        .flush(
          page([aRequest(), aRequest({ id: 'r2', urgency: 'urgent', assignee: null, slaBreached: true })]),
        );
      backend.expectOne('/api/users?pageSize=100').flush(page([STAFF]));
    });
    expect(document.title).toBe('Heractiveringen – Waakvlam');
    expect(document.querySelectorAll('[data-testid=reactivations] tr')).toHaveLength(2);
    expect(await violations()).toEqual([]);
  });

  it('a caseworker sees the requests assigned to them in the queue', async () => {
    await open('/heractiveringen', true, (backend) => {
      backend.expectOne(`${REACTIVATIONS_PATH}?mine=true&page=1&pageSize=25`).flush(page([aRequest()]));
    });
    http.expectNone('/api/users?pageSize=100');
    expect(document.querySelector('nav a[href="/heractiveringen"]')?.getAttribute('aria-current')).toBe(
      'page',
    );
    expect(await violations()).toEqual([]);
  });

  it('a reactivation request with its carried-over context has no violations, nor its dialogs', async () => {
    await open('/heractiveringen/r1', coordinator, (backend) => {
      backend
        .expectOne(reactivationPath('r1'))
        .flush(aRequestDetail({ status: 'contacted', contactedAt: '2031-03-01T10:00:00Z' }));
      backend.expectOne('/api/users?pageSize=100').flush(page([STAFF]));
      backend.expectOne(API_PATHS.partnerOrganisations).flush(PARTNERS);
    });
    expect(document.querySelector('h1')?.textContent?.trim()).toBe('Heractivering voor Jan Jansen');
    expect(document.querySelector('[data-testid=agreements]')?.textContent).toContain('Elke maand bellen.');
    expect(document.querySelectorAll('[data-testid=plan] h4')).toHaveLength(3);
    expect(await violations()).toEqual([]);
    document.querySelector<HTMLButtonElement>('[data-step=resolve]')?.click();
    await settle();
    expect(document.querySelector('dialog')?.hasAttribute('open')).toBe(true);
    expect(await violations()).toEqual([]);
  });

  it('the signals inbox has no violations', async () => {
    await open('/signalen', coordinator, (backend) => {
      backend.expectOne(`${SIGNALS_PATH}?page=1&pageSize=25`).flush(page([aSignal()]));
      // The partner filter's names.
      backend.expectOne(API_PATHS.partnerOrganisations).flush(PARTNERS);
    });
    expect(document.title).toBe('Signalen – Waakvlam');
    expect(await violations()).toEqual([]);
  });

  it('the signals inbox is closed to a caseworker', async () => {
    await open('/signalen', true, (backend) => {
      backend.expectOne(`${API_PATHS.checkIns}?view=today`).flush([]);
      backend.expectOne(`${API_PATHS.checkIns}?view=overdue`).flush([]);
    });
    http.expectNone(SIGNALS_PATH);
    expect(TestBed.inject(Router).url).toBe('/vandaag');
  });

  it('a signal with its triage form has no violations, also when linking and with errors', async () => {
    await open('/signalen/s1', coordinator, (backend) => {
      backend
        .expectOne(signalPath('s1'))
        .flush(aSignal({ client: null, clientReference: null, address: ADDRESS }));
    });
    http.expectOne(signalActionPath('s1', 'candidates')).flush([
      {
        clientId: 'c1',
        reference: 'R-1',
        name: 'Jan Jansen',
        postcode: '1234AB',
        houseNumber: '5',
        exactMatch: true,
        openWatch: { id: 'w1', status: 'active' },
      },
    ]);
    await settle();
    await settle();
    expect(document.querySelector('[data-testid=triage]')).not.toBeNull();
    expect(await violations()).toEqual([]);
    document.querySelector<HTMLInputElement>('#triage-decision-link')?.click();
    await settle();
    expect(document.querySelector('#triage-watch-w1')).not.toBeNull();
    document.querySelector<HTMLButtonElement>('[data-testid=submit-triage]')?.click();
    await settle();
    await settle();
    expect(document.querySelector('[data-testid=error-summary]')).not.toBeNull();
    expect(await violations()).toEqual([]);
  });

  it('a partner lands in the partner portal, which has no violations', async () => {
    await open('/', partner, (backend) => {
      backend.expectOne(`${SIGNALS_PATH}?page=1&pageSize=25`).flush(page([aPartnerSignal()]));
    });
    expect(TestBed.inject(Router).url).toBe('/meldingen');
    expect(document.title).toBe('Mijn signalen – Waakvlam');
    expect(document.querySelector('[data-testid=latest-feedback]')?.textContent).toContain(
      'We nemen contact op.',
    );
    expect(await violations()).toEqual([]);
  });

  it('the partner sees nothing else of the console', async () => {
    await open('/inwoners', partner, (backend) => {
      backend.expectOne(`${SIGNALS_PATH}?page=1&pageSize=25`).flush(page([]));
    });
    expect(TestBed.inject(Router).url).toBe('/meldingen');
    http.expectNone(API_PATHS.clients);
  });

  it('the partner signal form has no violations, also with errors showing', async () => {
    await open('/meldingen/nieuw', partner);
    expect(document.querySelector('h1')?.textContent?.trim()).toBe('Signaal melden');
    expect(await violations()).toEqual([]);
    document.querySelector<HTMLButtonElement>('[data-testid=submit-signal]')?.click();
    await settle();
    await settle();
    expect(document.querySelector('[data-testid=error-summary]')).not.toBeNull();
    expect(await violations()).toEqual([]);
    document.querySelector<HTMLInputElement>('#signal-about-address')?.click();
    await settle();
    expect(document.querySelector('#signal-postcode')).not.toBeNull();
    expect(await violations()).toEqual([]);
  });

  it("a partner's signal with feedback has no violations", async () => {
    await open('/meldingen/s1', partner, (backend) => {
      backend.expectOne(signalPath('s1')).flush(aPartnerSignal());
    });
    expect(document.querySelector('[data-testid=feedback]')?.textContent).toContain('We nemen contact op.');
    expect(await violations()).toEqual([]);
  });

  it('Mijn afwezigheid has no violations', async () => {
    await open('/afwezigheid', true, (backend) => {
      backend.expectOne(userAbsencesPath('u1')).flush([
        {
          id: 'a1',
          userId: 'u1',
          startsOn: '2031-07-01',
          endsOn: '2031-07-14',
          reason: 'Verlof',
          createdBy: { id: 'u1', displayName: 'Anna de Vries' },
          createdAt: '2031-06-01T10:00:00Z',
        },
      ]);
    });
    expect(document.querySelector('h1')?.textContent?.trim()).toBe('Mijn afwezigheid');
    expect(document.querySelectorAll('[data-testid=absences] tr')).toHaveLength(1);
    expect(await violations()).toEqual([]);
  });

  it("Medewerkers and a staff member's absences have no violations", async () => {
    await open('/medewerkers', coordinator, (backend) => {
      backend.expectOne('/api/users?pageSize=100').flush(page([STAFF]));
    });
    expect(document.querySelectorAll('[data-testid=staff] tr')).toHaveLength(1);
    expect(await violations()).toEqual([]);
  });

  it('Ketenpartners and the API keys of a partner have no violations, also with a new key and a confirmation', async () => {
    await open('/ketenpartners', admin, (backend) => {
      backend.expectOne(API_PATHS.partnerOrganisations).flush(PARTNERS);
    });
    expect(document.title).toBe('Ketenpartners – Waakvlam');
    expect(document.querySelector('nav a[href="/ketenpartners"]')?.getAttribute('aria-current')).toBe('page');
    expect(document.querySelectorAll('[data-testid=partners] tr')).toHaveLength(2);
    expect(await violations()).toEqual([]);

    document.querySelector<HTMLAnchorElement>('[data-testid=partners] a[href="/ketenpartners/p1"]')?.click();
    await settle();
    await settle();
    http.expectOne(API_PATHS.partnerOrganisations).flush(PARTNERS);
    http.expectOne(partnerApiKeysPath('p1')).flush([API_KEY]);
    for (let i = 0; i < 3; i++) await settle();
    expect(TestBed.inject(Router).url).toBe('/ketenpartners/p1');
    expect(document.title).toBe('API-sleutels – Waakvlam');
    expect(document.querySelector('h1')?.textContent?.trim()).toBe('API-sleutels van Woonstede');
    expect(await violations()).toEqual([]);

    const name = document.querySelector<HTMLInputElement>('#api-key-name');
    if (name) {
      name.value = 'CRM';
      name.dispatchEvent(new Event('input'));
    }
    document.querySelector<HTMLButtonElement>('[data-testid=submit-key]')?.click();
    await settle();
    http
      .expectOne({ method: 'POST', url: partnerApiKeysPath('p1') })
      .flush({ ...API_KEY, id: 'k2', name: 'CRM', key: `wvk_${'K'.repeat(40)}` });
    for (let i = 0; i < 3; i++) await settle();
    expect(document.querySelector('[data-testid=created-key]')).not.toBeNull();
    document.querySelector<HTMLButtonElement>('[data-testid=revoke]')?.click();
    await settle();
    await settle();
    expect(document.querySelector('[data-testid=confirm-revoke]')).not.toBeNull();
    expect(await violations()).toEqual([]);
  });

  it('Ketenpartners is closed to a coordinator', async () => {
    await open('/ketenpartners', coordinator, answerDashboard);
    http.expectNone(API_PATHS.partnerOrganisations);
    expect(TestBed.inject(Router).url).toBe('/');
    expect(document.querySelector('nav a[href="/ketenpartners"]')).toBeNull();
  });

  it('the who-am-i page lists the account details', async () => {
    await open('/wie-ben-ik', true);
    const terms = [...document.querySelectorAll('dt')].map((dt) => dt.textContent?.trim());
    expect(terms).toEqual(['Naam', 'E-mailadres', 'Rol', 'Organisatie', 'Sessie eindigt uiterlijk']);
    expect(document.querySelector('dl')?.textContent).toContain('Begeleider');
    expect(await violations()).toEqual([]);
  });
});

const coordinator = aUser({ role: 'coordinator' });
const admin = aUser({ role: 'admin' });

const PARTNERS: PartnerOrganisationSummary[] = [
  { id: 'p1', name: 'Woonstede', kind: 'housing_corporation' },
  { id: 'p2', name: 'Politie Midden', kind: 'police' },
];

function page<T>(items: T[]) {
  return { items, page: 1, pageSize: 25, total: items.length };
}

function aClient(): Client {
  return {
    id: 'c1',
    reference: 'R-1',
    name: 'Jan Jansen',
    postcode: '1234AB',
    houseNumber: '5',
    neighbourhood: null,
    openWatch: { id: 'w1', status: 'active' },
    email: null,
    phone: null,
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
  };
}

function aWatch(): Watch {
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
    preNoticeWorkingDays: 2,
    gracePeriodDays: 3,
    reopenPeriodMonths: 6,
    endedAt: null,
    endReason: null,
    nextCheckIn: { id: 'ci1', dueDate: '2031-03-10' },
    createdAt: '2031-01-01T10:00:00Z',
  };
}

function aCheckIn(overrides: Partial<CheckIn> = {}): CheckIn {
  return {
    id: 'ci1',
    watchId: 'w1',
    client: { id: 'c1', name: 'Jan Jansen', reference: 'R-1' },
    caseworker: { id: 'u1', displayName: 'Anna de Vries' },
    handedOverFrom: null,
    contactMode: 'phone',
    dueDate: '2031-03-10',
    graceEndsOn: '2031-03-13',
    status: 'planned',
    outcome: null,
    channel: null,
    note: null,
    completedAt: null,
    completedBy: null,
    ...overrides,
  };
}

const partner = aUser({
  role: 'partner',
  partnerOrganisation: { id: 'p1', name: 'Woonstede', kind: 'housing_corporation' },
});

/** A coordinator sent back to the start page loads the dashboard. */
const answerDashboard = (backend: HttpTestingController): void => {
  backend.expectOne('/api/users?pageSize=100').flush(page([]));
  backend.expectOne('/api/dashboard').flush(aDashboard());
};

const STAFF = {
  id: 'u1',
  email: 'anna@voorbeeld.nl',
  displayName: 'Anna de Vries',
  role: 'caseworker' as const,
  partnerOrganisationId: null,
  active: true,
  reactivationCapacity: null,
};

const ADDRESS = { postcode: '1234AB', houseNumber: '5', houseNumberAddition: null };

const API_KEY = {
  id: 'k1',
  name: 'Woonstede CRM',
  prefix: 'wvk_Ab3dEf9x',
  feedbackEmail: 'signalen@woonstede.nl',
  createdBy: { id: 'u9', displayName: 'Ada Admin' },
  createdAt: '2031-03-01T09:00:00Z',
  lastUsedAt: null,
  revokedAt: null,
};
