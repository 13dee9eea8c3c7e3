import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { API_PATHS, PROBLEM_TYPES, type OrganisationSettings } from '@waakvlam/contracts';
import axe from 'axe-core';
import { must, settle, testTransloco } from '../../../testing/test-transloco.util';
import { SlaSettingsComponent } from './sla-settings.component';

const SETTINGS: OrganisationSettings = {
  timeZone: 'Europe/Amsterdam',
  extraDaysOff: [],
  discreetSenderName: null,
  clientNamesInEmail: false,
  slaUrgentWorkingHours: 4,
  slaNormalWorkingHours: 16,
  workingHoursStart: '09:00',
  workingHoursEnd: '17:00',
};

const URGENT = '#settings-sla-urgent-hours';
const NORMAL = '#settings-sla-normal-hours';
const START = '#settings-working-hours-start';
const END = '#settings-working-hours-end';

describe('SlaSettingsComponent', () => {
  let fixture: ComponentFixture<SlaSettingsComponent>;
  let http: HttpTestingController;
  let element: HTMLElement;

  async function stable(): Promise<void> {
    await settle();
    await fixture.whenStable();
  }

  async function render(settings: OrganisationSettings = SETTINGS): Promise<void> {
    TestBed.configureTestingModule({
      imports: [SlaSettingsComponent, testTransloco()],
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(SlaSettingsComponent);
    fixture.componentRef.setInput('settings', settings);
    element = fixture.nativeElement as HTMLElement;
    await stable();
  }

  afterEach(() => http.verify());

  const field = (selector: string): HTMLInputElement =>
    must(element.querySelector<HTMLInputElement>(selector), selector);

  function type(selector: string, value: string): void {
    field(selector).value = value;
    field(selector).dispatchEvent(new Event('input'));
  }

  async function save(): Promise<void> {
    must(element.querySelector<HTMLButtonElement>('[data-testid=sla-save]')).click();
    await stable();
  }

  const summary = (): string => element.querySelector('[data-testid=error-summary]')?.textContent ?? '';
  const errorOf = (selector: string): string | undefined =>
    element.querySelector(`${selector}-error`)?.textContent?.trim();

  it('labels the four fields in Dutch, explains them, and starts from the loaded settings', async () => {
    await render({ ...SETTINGS, slaUrgentWorkingHours: 3, workingHoursStart: '08:30' });
    expect(element.querySelector('h2')?.textContent?.trim()).toBe('Termijnen voor heractiveringen');
    expect(element.textContent).toContain('De termijn telt alleen werkuren');
    expect(field(URGENT).value).toBe('3');
    expect(field(NORMAL).value).toBe('16');
    expect(field(START).value).toBe('08:30');
    expect(field(END).value).toBe('17:00');
    expect(field(URGENT).getAttribute('inputmode')).toBe('numeric');
    expect(field(START).type).toBe('time');
    expect(field(END).type).toBe('time');
    const label = (selector: string) =>
      element.querySelector(`label[for=${selector.slice(1)}]`)?.textContent?.trim();
    expect(label(URGENT)).toBe('Termijn bij spoed, in werkuren');
    expect(label(NORMAL)).toBe('Termijn bij normaal, in werkuren');
    expect(label(START)).toBe('Begin van de werkdag');
    expect(label(END)).toBe('Einde van de werkdag');
    expect(field(NORMAL).getAttribute('aria-describedby')).toBe('settings-sla-normal-hours-hint');
    expect(element.querySelector('#settings-sla-normal-hours-hint')?.textContent).toContain(
      '1 tot en met 80',
    );
  });

  it('saves all four with one PUT, then confirms politely', async () => {
    await render();
    type(URGENT, ' 2 ');
    type(NORMAL, '24');
    type(START, '08:00');
    type(END, '16:00');
    await save();
    const request = http.expectOne({ method: 'PUT', url: API_PATHS.organisationSettings });
    expect(request.request.body).toEqual({
      slaUrgentWorkingHours: 2,
      slaNormalWorkingHours: 24,
      workingHoursStart: '08:00',
      workingHoursEnd: '16:00',
    });
    request.flush({
      ...SETTINGS,
      slaUrgentWorkingHours: 2,
      slaNormalWorkingHours: 24,
      workingHoursStart: '08:00',
      workingHoursEnd: '16:00',
    });
    await stable();
    const status = must(element.querySelector('[data-testid=sla-status]'));
    expect(status.getAttribute('role')).toBe('status');
    expect(status.textContent?.trim()).toBe('Termijnen opgeslagen.');
    expect(field(URGENT).value).toBe('2');
    expect(element.querySelector('[data-testid=error-summary]')).toBeNull();
  });

  it('refuses hours outside 1–80, a wrong time and a working day under an hour before sending', async () => {
    await render();
    type(URGENT, '0');
    type(NORMAL, '2,5');
    type(START, '12:00');
    type(END, '12:30');
    await save();
    http.expectNone({ method: 'PUT', url: API_PATHS.organisationSettings });
    expect(errorOf(URGENT)).toBe('Kies een heel getal van 1 tot en met 80.');
    expect(errorOf(NORMAL)).toBe('Kies een heel getal van 1 tot en met 80.');
    expect(errorOf(END)).toBe('Het einde van de werkdag moet minstens een uur na het begin liggen.');
    expect(field(URGENT).getAttribute('aria-invalid')).toBe('true');
    expect(field(END).getAttribute('aria-describedby')).toBe(
      'settings-working-hours-end-hint settings-working-hours-end-error',
    );
    expect(
      element.querySelector('[data-testid=error-summary] a[href="#settings-sla-urgent-hours"]'),
    ).not.toBeNull();
    expect(summary()).toContain(
      'Einde van de werkdag: Het einde van de werkdag moet minstens een uur na het begin',
    );

    type(URGENT, '81');
    type(NORMAL, '');
    type(START, '9:00');
    await stable();
    expect(errorOf(URGENT)).toBe('Kies een heel getal van 1 tot en met 80.');
    expect(errorOf(NORMAL)).toBe('Vul dit veld in.');
    expect(errorOf(START)).toBe('Vul een tijd in zoals 09:00.');

    type(URGENT, '80');
    type(NORMAL, '1');
    type(START, '16:00');
    type(END, '17:00');
    await save();
    http.expectOne({ method: 'PUT', url: API_PATHS.organisationSettings }).flush({
      ...SETTINGS,
      slaUrgentWorkingHours: 80,
      slaNormalWorkingHours: 1,
      workingHoursStart: '16:00',
    });
    await stable();
    expect(element.querySelector('[data-testid=error-summary]')).toBeNull();
  });

  it("shows the API's field error next to the field, and explains a 403 or an unavailable API", async () => {
    await render();
    await save();
    http.expectOne({ method: 'PUT', url: API_PATHS.organisationSettings }).flush(
      {
        type: PROBLEM_TYPES.validation,
        title: 'Bad Request',
        status: 400,
        errors: [{ field: 'workingHoursEnd', message: 'must be at least an hour after workingHoursStart' }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await stable();
    expect(errorOf(END)).toBe('must be at least an hour after workingHoursStart');
    expect(element.querySelector('[data-testid=sla-status]')?.textContent?.trim()).toBe('');

    await save();
    http
      .expectOne({ method: 'PUT', url: API_PATHS.organisationSettings })
      .flush(null, { status: 403, statusText: 'Forbidden' });
    await stable();
    expect(summary()).toContain('Alleen een beheerder mag de termijnen wijzigen.');

    await save();
    http
      .expectOne({ method: 'PUT', url: API_PATHS.organisationSettings })
      .flush(null, { status: 503, statusText: 'Service Unavailable' });
    await stable();
    expect(summary()).toContain('Opslaan lukt nu niet');
  });

  it('has no WCAG violations (axe), also with errors showing', async () => {
    await render();
    const violations = async (): Promise<string[]> => {
      const results = await axe.run(element, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
        rules: { 'color-contrast': { enabled: false } },
      });
      return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    };
    expect(await violations()).toEqual([]);
    type(URGENT, '0');
    type(END, '08:00');
    await save();
    expect(element.querySelector('[data-testid=error-summary]')).not.toBeNull();
    expect(await violations()).toEqual([]);
  });
});
