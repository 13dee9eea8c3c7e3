import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { API_PATHS, type DevMailboxMessage } from '@waakvlam/contracts';
import { must, settle, testTransloco } from '../../../testing/test-transloco.util';
import { DevMailboxComponent } from './dev-mailbox.component';

function aMessage(overrides: Partial<DevMailboxMessage>): DevMailboxMessage {
  return {
    id: 'm1',
    receivedAt: '2030-01-01T09:00:00.000Z',
    from: 'waakvlam@voorbeeld.nl',
    to: ['anna@voorbeeld.nl'],
    subject: 'Herinnering contactmoment',
    text: 'Morgen bellen.',
    html: null,
    ...overrides,
  };
}

describe('DevMailboxComponent', () => {
  let fixture: ComponentFixture<DevMailboxComponent>;
  let http: HttpTestingController;
  let element: HTMLElement;

  async function render(messages: DevMailboxMessage[], enabled = true): Promise<void> {
    TestBed.configureTestingModule({
      imports: [DevMailboxComponent, testTransloco()],
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(DevMailboxComponent);
    element = fixture.nativeElement as HTMLElement;
    http.expectOne({ method: 'GET', url: API_PATHS.devMailbox }).flush({ enabled, messages });
    await settle();
    await fixture.whenStable();
  }

  afterEach(() => http.verify());

  it('lists the messages newest first in a table with a caption and column headers', async () => {
    await render([
      aMessage({ id: 'old', subject: 'Oud', receivedAt: '2030-01-01T08:00:00.000Z' }),
      aMessage({ id: 'new', subject: 'Nieuw', receivedAt: '2030-01-01T10:00:00.000Z' }),
    ]);
    expect(element.querySelector('caption')?.textContent?.trim()).toBe('Opgevangen e-mails, nieuwste eerst');
    expect([...element.querySelectorAll('th[scope=col]')].map((th) => th.textContent?.trim())).toEqual([
      'Ontvangen',
      'Aan',
      'Onderwerp',
    ]);
    const subjects = [...element.querySelectorAll('tbody button')].map((b) => b.textContent?.trim());
    expect(subjects).toEqual(['Nieuw', 'Oud']);
  });

  it('shows from, to, subject and text of the selected message, and HTML only in a sandboxed frame', async () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    await render([aMessage({ html: '<p>Hallo</p><script>alert(1)</script>' })]);
    must(element.querySelector<HTMLButtonElement>('tbody button')).click();
    await fixture.whenStable();

    const detail = must(element.querySelector('section'));
    expect(detail.querySelector('h2')?.textContent?.trim()).toBe('Herinnering contactmoment');
    expect(detail.textContent).toContain('waakvlam@voorbeeld.nl');
    expect(detail.textContent).toContain('anna@voorbeeld.nl');
    expect(detail.querySelector('pre')?.textContent).toBe('Morgen bellen.');
    const frame = must(detail.querySelector('iframe'));
    expect(frame.getAttribute('sandbox')).toBe('');
    expect(frame.getAttribute('title')).toBe('Opgemaakte versie van de e-mail');
    const srcdoc = frame.getAttribute('srcdoc') ?? (frame as HTMLIFrameElement & { srcdoc: string }).srcdoc;
    expect(srcdoc).toContain('Hallo');
    expect(srcdoc).not.toContain('<script');
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('sanitizing HTML stripped some content'));
    warn.mockRestore();
  });

  it('shows the empty state and empties the mailbox with DELETE', async () => {
    await render([aMessage({})]);
    const clear = must(
      [...element.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Leegmaken'),
    );
    clear.click();
    http
      .expectOne({ method: 'DELETE', url: API_PATHS.devMailbox })
      .flush(null, { status: 204, statusText: 'No Content' });
    await settle();
    await fixture.whenStable();

    expect(element.querySelector('table')).toBeNull();
    expect(element.textContent).toContain('Er zijn geen e-mails opgevangen.');
    expect(element.querySelector('[role=status]')?.textContent).toContain('De mailbox is leeggemaakt.');
  });

  it('reloads with Vernieuwen', async () => {
    await render([]);
    const refresh = must(
      [...element.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Vernieuwen'),
    );
    refresh.click();
    http
      .expectOne(API_PATHS.devMailbox)
      .flush({ enabled: true, messages: [aMessage({ subject: 'Nieuw binnen' })] });
    await settle();
    await fixture.whenStable();
    expect(element.querySelector('tbody')?.textContent).toContain('Nieuw binnen');
  });

  it('says so when the mailbox is switched off', async () => {
    await render([], false);
    expect(element.textContent).toContain('De dev-mailbox staat uit in deze omgeving.');
    expect(element.querySelector('table')).toBeNull();
  });
});
