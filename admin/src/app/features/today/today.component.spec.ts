import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { API_PATHS, PROBLEM_TYPES, completeCheckInPath, type CheckIn } from '@waakvlam/contracts';
import { must, settle, testTransloco } from '../../../testing/test-transloco.util';
import { TodayComponent } from './today.component';

const TODAY = '2031-03-10';

function aCheckIn(overrides: Partial<CheckIn> = {}): CheckIn {
  return {
    id: 'ci1',
    watchId: 'w1',
    client: { id: 'c1', name: 'Jan Jansen', reference: 'R-1' },
    caseworker: { id: 'u1', displayName: 'Anna de Vries' },
    handedOverFrom: null,
    contactMode: 'phone',
    dueDate: TODAY,
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

describe('TodayComponent (Vandaag) and the check-in dialog', () => {
  let fixture: ComponentFixture<TodayComponent>;
  let http: HttpTestingController;
  let element: HTMLElement;

  beforeEach(() => {
    jest.useFakeTimers({ doNotFake: ['setTimeout', 'setImmediate', 'queueMicrotask', 'nextTick'] });
    jest.setSystemTime(new Date(`${TODAY}T09:00:00Z`));
  });

  afterEach(() => {
    http.verify();
    jest.useRealTimers();
  });

  async function render(today: CheckIn[], overdue: CheckIn[]): Promise<void> {
    TestBed.configureTestingModule({
      imports: [TodayComponent, testTransloco()],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(TodayComponent);
    element = fixture.nativeElement as HTMLElement;
    await flushLists(today, overdue);
  }

  async function flushLists(today: CheckIn[], overdue: CheckIn[]) {
    await settle();
    http.expectOne(`${API_PATHS.checkIns}?view=today`).flush(today);
    http.expectOne(`${API_PATHS.checkIns}?view=overdue`).flush(overdue);
    // The check-ins carry the watch's contact mode: no extra request for the watches.
    http.expectNone((request) => request.url.startsWith(API_PATHS.watches));
    await settle();
    await fixture.whenStable();
  }

  function rows(): string[] {
    return [...element.querySelectorAll('[data-testid=check-ins] li')].map(
      (li) => li.querySelector('a')?.textContent?.trim() ?? '',
    );
  }

  function button(text: string): HTMLButtonElement {
    return must(
      [...element.querySelectorAll<HTMLButtonElement>('button')].find((b) =>
        b.textContent?.trim().startsWith(text),
      ),
      `button ${text}`,
    );
  }

  it('lists overdue check-ins first, oldest first, with "n dagen te laat" and the contact mode', async () => {
    await render(
      [aCheckIn({ id: 'today', client: { id: 'c3', name: 'Carla', reference: 'R-3' } })],
      [
        aCheckIn({
          id: 'late1',
          dueDate: '2031-03-09',
          client: { id: 'c2', name: 'Bram', reference: 'R-2' },
        }),
        aCheckIn({
          id: 'late3',
          dueDate: '2031-03-07',
          watchId: 'w9',
          contactMode: 'visit',
          client: { id: 'c1', name: 'Ahmed', reference: 'R-1' },
        }),
      ],
    );

    expect(rows()).toEqual(['Ahmed', 'Bram', 'Carla']);
    const lateness = [...element.querySelectorAll('[data-testid=lateness]')].map((e) =>
      e.textContent?.trim(),
    );
    expect(lateness).toEqual(['3 dagen te laat', '1 dag te laat', 'Vandaag']);
    expect(element.querySelector('[data-testid=check-ins] li')?.textContent).toContain('Huisbezoek');
    expect(element.querySelector('[data-testid=check-ins] li time')?.textContent).toContain('7 maart 2031');
    expect(element.querySelector('[data-testid=check-ins] a')?.getAttribute('href')).toBe('/inwoners/c1');
  });

  it('marks a check-in taken over from an absent colleague', async () => {
    await render(
      [
        aCheckIn({ id: 'mine' }),
        aCheckIn({
          id: 'taken',
          watchId: 'w2',
          client: { id: 'c2', name: 'Bram', reference: 'R-2' },
          handedOverFrom: { id: 'u9', displayName: 'Cees Claassen' },
        }),
      ],
      [],
    );
    const handedOver = [...element.querySelectorAll('[data-testid=check-ins] li')].map(
      (li) => li.querySelector('[data-testid=handed-over] dd')?.textContent?.trim() ?? null,
    );
    // Sorted by client: Bram's first.
    expect(rows()).toEqual(['Bram', 'Jan Jansen']);
    expect(handedOver).toEqual(['Overgenomen van Cees Claassen (afwezig)', null]);
  });

  it('shows the empty state when nothing is due', async () => {
    await render([], []);
    expect(element.querySelector('[data-testid=empty]')?.textContent?.trim()).toBe(
      'Geen contactmomenten voor vandaag.',
    );
    expect(element.querySelector('[data-testid=check-ins]')).toBeNull();
  });

  it('records an outcome in three clicks, removes the row and announces it politely', async () => {
    await render([aCheckIn({ contactMode: 'message' })], []);

    const trigger = button('Vastleggen');
    trigger.click(); // 1
    await fixture.whenStable();
    const dialog = must(element.querySelector('dialog'));
    expect(dialog.hasAttribute('open')).toBe(true);
    expect(dialog.querySelector('h2')?.textContent).toContain('Jan Jansen');
    expect(must(dialog.querySelector<HTMLSelectElement>('select')).value).toBe('message');
    expect(dialog.querySelector('[data-testid=note-counter]')?.textContent).toContain('Nog 500 van 500');
    const labels = [...dialog.querySelectorAll('.wv-outcome')].map((l) => l.textContent?.trim());
    expect(labels).toEqual([
      'Het gaat goed',
      'Zorgen',
      'Heeft steun nodig',
      'Niet bereikt',
      'Wil geen contact',
    ]);

    must(dialog.querySelector<HTMLInputElement>('#check-in-outcome-concern')).click(); // 2
    await fixture.whenStable();
    button('Opslaan').click(); // 3
    await settle();

    const request = http.expectOne(completeCheckInPath('ci1'));
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ outcome: 'concern', channel: 'message' });
    request.flush(aCheckIn({ status: 'done', outcome: 'concern', channel: 'message' }));
    await settle();
    await fixture.whenStable();

    expect(rows()).toEqual([]);
    expect(dialog.hasAttribute('open')).toBe(false);
    expect(element.querySelector('[role=status]')?.textContent).toContain('Contactmoment vastgelegd');
  });

  it('sends the changed channel and the note, and asks for an outcome first', async () => {
    await render([aCheckIn()], []);
    button('Vastleggen').click();
    await fixture.whenStable();
    const dialog = must(element.querySelector('dialog'));

    button('Opslaan').click();
    await settle();
    await fixture.whenStable();
    http.expectNone(completeCheckInPath('ci1'));
    expect(dialog.querySelector('[role=alert]')?.textContent).toContain('Kies hoe het ging.');

    must(dialog.querySelector<HTMLInputElement>('#check-in-outcome-well')).click();
    const select = must(dialog.querySelector<HTMLSelectElement>('select'));
    select.value = 'visit';
    select.dispatchEvent(new Event('change'));
    const note = must(dialog.querySelector<HTMLTextAreaElement>('textarea'));
    note.value = 'Koffie gedronken';
    note.dispatchEvent(new Event('input'));
    await fixture.whenStable();
    expect(dialog.querySelector('[data-testid=note-counter]')?.textContent).toContain('Nog 484 van 500');

    button('Opslaan').click();
    await settle();
    const request = http.expectOne(completeCheckInPath('ci1'));
    expect(request.request.body).toEqual({ outcome: 'well', channel: 'visit', note: 'Koffie gedronken' });
    request.flush(aCheckIn({ status: 'done' }));
    await settle();
  });

  it('closes on Escape (cancel) and gives focus back to the button', async () => {
    await render([aCheckIn()], []);
    const trigger = button('Vastleggen');
    trigger.focus();
    trigger.click();
    await fixture.whenStable();
    const dialog = must(element.querySelector('dialog'));
    dialog.dispatchEvent(new Event('cancel', { cancelable: true }));
    await fixture.whenStable();
    expect(dialog.hasAttribute('open')).toBe(false);
    expect(document.activeElement).toBe(trigger);
  });

  it('explains a 409 and reloads the list', async () => {
    await render([aCheckIn()], []);
    button('Vastleggen').click();
    await fixture.whenStable();
    must(element.querySelector<HTMLInputElement>('#check-in-outcome-well')).click();
    button('Opslaan').click();
    await settle();
    http
      .expectOne(completeCheckInPath('ci1'))
      .flush(
        { type: PROBLEM_TYPES.conflict, title: 'Conflict', status: 409 },
        { status: 409, statusText: 'Conflict' },
      );
    await flushLists([], []);

    expect(element.querySelector('[role=alert]')?.textContent).toContain('al vastgelegd of is vervallen');
    expect(element.querySelector('[data-testid=empty]')).not.toBeNull();
  });
});
