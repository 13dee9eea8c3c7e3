import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { PROBLEM_TYPES, selfCheckInPath } from '@waakvlam/contracts';
import { must, settle, testTransloco } from '../../../testing/test-transloco.util';
import { SelfCheckInComponent } from './self-check-in.component';

const TOKEN = 'A'.repeat(43);
const NOT_FOUND = { type: PROBLEM_TYPES.notFound, title: 'Not found', status: 404 };

describe('SelfCheckInComponent', () => {
  let fixture: ComponentFixture<SelfCheckInComponent>;
  let http: HttpTestingController;
  let element: HTMLElement;

  async function stable(): Promise<void> {
    await settle();
    await fixture.whenStable();
  }

  async function render(token = TOKEN): Promise<void> {
    TestBed.configureTestingModule({
      imports: [SelfCheckInComponent, testTransloco()],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(SelfCheckInComponent);
    fixture.componentRef.setInput('token', token);
    element = fixture.nativeElement as HTMLElement;
    await stable();
  }

  const heading = () => element.querySelector('h1')?.textContent?.trim();
  const buttons = () => [...element.querySelectorAll('button')].map((b) => b.textContent?.trim());
  const button = (name: string) =>
    must(
      [...element.querySelectorAll('button')].find((b) => b.textContent?.trim() === name),
      name,
    );

  async function open(): Promise<void> {
    await render();
    http.expectOne({ method: 'GET', url: selfCheckInPath(TOKEN) }).flush({ status: 'open' });
    await stable();
  }

  afterEach(() => http.verify());

  it('asks how it goes with three answers, one heading and nothing personal', async () => {
    await open();
    expect(heading()).toBe('Hoe gaat het met u?');
    expect(element.querySelectorAll('h1')).toHaveLength(1);
    expect(buttons()).toEqual(['Het gaat goed', 'Het gaat minder goed', 'Ik wil graag contact']);
  });

  it('sends the answer and thanks the client in words that fit it', async () => {
    await open();
    button('Ik wil graag contact').click();
    await stable();
    const post = http.expectOne({ method: 'POST', url: selfCheckInPath(TOKEN) });
    expect(post.request.body).toEqual({ response: 'needs_support' });
    post.flush({ status: 'recorded' });
    await stable();
    expect(heading()).toBe('Bedankt voor uw antwoord');
    expect(element.textContent).toContain('Uw begeleider neemt zo snel mogelijk contact met u op.');
    expect(buttons()).toEqual([]);
  });

  it('sends one answer only, however often a button is pressed', async () => {
    await open();
    button('Het gaat goed').click();
    button('Het gaat minder goed').click();
    await stable();
    http.expectOne({ method: 'POST', url: selfCheckInPath(TOKEN) }).flush({ status: 'recorded' });
    await stable();
    expect(element.textContent).toContain('Fijn dat het goed met u gaat.');
  });

  it('shows the friendly page for a link that does not work, and does not ask the API for a malformed one', async () => {
    await render('not-a-token');
    http.expectNone(() => true);
    expect(heading()).toBe('Deze link werkt niet meer');

    TestBed.resetTestingModule();
    await render();
    http.expectOne(selfCheckInPath(TOKEN)).flush(NOT_FOUND, { status: 404, statusText: 'Not Found' });
    await stable();
    expect(heading()).toBe('Deze link werkt niet meer');
    expect(element.textContent).toContain('zoals u dat altijd doet');
  });

  it('keeps the answers when sending fails, and explains too many attempts', async () => {
    await open();
    button('Het gaat goed').click();
    await stable();
    http
      .expectOne({ method: 'POST', url: selfCheckInPath(TOKEN) })
      .flush({ status: 429 }, { status: 429, statusText: 'Too Many Requests' });
    await stable();
    expect(element.querySelector('[role=alert]')?.textContent).toContain('Wacht een minuut');
    expect(buttons()).toHaveLength(3);

    button('Het gaat goed').click();
    await stable();
    http
      .expectOne({ method: 'POST', url: selfCheckInPath(TOKEN) })
      .flush(NOT_FOUND, { status: 404, statusText: 'Not Found' });
    await stable();
    expect(heading()).toBe('Deze link werkt niet meer');
  });
});
