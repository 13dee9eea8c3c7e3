import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { API_PATHS, PROBLEM_TYPES, signalActionPath, signalPath, type Signal } from '@waakvlam/contracts';
import { aSignal } from '../../../testing/reactivation-fixtures';
import { must, settle, testTransloco } from '../../../testing/test-transloco.util';
import { SignalDetailComponent } from './signal-detail.component';

/** The console no longer looks the client's watch up: the signal carries it (`client.openWatch`). */
const LATEST_WATCH = `${API_PATHS.watches}?clientId=c1&pageSize=1`;

describe('SignalDetailComponent', () => {
  let fixture: ComponentFixture<SignalDetailComponent>;
  let http: HttpTestingController;
  let element: HTMLElement;

  afterEach(() => http.verify());

  async function stable(): Promise<void> {
    await settle();
    await fixture.whenStable();
  }

  async function render(signal: Signal, suggestions: () => void = () => undefined): Promise<void> {
    TestBed.configureTestingModule({
      imports: [SignalDetailComponent, testTransloco()],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(SignalDetailComponent);
    fixture.componentRef.setInput('id', 's1');
    element = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    await settle();
    http.expectOne(signalPath('s1')).flush(signal);
    await settle();
    suggestions();
    await stable();
  }

  function type(selector: string, value: string): void {
    const field = must(element.querySelector<HTMLInputElement | HTMLTextAreaElement>(selector), selector);
    field.value = value;
    field.dispatchEvent(new Event('input'));
  }

  async function submitTriage(): Promise<void> {
    must(element.querySelector<HTMLButtonElement>('[data-testid=submit-triage]')).click();
    await stable();
  }

  it('shows what the partner reported and the client the reference points to', async () => {
    await render(aSignal());
    expect(element.querySelector('h1')?.textContent?.trim()).toBe('Signaal van Woonstede');
    const about = must(element.querySelector('[data-testid=signal-about]')).textContent ?? '';
    expect(about).toContain('Referentie K7M4-Q9XT');
    expect(about).toContain('Jan Jansen');
    expect(element.textContent).toContain('Gemeld door Piet Partner');
    expect(element.textContent).toContain('Huur twee maanden niet betaald.');
    expect(element.querySelector('[data-testid=no-feedback]')).not.toBeNull();
    http.expectNone(LATEST_WATCH);
  });

  it("offers no watch by reference when the client's watch has ended (openWatch null)", async () => {
    await render(aSignal({ client: { id: 'c1', reference: 'R-1', name: 'Jan Jansen', openWatch: null } }));
    http.expectNone(LATEST_WATCH);
    must(element.querySelector<HTMLInputElement>('#triage-decision-link')).click();
    await stable();
    expect(element.querySelector('#triage-watch-w1')).toBeNull();
  });

  it('asks for a decision and a reason before triaging', async () => {
    await render(aSignal());
    await submitTriage();
    http.expectNone(signalActionPath('s1', 'triage'));
    const summary = must(element.querySelector('[data-testid=error-summary]')).textContent ?? '';
    expect(summary).toContain('Kies wat er met het signaal gebeurt.');
    expect(summary).toContain('Vul een reden in.');
  });

  it("links to the referenced client's watch (chosen already) with internal reason and partner feedback", async () => {
    await render(aSignal());
    must(element.querySelector<HTMLInputElement>('#triage-decision-link')).click();
    await stable();
    const option = must(element.querySelector<HTMLInputElement>('#triage-watch-w1'));
    expect(option.checked).toBe(true);
    expect(element.querySelector('[data-testid=watch-choice]')?.textContent).toContain(
      'Gevonden met de referentie van de ketenpartner',
    );
    type('#triage-reason', 'Bekende inwoner.');
    type('#triage-feedback', 'Wij nemen contact op met de bewoner.');
    await submitTriage();
    const request = http.expectOne(signalActionPath('s1', 'triage'));
    expect(request.request.body).toEqual({
      decision: 'link',
      reason: 'Bekende inwoner.',
      watchId: 'w1',
      urgency: 'normal',
      feedback: 'Wij nemen contact op met de bewoner.',
    });
    request.flush(
      aSignal({
        status: 'triaged',
        triage: {
          decision: 'linked',
          reason: 'Bekende inwoner.',
          watchId: 'w1',
          reactivationRequestId: 'r1',
          triagedBy: { id: 'u2', displayName: 'Bert Bos' },
        },
        feedback: [
          {
            id: 'f1',
            status: 'triaged',
            text: 'Wij nemen contact op met de bewoner.',
            createdAt: '2031-03-01T09:00:00Z',
            createdBy: { id: 'u2', displayName: 'Bert Bos' },
          },
        ],
      }),
    );
    await stable();
    expect(element.querySelector('[data-testid=status]')?.textContent).toContain('gekoppeld aan de waakvlam');
    expect(element.querySelector('[data-testid=triage]')).toBeNull();
    expect(element.querySelector('[data-testid=triage-outcome] a')?.getAttribute('href')).toBe(
      '/heractiveringen/r1',
    );
    expect(element.querySelector('[data-testid=feedback]')?.textContent).toContain('Wij nemen contact op');
    expect(element.querySelector('[data-testid=handle]')).not.toBeNull();
  });

  it('offers the clients at the address of an address signal, and finds others by search', async () => {
    await render(
      aSignal({
        category: 'safety',
        client: null,
        clientReference: null,
        address: { postcode: '1234AB', houseNumber: '5', houseNumberAddition: 'a' },
      }),
      () =>
        http.expectOne(signalActionPath('s1', 'candidates')).flush([
          {
            clientId: 'c1',
            reference: 'R-1',
            name: 'Jan Jansen',
            postcode: '1234AB',
            houseNumber: '5',
            exactMatch: false,
            openWatch: { id: 'w1', status: 'active' },
          },
          {
            clientId: 'c9',
            reference: 'R-9',
            name: 'Zonder Waakvlam',
            postcode: '1234AB',
            houseNumber: '5',
            exactMatch: true,
            openWatch: null,
          },
        ]),
    );
    expect(element.querySelector('[data-testid=signal-about]')?.textContent).toContain('1234 AB 5-a');
    must(element.querySelector<HTMLInputElement>('#triage-decision-link')).click();
    await stable();
    const choice = must(element.querySelector('[data-testid=watch-choice]'));
    expect(choice.querySelectorAll('input[type=radio]')).toHaveLength(1);
    expect(choice.textContent).toContain('de toevoeging bij het huisnummer is anders');
    // Safety signals default to urgent.
    expect(must(element.querySelector<HTMLSelectElement>('#triage-urgency')).value).toBe('urgent');

    type('#triage-search', 'Vries');
    must(element.querySelector<HTMLButtonElement>('[data-testid=search]')).click();
    await settle();
    http.expectOne(`${API_PATHS.clients}?q=Vries&pageSize=10`).flush({
      items: [
        {
          id: 'c2',
          reference: 'R-2',
          name: 'Els de Vries',
          postcode: '1234AB',
          houseNumber: '7',
          neighbourhood: null,
          openWatch: { id: 'w2', status: 'lapsed' },
        },
        {
          id: 'c3',
          reference: 'R-3',
          name: 'Kees de Vries',
          postcode: '1234AB',
          houseNumber: '9',
          neighbourhood: null,
          openWatch: null,
        },
      ],
      page: 1,
      pageSize: 10,
      total: 2,
    });
    await stable();
    expect(choice.querySelectorAll('input[type=radio]')).toHaveLength(2);
    expect(element.querySelector('[data-testid=search-status]')?.textContent).toContain(': 1.');
    expect(element.querySelector('[data-testid=without-watch]')?.textContent).toContain('Kees de Vries');

    must(element.querySelector<HTMLInputElement>('#triage-watch-w2')).click();
    type('#triage-reason', 'Buurvrouw, bekend.');
    await submitTriage();
    const request = http.expectOne(signalActionPath('s1', 'triage'));
    expect(request.request.body).toEqual({
      decision: 'link',
      reason: 'Buurvrouw, bekend.',
      watchId: 'w2',
      urgency: 'urgent',
    });
    request.flush(aSignal({ status: 'triaged' }));
    await stable();
  });

  it('forwards without a watch, and explains a 409', async () => {
    await render(aSignal({ client: null }));
    must(element.querySelector<HTMLInputElement>('#triage-decision-forward')).click();
    type('#triage-reason', 'Voor schuldhulp.');
    await stable();
    expect(element.querySelector('[data-testid=watch-choice]')).toBeNull();
    await submitTriage();
    const request = http.expectOne(signalActionPath('s1', 'triage'));
    expect(request.request.body).toEqual({ decision: 'forward', reason: 'Voor schuldhulp.' });
    request.flush(
      { type: PROBLEM_TYPES.conflict, title: 'Conflict', status: 409 },
      { status: 409, statusText: 'Conflict' },
    );
    await settle();
    http.expectOne(signalPath('s1')).flush(aSignal({ client: null, status: 'handled' }));
    await stable();
    expect(element.querySelector('[data-testid=signal-status]')?.textContent).toContain('Afgehandeld');
    expect(element.querySelector('[data-testid=triage]')).toBeNull();
    expect(element.querySelector('[data-testid=alert]')?.textContent).toContain(
      'al beoordeeld of afgehandeld',
    );
  });

  it('marks a triaged signal handled, with feedback for the partner', async () => {
    await render(aSignal({ status: 'triaged' }));
    expect(element.querySelector('[data-testid=triage]')).toBeNull();
    type('#handle-feedback', 'Afgehandeld. Dank voor uw melding.');
    await stable();
    must(element.querySelector<HTMLButtonElement>('[data-testid=submit-handle]')).click();
    await settle();
    const request = http.expectOne(signalActionPath('s1', 'handle'));
    expect(request.request.body).toEqual({ feedback: 'Afgehandeld. Dank voor uw melding.' });
    request.flush(aSignal({ status: 'handled' }));
    await stable();
    expect(element.querySelector('[data-testid=status]')?.textContent).toContain(
      'Het signaal is afgehandeld.',
    );
    expect(element.querySelector('[data-testid=handle]')).toBeNull();
  });
});
