import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { API_PATHS, PROBLEM_TYPES, SIGN_IN_PATHS, type SignInProviders } from '@waakvlam/contracts';
import { aUser, must, settle, testTransloco } from '../../../testing/test-transloco.util';
import { SignInComponent } from './sign-in.component';

describe('SignInComponent', () => {
  let fixture: ComponentFixture<SignInComponent>;
  let http: HttpTestingController;
  let element: HTMLElement;

  async function render(
    queryParams: Record<string, string> = {},
    providers: SignInProviders = { oidc: null },
  ): Promise<void> {
    TestBed.configureTestingModule({
      imports: [SignInComponent, testTransloco()],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    const router = TestBed.inject(Router);
    await router.navigate([], { queryParams });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(SignInComponent);
    element = fixture.nativeElement as HTMLElement;
    fixture.detectChanges();
    http.expectOne(SIGN_IN_PATHS.providers).flush(providers);
    await settle();
    await fixture.whenStable();
    fixture.detectChanges();
  }

  function input(id: string): HTMLInputElement {
    return must(element.querySelector<HTMLInputElement>(`#${id}`));
  }

  function type(id: string, value: string): void {
    input(id).value = value;
    input(id).dispatchEvent(new Event('input'));
  }

  async function submit(): Promise<void> {
    must(element.querySelector<HTMLButtonElement>('button[type=submit]')).click();
    await settle();
    fixture.detectChanges();
  }

  function alertText(): string {
    return element.querySelector('[role=alert]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  }

  beforeEach(() => {
    document.cookie = 'XSRF-TOKEN=test-token';
  });

  afterEach(() => {
    http.verify();
  });

  it('has labelled fields with the right autocomplete hints', async () => {
    await render();
    expect(element.querySelector('label[for=email]')?.textContent?.trim()).toBe('E-mailadres');
    expect(element.querySelector('label[for=password]')?.textContent?.trim()).toBe('Wachtwoord');
    expect(input('email').getAttribute('autocomplete')).toBe('username');
    expect(input('password').getAttribute('autocomplete')).toBe('current-password');
    expect(element.querySelectorAll('h1')).toHaveLength(1);
  });

  it('shows field errors tied to the inputs and sends nothing when the form is empty', async () => {
    await render();
    await submit();

    const emailError = element.querySelector('#email-error');
    expect(emailError?.textContent?.trim()).toBe('Vul uw e-mailadres in.');
    expect(input('email').getAttribute('aria-invalid')).toBe('true');
    expect(input('email').getAttribute('aria-describedby')).toBe('email-error');
    expect(element.querySelector('#password-error')?.textContent?.trim()).toBe('Vul uw wachtwoord in.');
    expect(input('password').getAttribute('aria-describedby')).toBe('password-error');
    expect(alertText()).toContain('Vul uw e-mailadres in.');
    http.expectNone(API_PATHS.login);
  });

  it('rejects an e-mail address without a domain', async () => {
    await render();
    type('email', 'anna@');
    type('password', 'geheim');
    await submit();

    expect(element.querySelector('#email-error')?.textContent).toContain('Vul een geldig e-mailadres in');
    expect(input('password').hasAttribute('aria-invalid')).toBe(false);
    http.expectNone(API_PATHS.login);
  });

  it('shows "Het e-mailadres of wachtwoord klopt niet." in an alert after a 401', async () => {
    await render();
    type('email', 'anna@voorbeeld.nl');
    type('password', 'fout');
    await submit();

    const request = http.expectOne(API_PATHS.login);
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ email: 'anna@voorbeeld.nl', password: 'fout' });
    request.flush(
      { type: PROBLEM_TYPES.invalidCredentials, title: 'Unauthorized', status: 401 },
      { status: 401, statusText: 'Unauthorized' },
    );
    await settle();
    fixture.detectChanges();

    expect(alertText()).toContain('Het e-mailadres of wachtwoord klopt niet.');
    expect(input('password').value).toBe('');
    expect(element.querySelector('#password-error')).toBeNull();
    expect(input('password').hasAttribute('aria-invalid')).toBe(false);
  });

  it('tells how many minutes to wait after a 429', async () => {
    await render();
    type('email', 'anna@voorbeeld.nl');
    type('password', 'geheim');
    await submit();

    http
      .expectOne(API_PATHS.login)
      .flush(
        { type: PROBLEM_TYPES.rateLimited, title: 'Too Many Requests', status: 429 },
        { status: 429, statusText: 'Too Many Requests', headers: { 'Retry-After': '150' } },
      );
    await settle();
    fixture.detectChanges();

    expect(alertText()).toContain('Probeer het over 3 minuten opnieuw.');
  });

  it('fetches the CSRF cookie first when it is missing', async () => {
    document.cookie = 'XSRF-TOKEN=; expires=Thu, 01 Jan 1970 00:00:00 GMT';
    await render();
    type('email', 'anna@voorbeeld.nl');
    type('password', 'geheim');
    await submit();

    http.expectNone(API_PATHS.login);
    http.expectOne(API_PATHS.csrf).flush(null, { status: 204, statusText: 'No Content' });
    await settle();
    http.expectOne(API_PATHS.login).flush(aUser());
    await settle();
  });

  it('shows the session-ended notice and goes to the return URL after signing in', async () => {
    await render({ reden: 'sessie-beeindigd', terug: '/wie-ben-ik' });
    expect(element.textContent).toContain('Uw sessie is afgelopen.');

    const router = TestBed.inject(Router);
    const navigate = jest.spyOn(router, 'navigateByUrl').mockResolvedValue(true);
    type('email', 'anna@voorbeeld.nl');
    type('password', 'geheim');
    await submit();
    http.expectOne(API_PATHS.login).flush(aUser());
    await settle();

    expect(navigate).toHaveBeenCalledWith('/wie-ben-ik');
  });

  it('does not follow a return URL to another site', async () => {
    await render({ terug: '//evil.example/' });
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    type('email', 'anna@voorbeeld.nl');
    type('password', 'geheim');
    await submit();
    http.expectOne(API_PATHS.login).flush(aUser());
    await settle();

    expect(navigate).toHaveBeenCalledWith('/');
  });

  it('asks for the code from the app after a correct password, and signs in with it', async () => {
    await render({ terug: '/wie-ben-ik' });
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    type('email', 'anna@voorbeeld.nl');
    type('password', 'een-lang-wachtwoord');
    await submit();
    http
      .expectOne(API_PATHS.login)
      .flush(
        { step: 'two_factor', expiresAt: '2030-01-01T12:05:00Z' },
        { status: 202, statusText: 'Accepted' },
      );
    await settle();
    fixture.detectChanges();

    expect(element.querySelector('h2')?.textContent?.trim()).toBe('Tweestapsverificatie');
    expect(element.querySelector('#password')).toBeNull();
    expect(element.querySelector('label[for=sign-in-code]')?.textContent?.trim()).toBe('Code uit de app');
    expect(input('sign-in-code').getAttribute('autocomplete')).toBe('one-time-code');

    type('sign-in-code', '12345');
    must(element.querySelector<HTMLButtonElement>('button[type=submit]')).click();
    await settle();
    fixture.detectChanges();
    expect(alertText()).toContain('Vul de 6 cijfers uit de app in, zonder spaties.');
    http.expectNone(SIGN_IN_PATHS.verifyTwoFactor);

    type('sign-in-code', '123456');
    must(element.querySelector<HTMLButtonElement>('button[type=submit]')).click();
    await settle();
    const verify = http.expectOne(SIGN_IN_PATHS.verifyTwoFactor);
    expect(verify.request.body).toEqual({ code: '123456' });
    verify.flush(aUser({ role: 'coordinator' }));
    await settle();
    expect(navigate).toHaveBeenCalledWith('/wie-ben-ik');
  });

  it('says plainly when the code is wrong', async () => {
    await render();
    type('email', 'anna@voorbeeld.nl');
    type('password', 'een-lang-wachtwoord');
    await submit();
    http
      .expectOne(API_PATHS.login)
      .flush(
        { step: 'two_factor', expiresAt: '2030-01-01T12:05:00Z' },
        { status: 202, statusText: 'Accepted' },
      );
    await settle();
    fixture.detectChanges();
    type('sign-in-code', '654321');
    must(element.querySelector<HTMLButtonElement>('button[type=submit]')).click();
    await settle();
    http
      .expectOne(SIGN_IN_PATHS.verifyTwoFactor)
      .flush(
        { type: PROBLEM_TYPES.invalidCredentials, title: 'Sign-in failed', status: 401 },
        { status: 401, statusText: 'Unauthorized' },
      );
    await settle();
    fixture.detectChanges();
    expect(alertText()).toContain('Deze code klopt niet of is al gebruikt.');
  });

  it('offers sign-in with the organisation when the API has a provider, and explains a refusal', async () => {
    await render(
      { oidc: 'refused' },
      { oidc: { name: 'Gemeente Voorbeeld', startUrl: '/api/auth/oidc/start' } },
    );
    const link = must(element.querySelector<HTMLAnchorElement>('a[href="/api/auth/oidc/start"]'));
    expect(link.textContent?.trim()).toBe('Inloggen met Gemeente Voorbeeld');
    expect(element.textContent).toContain('Inloggen via uw organisatie is niet gelukt.');
  });
});
