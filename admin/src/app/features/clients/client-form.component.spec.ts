import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { API_PATHS, PROBLEM_TYPES, clientPath, type PartnerOrganisationSummary } from '@waakvlam/contracts';
import { must, settle, testTransloco } from '../../../testing/test-transloco.util';
import { ClientFormComponent } from './client-form.component';

const PARTNERS: PartnerOrganisationSummary[] = [
  { id: 'p-police', name: 'Politie Midden', kind: 'police' },
  { id: 'p-housing', name: 'Woonstede', kind: 'housing_corporation' },
  { id: 'p-debt', name: 'Geldzorg', kind: 'debt_help' },
];

describe('ClientFormComponent', () => {
  let fixture: ComponentFixture<ClientFormComponent>;
  let http: HttpTestingController;
  let element: HTMLElement;

  async function render(partners: PartnerOrganisationSummary[] = []): Promise<void> {
    TestBed.configureTestingModule({
      imports: [ClientFormComponent, testTransloco()],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ClientFormComponent);
    element = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    http.expectOne({ method: 'GET', url: API_PATHS.partnerOrganisations }).flush(partners);
    await settle();
    await fixture.whenStable();
  }

  afterEach(() => http.verify());

  function input(id: string): HTMLInputElement {
    return must(element.querySelector<HTMLInputElement>(`#${id}`), id);
  }

  function type(id: string, value: string): void {
    input(id).value = value;
    input(id).dispatchEvent(new Event('input'));
  }

  async function submit(): Promise<void> {
    must(element.querySelector<HTMLButtonElement>('button[type=submit]')).click();
    await settle();
    await fixture.whenStable();
  }

  function fillValid(): void {
    type('client-name', 'Jan Jansen');
    type('client-reference', 'R-1');
    type('client-postcode', '1234 ab');
    type('client-houseNumber', '5');
  }

  it('checks required fields and the postcode before sending anything', async () => {
    await render();
    type('client-postcode', '0123AB');
    await submit();
    http.expectNone(API_PATHS.clients);
    expect(input('client-name').getAttribute('aria-invalid')).toBe('true');
    expect(input('client-postcode').getAttribute('aria-describedby')).toContain('client-postcode-error');
    expect(element.querySelector('#client-postcode-error')?.textContent).toContain('1234 AB');
    const links = [...element.querySelectorAll('[data-testid=error-summary] a')].map((a) =>
      a.getAttribute('href'),
    );
    expect(links).toContain('#client-name');
    expect(links).toContain('#client-postcode');
  });

  it('posts the client with consent and shows the API field errors next to the right fields', async () => {
    await render();
    fillValid();
    type('client-email', 'jan@voorbeeld.nl');
    await submit();

    const request = http.expectOne({ method: 'POST', url: API_PATHS.clients });
    expect(request.request.body).toEqual({
      reference: 'R-1',
      name: 'Jan Jansen',
      email: 'jan@voorbeeld.nl',
      phone: null,
      preferredChannel: 'phone',
      postcode: '1234AB',
      houseNumber: '5',
      neighbourhood: null,
      dateOfBirth: null,
      consent: { legalBasis: 'consent', emailReminders: false, sharingPartnerIds: [] },
    });
    request.flush(
      {
        type: PROBLEM_TYPES.validation,
        title: 'Bad Request',
        status: 400,
        errors: [
          { field: 'email', message: 'Dit e-mailadres bestaat niet.' },
          { field: 'consent.legalBasis', message: 'Grondslag ontbreekt.' },
        ],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle();
    await fixture.whenStable();

    expect(input('client-email').getAttribute('aria-invalid')).toBe('true');
    expect(input('client-email').getAttribute('aria-describedby')).toBe('client-email-error');
    expect(element.querySelector('#client-email-error')?.textContent?.trim()).toBe(
      'Dit e-mailadres bestaat niet.',
    );
    expect(element.querySelector('#client-legalBasis-consent-error')?.textContent?.trim()).toBe(
      'Grondslag ontbreekt.',
    );
    const summary = must(element.querySelector('[data-testid=error-summary]'));
    expect(summary.closest('[role=alert]')).not.toBeNull();
    expect(summary.textContent).toContain('E-mailadres: Dit e-mailadres bestaat niet.');
    expect(summary.querySelector('a[href="#client-email"]')).not.toBeNull();
  });

  it('offers "Waakvlam starten" right after creating the client', async () => {
    await render();
    fillValid();
    await submit();
    http.expectOne({ method: 'POST', url: API_PATHS.clients }).flush({ id: 'c9', name: 'Jan Jansen' });
    await settle();
    await fixture.whenStable();
    expect(element.querySelector('h1')?.textContent).toContain('Inwoner geregistreerd');
    expect(element.querySelector('[data-testid=start-watch]')?.getAttribute('href')).toBe(
      '/inwoners/c9/waakvlam/nieuw',
    );
  });

  it('offers one labelled checkbox per partner organisation and posts the chosen ids', async () => {
    await render(PARTNERS);
    const fieldset = must(element.querySelector('[data-testid=sharing-partners]'));
    expect(fieldset.tagName).toBe('FIELDSET');
    expect(fieldset.querySelector('legend')?.textContent?.trim()).toBe('Gegevens mogen worden gedeeld met:');
    const boxes = [...fieldset.querySelectorAll<HTMLInputElement>('input[type=checkbox]')];
    const labels = boxes.map((box) => element.querySelector(`label[for="${box.id}"]`)?.textContent?.trim());
    expect(labels).toEqual([
      'Geldzorg (Schuldhulp)',
      'Politie Midden (Politie)',
      'Woonstede (Woningcorporatie)',
    ]);
    expect(boxes.every((box) => !box.checked)).toBe(true);
    expect(element.querySelector('[data-testid=no-partners]')).toBeNull();
    expect(element.textContent).not.toContain('later instellen');

    fillValid();
    boxes[2].click();
    boxes[0].click();
    boxes[1].click();
    boxes[1].click(); // and unticked again
    await fixture.whenStable();
    await submit();

    const request = http.expectOne({ method: 'POST', url: API_PATHS.clients });
    expect(request.request.body.consent).toEqual({
      legalBasis: 'consent',
      emailReminders: false,
      sharingPartnerIds: ['p-debt', 'p-housing'],
    });
    request.flush({ id: 'c9', name: 'Jan Jansen' });
    await settle();
  });

  it('says so when the organisation has no partner organisations yet', async () => {
    await render([]);
    const fieldset = must(element.querySelector('[data-testid=sharing-partners]'));
    expect(fieldset.querySelectorAll('input[type=checkbox]')).toHaveLength(0);
    expect(fieldset.querySelector('[data-testid=no-partners]')?.textContent?.trim()).toBe(
      'Uw organisatie heeft nog geen ketenpartners.',
    );
  });

  it('ticks the partners recorded before when editing and sends them again', async () => {
    TestBed.configureTestingModule({
      imports: [ClientFormComponent, testTransloco()],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ClientFormComponent);
    fixture.componentRef.setInput('id', 'c1');
    element = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    http.expectOne(API_PATHS.partnerOrganisations).flush(PARTNERS);
    http.expectOne(clientPath('c1')).flush({
      id: 'c1',
      reference: 'R-1',
      name: 'Jan Jansen',
      postcode: '1234AB',
      houseNumber: '5',
      neighbourhood: null,
      openWatch: null,
      email: null,
      phone: null,
      preferredChannel: 'phone',
      dateOfBirth: null,
      consent: {
        legalBasis: 'consent',
        emailReminders: false,
        sharingPartnerIds: ['p-police'],
        recordedAt: '2031-01-01T10:00:00Z',
        recordedBy: { id: 'u2', displayName: 'Rik Regie' },
      },
      createdAt: '2031-01-01T10:00:00Z',
      updatedAt: '2031-01-01T10:00:00Z',
    });
    await settle();
    await fixture.whenStable();

    const checked = [...element.querySelectorAll<HTMLInputElement>('[data-testid=sharing-partners] input')]
      .filter((box) => box.checked)
      .map((box) => box.value);
    expect(checked).toEqual(['p-police']);
    await submit();
    const request = http.expectOne({ method: 'PATCH', url: clientPath('c1') });
    expect(request.request.body.consent.sharingPartnerIds).toEqual(['p-police']);
    request.flush({});
    await settle();
  });

  it('explains when the partner list cannot be loaded', async () => {
    TestBed.configureTestingModule({
      imports: [ClientFormComponent, testTransloco()],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ClientFormComponent);
    element = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    http
      .expectOne(API_PATHS.partnerOrganisations)
      .flush(null, { status: 503, statusText: 'Service Unavailable' });
    await settle();
    await fixture.whenStable();
    expect(element.querySelector('[data-testid=partners-error]')?.textContent).toContain(
      'konden niet worden geladen',
    );
  });
});
