import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { PROBLEM_TYPES, SIGNALS_PATH } from '@waakvlam/contracts';
import { aPartnerSignal } from '../../../testing/reactivation-fixtures';
import { must, settle, testTransloco } from '../../../testing/test-transloco.util';
import { DateFormatService } from '../../shared/dates/date-format.service';
import { PartnerSignalFormComponent } from './partner-signal-form.component';

const TODAY = '2031-03-05';

describe('PartnerSignalFormComponent', () => {
  let fixture: ComponentFixture<PartnerSignalFormComponent>;
  let http: HttpTestingController;
  let element: HTMLElement;

  afterEach(() => http.verify());

  async function stable(): Promise<void> {
    await settle();
    await fixture.whenStable();
  }

  async function render(): Promise<void> {
    TestBed.configureTestingModule({
      imports: [PartnerSignalFormComponent, testTransloco()],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    jest.spyOn(TestBed.inject(DateFormatService), 'today').mockReturnValue(TODAY);
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(PartnerSignalFormComponent);
    element = fixture.nativeElement as HTMLElement;
    await stable();
  }

  function fill(selector: string, value: string): void {
    const field = must(
      element.querySelector<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(selector),
      selector,
    );
    field.value = value;
    field.dispatchEvent(new Event(field instanceof HTMLSelectElement ? 'change' : 'input'));
  }

  async function submit(): Promise<void> {
    must(element.querySelector<HTMLButtonElement>('[data-testid=submit-signal]')).click();
    await stable();
  }

  function summary(): string {
    return element.querySelector('[data-testid=error-summary]')?.textContent ?? '';
  }

  it('starts on a client reference with today as the observed date, and checks every field', async () => {
    await render();
    expect(must(element.querySelector<HTMLInputElement>('#signal-observedOn')).value).toBe(TODAY);
    expect(must(element.querySelector<HTMLInputElement>('#signal-observedOn')).getAttribute('max')).toBe(
      TODAY,
    );
    expect(element.querySelector('#signal-postcode')).toBeNull();
    await submit();
    http.expectNone(SIGNALS_PATH);
    expect(summary()).toContain('Referentie');
    expect(summary()).toContain('Categorie');
    expect(summary()).toContain('Wat heeft u gezien of gehoord?');
    expect(must(element.querySelector('#signal-clientReference')).getAttribute('aria-invalid')).toBe('true');
  });

  it('files a signal about a client reference', async () => {
    await render();
    fill('#signal-clientReference', ' K7M4-Q9XT ');
    fill('#signal-category', 'rent_arrears');
    fill('#signal-description', 'Huur niet betaald.');
    await submit();
    const request = http.expectOne({ method: 'POST', url: SIGNALS_PATH });
    expect(request.request.body).toEqual({
      clientReference: 'K7M4-Q9XT',
      category: 'rent_arrears',
      description: 'Huur niet betaald.',
      observedOn: TODAY,
    });
    request.flush(aPartnerSignal({ id: 's9', status: 'received', feedback: [] }), {
      status: 201,
      statusText: 'Created',
    });
    await stable();
    expect(element.querySelector('h1')?.textContent?.trim()).toBe('Uw signaal is verstuurd');
    expect(element.querySelector('[data-testid=view-signal]')?.getAttribute('href')).toBe('/meldingen/s9');
  });

  it('files a signal about an address, and refuses a date in the future', async () => {
    await render();
    must(element.querySelector<HTMLInputElement>('#signal-about-address')).click();
    await stable();
    expect(element.querySelector('#signal-clientReference')).toBeNull();
    fill('#signal-postcode', '1234 ab');
    fill('#signal-houseNumber', '12');
    fill('#signal-houseNumberAddition', 'a');
    fill('#signal-category', 'nuisance');
    fill('#signal-description', 'Veel lawaai.');
    fill('#signal-observedOn', '2031-03-06');
    await submit();
    http.expectNone(SIGNALS_PATH);
    expect(summary()).toContain('Kies vandaag of een dag in het verleden.');

    fill('#signal-observedOn', '2031-03-04');
    await submit();
    const request = http.expectOne({ method: 'POST', url: SIGNALS_PATH });
    expect(request.request.body).toEqual({
      address: { postcode: '1234AB', houseNumber: '12', houseNumberAddition: 'a' },
      category: 'nuisance',
      description: 'Veel lawaai.',
      observedOn: '2031-03-04',
    });
    request.flush(aPartnerSignal({ status: 'received', feedback: [] }));
    await stable();
  });

  it("shows the API's field errors next to the fields", async () => {
    await render();
    fill('#signal-clientReference', 'X');
    fill('#signal-category', 'other');
    fill('#signal-description', 'Iets.');
    await submit();
    http.expectOne({ method: 'POST', url: SIGNALS_PATH }).flush(
      {
        type: PROBLEM_TYPES.validation,
        title: 'Bad request',
        status: 400,
        errors: [{ field: 'observedOn', message: 'observedOn must not be in the future' }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await stable();
    expect(summary()).toContain('observedOn must not be in the future');
  });
});
