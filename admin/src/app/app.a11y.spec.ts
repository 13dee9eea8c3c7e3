import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, TitleStrategy, provideRouter } from '@angular/router';
import { API_PATHS, PROBLEM_TYPES } from '@waakvlam/contracts';
import axe from 'axe-core';
import { aUser, settle, testTransloco } from '../testing/test-transloco.util';
import { AppComponent } from './app.component';
import { APP_ROUTES } from './app.routes';
import { LanguageService } from './core/i18n/language.service';
import { sessionExpiredInterceptor } from './core/auth/session-expired.interceptor';
import { TranslatedTitleStrategy } from './core/title/translated-title.strategy';

/**
 * Structural WCAG checks with axe-core on whole pages in jsdom. Colour contrast needs a real browser
 * and is left to the browser suite.
 */
describe('pages in the shell (axe, jsdom)', () => {
  let http: HttpTestingController;

  async function open(url: string, signedIn: boolean): Promise<void> {
    TestBed.configureTestingModule({
      imports: [AppComponent, testTransloco()],
      providers: [
        provideHttpClient(withInterceptors([sessionExpiredInterceptor])),
        provideHttpClientTesting(),
        provideRouter(APP_ROUTES),
        { provide: TitleStrategy, useExisting: TranslatedTitleStrategy },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    document.documentElement.removeAttribute('lang');
    await TestBed.inject(LanguageService).init();
    const fixture = TestBed.createComponent(AppComponent);
    const navigation = TestBed.inject(Router).navigateByUrl(url);
    await settle();
    const me = http.expectOne(API_PATHS.me);
    if (signedIn) {
      me.flush(aUser());
    } else {
      me.flush(
        { type: PROBLEM_TYPES.unauthenticated, title: 'Unauthorized', status: 401 },
        { status: 401, statusText: 'Unauthorized' },
      );
    }
    await navigation;
    await settle();
    if (signedIn) {
      http.expectOne(API_PATHS.devMailbox).flush({ enabled: true, messages: [] });
    }
    await settle();
    await fixture.whenStable();
  }

  async function violations(): Promise<string[]> {
    const results = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
      rules: { 'color-contrast': { enabled: false } },
    });
    return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }

  afterEach(() => http.verify());

  it('the sign-in page has no violations, one h1 and a translated title', async () => {
    await open('/', false);
    expect(TestBed.inject(Router).url).toBe('/inloggen');
    expect(document.querySelectorAll('h1')).toHaveLength(1);
    expect(document.title).toBe('Inloggen – Waakvlam');
    expect(await violations()).toEqual([]);
  });

  it('the start page greets the user, has no violations and a translated title', async () => {
    await open('/', true);
    expect(document.querySelector('h1')?.textContent?.trim()).toBe('Welkom, Anna de Vries');
    expect(document.querySelector('[data-testid=role-text]')?.textContent).toContain('U bent begeleider.');
    expect(document.title).toBe('Start – Waakvlam');
    expect(await violations()).toEqual([]);
  });

  it('the who-am-i page lists the account details', async () => {
    await open('/wie-ben-ik', true);
    const terms = [...document.querySelectorAll('dt')].map((dt) => dt.textContent?.trim());
    expect(terms).toEqual(['Naam', 'E-mailadres', 'Rol', 'Organisatie', 'Sessie eindigt uiterlijk']);
    expect(document.querySelector('dl')?.textContent).toContain('Begeleider');
    expect(await violations()).toEqual([]);
  });
});
