import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { API_PATHS, PROBLEM_TYPES, type OrganisationSettings } from '@waakvlam/contracts';
import axe from 'axe-core';
import { must, settle, testTransloco } from '../../../testing/test-transloco.util';
import { MailSettingsComponent } from './mail-settings.component';

const SETTINGS: OrganisationSettings = {
  timeZone: 'Europe/Amsterdam',
  extraDaysOff: ['2031-05-05'],
  discreetSenderName: null,
  clientNamesInEmail: false,
  slaUrgentWorkingHours: 4,
  slaNormalWorkingHours: 16,
  workingHoursStart: '09:00',
  workingHoursEnd: '17:00',
};

describe('MailSettingsComponent', () => {
  let fixture: ComponentFixture<MailSettingsComponent>;
  let http: HttpTestingController;
  let element: HTMLElement;

  async function stable(): Promise<void> {
    await settle();
    await fixture.whenStable();
  }

  async function render(settings: OrganisationSettings = SETTINGS): Promise<void> {
    TestBed.configureTestingModule({
      imports: [MailSettingsComponent, testTransloco()],
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(MailSettingsComponent);
    fixture.componentRef.setInput('settings', settings);
    element = fixture.nativeElement as HTMLElement;
    await stable();
  }

  afterEach(() => http.verify());

  const nameInput = (): HTMLInputElement =>
    must(element.querySelector<HTMLInputElement>('#settings-discreet-sender-name'), 'sender name input');
  const namesCheckbox = (): HTMLInputElement =>
    must(element.querySelector<HTMLInputElement>('#settings-client-names-in-email'), 'client names checkbox');

  function type(value: string): void {
    nameInput().value = value;
    nameInput().dispatchEvent(new Event('input'));
  }

  async function save(): Promise<void> {
    must(element.querySelector<HTMLButtonElement>('[data-testid=mail-save]')).click();
    await stable();
  }

  it('labels both fields, explains them in Dutch and starts from the loaded settings', async () => {
    await render({ ...SETTINGS, discreetSenderName: 'Team Noord', clientNamesInEmail: true });
    expect(element.querySelector('h2')?.textContent?.trim()).toBe('E-mails');
    expect(nameInput().value).toBe('Team Noord');
    expect(nameInput().type).toBe('text');
    expect(element.querySelector('label[for=settings-discreet-sender-name]')?.textContent).toContain(
      'Afzendernaam voor discreet versturen',
    );
    expect(element.querySelector('label[for=settings-discreet-sender-name]')?.textContent).toContain(
      '(niet verplicht)',
    );
    expect(nameInput().getAttribute('aria-describedby')).toBe('settings-discreet-sender-name-hint');
    expect(element.querySelector('#settings-discreet-sender-name-hint')?.textContent).toContain('Team Noord');

    expect(namesCheckbox().type).toBe('checkbox');
    expect(namesCheckbox().checked).toBe(true);
    expect(element.querySelector('label[for=settings-client-names-in-email]')?.textContent?.trim()).toBe(
      'Namen van inwoners in e-mails aan medewerkers zetten',
    );
    expect(namesCheckbox().getAttribute('aria-describedby')).toBe('settings-client-names-in-email-hint');
    expect(element.querySelector('#settings-client-names-in-email-hint')?.textContent).toContain(
      'referentie',
    );
  });

  it('saves the trimmed name and the choice with one PUT, then confirms politely', async () => {
    await render();
    type('  Team Zuid  ');
    namesCheckbox().click();
    await save();
    const request = http.expectOne({ method: 'PUT', url: API_PATHS.organisationSettings });
    expect(request.request.body).toEqual({ discreetSenderName: 'Team Zuid', clientNamesInEmail: true });
    request.flush({ ...SETTINGS, discreetSenderName: 'Team Zuid', clientNamesInEmail: true });
    await stable();

    const status = must(element.querySelector('[data-testid=mail-status]'));
    expect(status.getAttribute('role')).toBe('status');
    expect(status.textContent?.trim()).toBe('E-mailinstellingen opgeslagen.');
    expect(nameInput().value).toBe('Team Zuid');
    expect(element.querySelector('[data-testid=error-summary]')).toBeNull();
  });

  it('sends null for an empty name: discreet mode off', async () => {
    await render({ ...SETTINGS, discreetSenderName: 'Team Noord' });
    type('   ');
    await save();
    const request = http.expectOne({ method: 'PUT', url: API_PATHS.organisationSettings });
    expect(request.request.body).toEqual({ discreetSenderName: null, clientNamesInEmail: false });
    request.flush(SETTINGS);
    await stable();
    expect(nameInput().value).toBe('');
  });

  it('refuses a name over 100 characters before sending, with a summary that links to the field', async () => {
    await render();
    type('x'.repeat(101));
    await save();
    http.expectNone({ method: 'PUT', url: API_PATHS.organisationSettings });
    expect(nameInput().getAttribute('aria-invalid')).toBe('true');
    expect(nameInput().getAttribute('aria-describedby')).toBe(
      'settings-discreet-sender-name-hint settings-discreet-sender-name-error',
    );
    expect(element.querySelector('#settings-discreet-sender-name-error')?.textContent?.trim()).toBe(
      'Gebruik maximaal 100 tekens.',
    );
    const summary = must(element.querySelector('[data-testid=error-summary]'));
    expect(summary.querySelector('a[href="#settings-discreet-sender-name"]')).not.toBeNull();

    type(` ${'x'.repeat(100)} `);
    await save();
    http
      .expectOne({ method: 'PUT', url: API_PATHS.organisationSettings })
      .flush({ ...SETTINGS, discreetSenderName: 'x'.repeat(100) });
    await stable();
    expect(element.querySelector('#settings-discreet-sender-name-error')).toBeNull();
  });

  it("shows the API's field error next to the field", async () => {
    await render();
    type('Team Noord');
    await save();
    http.expectOne({ method: 'PUT', url: API_PATHS.organisationSettings }).flush(
      {
        type: PROBLEM_TYPES.validation,
        title: 'Bad Request',
        status: 400,
        errors: [{ field: 'discreetSenderName', message: 'Geen stuurtekens.' }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await stable();
    expect(element.querySelector('#settings-discreet-sender-name-error')?.textContent?.trim()).toBe(
      'Geen stuurtekens.',
    );
    expect(element.querySelector('[data-testid=error-summary]')?.textContent).toContain(
      'Afzendernaam voor discreet versturen: Geen stuurtekens.',
    );
    expect(element.querySelector('[data-testid=mail-status]')?.textContent?.trim()).toBe('');
  });

  it('explains a 403 and an unavailable API in the summary', async () => {
    await render();
    await save();
    http
      .expectOne({ method: 'PUT', url: API_PATHS.organisationSettings })
      .flush(null, { status: 403, statusText: 'Forbidden' });
    await stable();
    expect(element.querySelector('[data-testid=error-summary]')?.textContent).toContain(
      'Alleen een beheerder mag de e-mailinstellingen wijzigen.',
    );

    await save();
    http
      .expectOne({ method: 'PUT', url: API_PATHS.organisationSettings })
      .flush(null, { status: 503, statusText: 'Service Unavailable' });
    await stable();
    expect(element.querySelector('[data-testid=error-summary]')?.textContent).toContain(
      'Opslaan lukt nu niet',
    );
  });

  it('has no WCAG violations (axe), also with an error showing', async () => {
    await render({ ...SETTINGS, discreetSenderName: 'Team Noord' });
    const violations = async (): Promise<string[]> => {
      const results = await axe.run(element, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
        rules: { 'color-contrast': { enabled: false } },
      });
      return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    };
    expect(await violations()).toEqual([]);
    type('x'.repeat(101));
    await save();
    expect(element.querySelector('[data-testid=error-summary]')).not.toBeNull();
    expect(await violations()).toEqual([]);
  });
});
