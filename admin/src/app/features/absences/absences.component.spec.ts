import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import {
  userAbsencePath,
  userAbsencesPath,
  type Me,
  type UserAbsence,
  type UserRole,
} from '@waakvlam/contracts';
import { aUser, must, settle, testTransloco } from '../../../testing/test-transloco.util';
import { AuthService } from '../../core/auth/auth.service';
import { DateFormatService } from '../../shared/dates/date-format.service';
import { AbsencesComponent } from './absences.component';

function anAbsence(overrides: Partial<UserAbsence> = {}): UserAbsence {
  return {
    id: 'a1',
    userId: 'u1',
    startsOn: '2031-03-01',
    endsOn: '2031-03-10',
    reason: 'Verlof',
    createdBy: { id: 'u2', displayName: 'Bert Bos' },
    createdAt: '2031-02-01T10:00:00Z',
    ...overrides,
  };
}

describe('AbsencesComponent', () => {
  let fixture: ComponentFixture<AbsencesComponent>;
  let http: HttpTestingController;
  let element: HTMLElement;

  afterEach(() => http.verify());

  async function stable(): Promise<void> {
    await settle();
    await fixture.whenStable();
  }

  async function render(role: UserRole, id: string | undefined, absences: UserAbsence[]): Promise<void> {
    const me = signal<Me | null>(aUser({ role }));
    TestBed.configureTestingModule({
      imports: [AbsencesComponent, testTransloco()],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        { provide: AuthService, useValue: { me: me.asReadonly() } },
      ],
    });
    jest.spyOn(TestBed.inject(DateFormatService), 'today').mockReturnValue('2031-03-05');
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(AbsencesComponent);
    if (id) fixture.componentRef.setInput('id', id);
    element = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    await settle();
    const userId = id ?? 'u1';
    http.expectOne(userAbsencesPath(userId)).flush(absences);
    if (id) {
      http.expectOne(`/api/users/${id}`).flush({
        id,
        email: 'kim@x.nl',
        displayName: 'Kim Klaver',
        role: 'caseworker',
        partnerOrganisationId: null,
        active: true,
      });
    }
    await stable();
  }

  function fill(selector: string, value: string): void {
    const field = must(element.querySelector<HTMLInputElement>(selector), selector);
    field.value = value;
    field.dispatchEvent(new Event('input'));
  }

  async function submit(): Promise<void> {
    must(element.querySelector<HTMLButtonElement>('[data-testid=submit-absence]')).click();
    await stable();
  }

  it("shows a caseworker's own absences, marking the current one", async () => {
    await render('caseworker', undefined, [
      anAbsence(),
      anAbsence({ id: 'a2', startsOn: '2031-01-01', endsOn: '2031-01-02', reason: null }),
    ]);
    expect(element.querySelector('h1')?.textContent?.trim()).toBe('Mijn afwezigheid');
    const rows = [...element.querySelectorAll('[data-testid=absences] tr')];
    expect(rows).toHaveLength(2);
    expect(rows[0].textContent).toContain('Nu afwezig');
    expect(rows[0].textContent).toContain('Verlof');
    expect(rows[1].textContent).not.toContain('Nu afwezig');
    expect(rows[0].querySelector('[data-testid=remove]')?.textContent?.replace(/\s+/g, ' ').trim()).toMatch(
      /^Verwijderen afwezigheid van .* tot en met .*$/,
    );
  });

  it("lets a coordinator manage another staff member's absences", async () => {
    await render('coordinator', 'u7', []);
    expect(element.querySelector('h1')?.textContent?.trim()).toBe('Afwezigheid van Kim Klaver');
    expect(element.querySelector('[data-testid=empty]')).not.toBeNull();
    fill('#absence-startsOn', '2031-04-01');
    fill('#absence-endsOn', '2031-04-05');
    fill('#absence-reason', ' Cursus ');
    await submit();
    const request = http.expectOne({ method: 'POST', url: userAbsencesPath('u7') });
    expect(request.request.body).toEqual({ startsOn: '2031-04-01', endsOn: '2031-04-05', reason: 'Cursus' });
    request.flush(
      anAbsence({ id: 'a9', userId: 'u7', startsOn: '2031-04-01', endsOn: '2031-04-05', reason: 'Cursus' }),
    );
    await stable();
    expect(element.querySelectorAll('[data-testid=absences] tr')).toHaveLength(1);
    expect(element.querySelector('[data-testid=status]')?.textContent).toContain('toegevoegd');
    expect(must(element.querySelector<HTMLInputElement>('#absence-startsOn')).value).toBe('');
  });

  it('refuses a last day before the first day, and empty dates', async () => {
    await render('caseworker', undefined, []);
    await submit();
    expect(element.querySelector('[data-testid=error-summary]')?.textContent).toContain('Vul dit veld in.');
    fill('#absence-startsOn', '2031-04-05');
    fill('#absence-endsOn', '2031-04-01');
    await submit();
    http.expectNone(userAbsencesPath('u1'));
    expect(element.querySelector('[data-testid=error-summary]')?.textContent).toContain(
      'De laatste dag mag niet voor de eerste dag liggen.',
    );
    expect(must(element.querySelector('#absence-endsOn')).getAttribute('aria-invalid')).toBe('true');
  });

  it('removes an absence and announces it', async () => {
    await render('caseworker', undefined, [anAbsence()]);
    must(element.querySelector<HTMLButtonElement>('[data-testid=remove]')).click();
    await settle();
    const request = http.expectOne(userAbsencePath('u1', 'a1'));
    expect(request.request.method).toBe('DELETE');
    request.flush(null, { status: 204, statusText: 'No Content' });
    await stable();
    expect(element.querySelector('[data-testid=absences]')).toBeNull();
    expect(element.querySelector('[data-testid=status]')?.textContent).toContain('verwijderd');
  });
});
