import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { PROBLEM_TYPES, SIGN_IN_PATHS } from '@waakvlam/contracts';
import { aUser, must, settle, testTransloco } from '../../../testing/test-transloco.util';
import { ChangePasswordComponent } from './change-password.component';

describe('ChangePasswordComponent', () => {
  let fixture: ComponentFixture<ChangePasswordComponent>;
  let http: HttpTestingController;
  let element: HTMLElement;

  beforeEach(async () => {
    document.cookie = 'XSRF-TOKEN=test-token';
    TestBed.configureTestingModule({
      imports: [ChangePasswordComponent, testTransloco()],
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ChangePasswordComponent);
    element = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  });
  afterEach(() => http.verify());

  function type(id: string, value: string): void {
    const input = must(element.querySelector<HTMLInputElement>(`#${id}`));
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  async function submit(): Promise<void> {
    must(element.querySelector<HTMLButtonElement>('button[type=submit]')).click();
    await settle();
    fixture.detectChanges();
  }

  const errorOf = (id: string): string => element.querySelector(`#${id}-error`)?.textContent?.trim() ?? '';

  it('checks length and repetition before sending', async () => {
    type('current-password', 'het-oude-wachtwoord');
    type('new-password', 'te-kort');
    type('repeat-password', 'iets anders');
    await submit();
    expect(errorOf('new-password')).toBe('Gebruik minstens 12 tekens.');
    expect(errorOf('repeat-password')).toBe('De twee nieuwe wachtwoorden zijn niet gelijk.');
    expect(must(element.querySelector('#new-password')).getAttribute('autocomplete')).toBe('new-password');
    http.expectNone(SIGN_IN_PATHS.password);
  });

  it("shows the API's verdict per field in plain Dutch, and confirms a change", async () => {
    type('current-password', 'het-oude-wachtwoord');
    type('new-password', 'welkom123456');
    type('repeat-password', 'welkom123456');
    await submit();
    http.expectOne(SIGN_IN_PATHS.password).flush(
      {
        type: PROBLEM_TYPES.validation,
        title: 'Invalid input',
        status: 400,
        errors: [{ field: 'newPassword', message: 'is too common or too easy to guess: choose another' }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle();
    fixture.detectChanges();
    expect(errorOf('new-password')).toBe(
      'Dit wachtwoord wordt veel gebruikt en is makkelijk te raden. Kies een ander.',
    );

    type('new-password', 'mijn fiets staat bij de brug');
    type('repeat-password', 'mijn fiets staat bij de brug');
    await submit();
    const request = http.expectOne(SIGN_IN_PATHS.password);
    expect(request.request.body).toEqual({
      currentPassword: 'het-oude-wachtwoord',
      newPassword: 'mijn fiets staat bij de brug',
    });
    request.flush(aUser());
    await settle();
    fixture.detectChanges();
    expect(element.querySelector('[data-testid=password-status]')?.textContent).toContain(
      'Uw wachtwoord is gewijzigd.',
    );
  });
});
