import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { API_PATHS, PROBLEM_TYPES, type OrganisationSettings } from '@waakvlam/contracts';
import { must, settle, testTransloco } from '../../../testing/test-transloco.util';
import { SettingsComponent } from './settings.component';

const SETTINGS: OrganisationSettings = {
  timeZone: 'Europe/Amsterdam',
  extraDaysOff: ['2031-05-05', '2031-12-24'],
  discreetSenderName: 'Team Noord',
  clientNamesInEmail: false,
  slaUrgentWorkingHours: 4,
  slaNormalWorkingHours: 16,
  workingHoursStart: '09:00',
  workingHoursEnd: '17:00',
};

describe('SettingsComponent', () => {
  let fixture: ComponentFixture<SettingsComponent>;
  let http: HttpTestingController;
  let element: HTMLElement;

  async function stable(): Promise<void> {
    await settle();
    await fixture.whenStable();
  }

  async function render(settings: OrganisationSettings = SETTINGS): Promise<void> {
    TestBed.configureTestingModule({
      imports: [SettingsComponent, testTransloco()],
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(SettingsComponent);
    element = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    http.expectOne({ method: 'GET', url: API_PATHS.organisationSettings }).flush(settings);
    await stable();
  }

  afterEach(() => http.verify());

  function listedDays(): string[] {
    return [...element.querySelectorAll('[data-testid=days-off] li time')].map(
      (time) => `${time.getAttribute('datetime')} ${time.textContent?.trim()}`,
    );
  }

  function dateInput(): HTMLInputElement {
    return must(element.querySelector<HTMLInputElement>('#settings-new-date'), 'date input');
  }

  async function addDate(value: string): Promise<void> {
    dateInput().value = value;
    dateInput().dispatchEvent(new Event('input'));
    must(element.querySelector<HTMLButtonElement>('[data-testid=add]')).click();
    await stable();
  }

  function removeButton(name: string): HTMLButtonElement {
    const button = [...element.querySelectorAll<HTMLButtonElement>('[data-testid=days-off] button')].find(
      (candidate) => candidate.textContent?.replace(/\s+/g, ' ').trim() === name,
    );
    return must(button, `button "${name}"`);
  }

  async function save(): Promise<void> {
    must(element.querySelector<HTMLButtonElement>('[data-testid=save]')).click();
    await stable();
  }

  it('loads the settings and lists the extra days off in Dutch with the time zone', async () => {
    await render();
    expect(element.querySelector('h1')?.textContent?.trim()).toBe('Instellingen');
    expect(element.querySelector('h2')?.textContent?.trim()).toBe('Vrije dagen van de organisatie');
    expect(element.textContent).toContain('Bevrijdingsdag');
    expect(element.textContent).toContain('feestdagen');
    expect(element.textContent).toContain('houden hun datum');
    expect(element.querySelector('[data-testid=time-zone]')?.textContent?.trim()).toBe('Europe/Amsterdam');
    expect(element.querySelector('[data-testid=time-zone] input')).toBeNull();

    const list = must(element.querySelector('[data-testid=days-off]'));
    expect(list.tagName).toBe('UL');
    expect(list.getAttribute('aria-labelledby')).toBe('settings-days-off-list-heading');
    expect(listedDays()).toEqual(['2031-05-05 ma 5 mei 2031', '2031-12-24 wo 24 december 2031']);
    expect(removeButton('Verwijderen ma 5 mei 2031')).toBeTruthy();
    expect(element.querySelector('label[for=settings-new-date]')?.textContent?.trim()).toBe(
      'Datum toevoegen',
    );
    expect(dateInput().type).toBe('date');
    expect(element.querySelector('[data-testid=unsaved]')).toBeNull();
  });

  it('shows the e-mail and reactivation settings below the days off, filled in from the loaded settings', async () => {
    await render();
    const headings = [...element.querySelectorAll('h2')].map((h) => h.textContent?.trim());
    expect(headings).toEqual(['Vrije dagen van de organisatie', 'E-mails', 'Termijnen voor heractiveringen']);
    expect(must(element.querySelector<HTMLInputElement>('#settings-sla-urgent-hours')).value).toBe('4');
    expect(must(element.querySelector<HTMLInputElement>('#settings-working-hours-end')).value).toBe('17:00');
    expect(must(element.querySelector<HTMLInputElement>('#settings-discreet-sender-name')).value).toBe(
      'Team Noord',
    );
    expect(must(element.querySelector<HTMLInputElement>('#settings-client-names-in-email')).checked).toBe(
      false,
    );
  });

  it('says so when there are no extra days off', async () => {
    await render({ ...SETTINGS, extraDaysOff: [] });
    expect(element.querySelector('[data-testid=days-off]')).toBeNull();
    expect(element.querySelector('[data-testid=no-days-off]')?.textContent).toContain(
      'nog geen extra vrije dagen',
    );
  });

  it('adds and removes days and saves the list with one PUT, then confirms politely', async () => {
    await render();
    await addDate('2031-04-18');
    expect(listedDays().map((day) => day.slice(0, 10))).toEqual(['2031-04-18', '2031-05-05', '2031-12-24']);
    expect(dateInput().value).toBe('');
    expect(element.querySelector('[data-testid=status]')?.textContent).toContain(
      'vr 18 april 2031 is toegevoegd',
    );
    expect(element.querySelector('[data-testid=unsaved]')).not.toBeNull();

    removeButton('Verwijderen wo 24 december 2031').click();
    await stable();
    expect(listedDays().map((day) => day.slice(0, 10))).toEqual(['2031-04-18', '2031-05-05']);
    // The last day's button is gone, so focus moves to the button of the day before it.
    expect(document.activeElement).toBe(removeButton('Verwijderen ma 5 mei 2031'));
    expect(element.querySelector('[data-testid=status]')?.textContent).toContain(
      'wo 24 december 2031 is verwijderd',
    );

    http.expectNone({ method: 'PUT', url: API_PATHS.organisationSettings });
    await save();
    const request = http.expectOne({ method: 'PUT', url: API_PATHS.organisationSettings });
    expect(request.request.body).toEqual({ extraDaysOff: ['2031-04-18', '2031-05-05'] });
    request.flush({ ...SETTINGS, extraDaysOff: ['2031-04-18', '2031-05-05'] });
    await stable();

    const status = must(element.querySelector('[data-testid=status]'));
    expect(status.getAttribute('role')).toBe('status');
    expect(status.textContent?.trim()).toBe('Vrije dagen opgeslagen.');
    expect(element.querySelector('[data-testid=unsaved]')).toBeNull();
    expect(element.querySelector('[data-testid=error-summary]')).toBeNull();
  });

  it('also saves a date that was typed but not yet added', async () => {
    await render();
    dateInput().value = '2031-04-18';
    dateInput().dispatchEvent(new Event('input'));
    await save();
    const request = http.expectOne({ method: 'PUT', url: API_PATHS.organisationSettings });
    expect(request.request.body).toEqual({ extraDaysOff: ['2031-04-18', '2031-05-05', '2031-12-24'] });
    request.flush({ ...SETTINGS, extraDaysOff: ['2031-04-18', '2031-05-05', '2031-12-24'] });
    await stable();
    expect(element.querySelector('[data-testid=status]')?.textContent?.trim()).toBe(
      'Vrije dagen opgeslagen.',
    );
  });

  it('refuses an empty date and a date that is already listed with a field error', async () => {
    await render();
    await addDate('');
    expect(dateInput().getAttribute('aria-invalid')).toBe('true');
    expect(dateInput().getAttribute('aria-describedby')).toBe(
      'settings-new-date-hint settings-new-date-error',
    );
    expect(element.querySelector('#settings-new-date-error')?.textContent?.trim()).toBe('Kies een datum.');
    expect(element.querySelector('[data-testid=error-summary] a[href="#settings-new-date"]')).not.toBeNull();

    await addDate('2031-05-05');
    expect(element.querySelector('#settings-new-date-error')?.textContent?.trim()).toBe(
      'ma 5 mei 2031 staat al in de lijst.',
    );
    expect(listedDays()).toHaveLength(2);

    await addDate('2031-06-01');
    expect(element.querySelector('#settings-new-date-error')).toBeNull();
    expect(dateInput().getAttribute('aria-invalid')).toBeNull();
    expect(listedDays()).toHaveLength(3);
    http.expectNone({ method: 'PUT', url: API_PATHS.organisationSettings });
  });

  it('shows a 400 from the API in the error summary and next to the list', async () => {
    await render();
    await save();
    http.expectOne({ method: 'PUT', url: API_PATHS.organisationSettings }).flush(
      {
        type: PROBLEM_TYPES.validation,
        title: 'Bad Request',
        status: 400,
        errors: [{ field: 'extraDaysOff', message: 'Ongeldige datum: 2031-02-30.' }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await stable();

    const summary = must(element.querySelector('[data-testid=error-summary]'));
    expect(summary.closest('[role=alert]')).not.toBeNull();
    expect(summary.textContent).toContain('Extra vrije dagen: Ongeldige datum: 2031-02-30.');
    expect(summary.querySelector('a[href="#settings-extra-days-off"]')).not.toBeNull();
    expect(element.querySelector('[data-testid=days-off-error]')?.textContent?.trim()).toBe(
      'Ongeldige datum: 2031-02-30.',
    );
    expect(element.querySelector('[data-testid=days-off]')?.getAttribute('aria-describedby')).toBe(
      'settings-extra-days-off-error',
    );
    expect(element.querySelector('[data-testid=status]')?.textContent?.trim()).toBe('');
  });

  it('explains when the settings cannot be loaded', async () => {
    TestBed.configureTestingModule({
      imports: [SettingsComponent, testTransloco()],
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(SettingsComponent);
    element = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    http
      .expectOne(API_PATHS.organisationSettings)
      .flush(null, { status: 503, statusText: 'Service Unavailable' });
    await stable();
    expect(element.querySelector('[data-testid=load-error]')?.textContent).toContain(
      'konden niet worden geladen',
    );
  });
});
