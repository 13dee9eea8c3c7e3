import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { API_PATHS, PROBLEM_TYPES } from '@waakvlam/contracts';
import { must, settle, testTransloco } from '../../../testing/test-transloco.util';
import { ClientFormComponent } from './client-form.component';

describe('ClientFormComponent', () => {
  let fixture: ComponentFixture<ClientFormComponent>;
  let http: HttpTestingController;
  let element: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [ClientFormComponent, testTransloco()],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ClientFormComponent);
    element = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  });

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
});
