import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import {
  type ActivatedRouteSnapshot,
  type RouterStateSnapshot,
  UrlTree,
  provideRouter,
} from '@angular/router';
import { API_PATHS, PROBLEM_TYPES } from '@waakvlam/contracts';
import { aUser, settle } from '../../../testing/test-transloco.util';
import { authGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { roleGuard } from './role.guard';

describe('auth and role guards', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  function run(guard: typeof authGuard, url: string) {
    return TestBed.runInInjectionContext(() =>
      guard({} as ActivatedRouteSnapshot, { url } as RouterStateSnapshot),
    ) as Promise<boolean | UrlTree>;
  }

  it('asks /api/auth/me once and lets a signed-in user in', async () => {
    const first = run(authGuard, '/wie-ben-ik');
    await settle();
    http.expectOne(API_PATHS.me).flush(aUser());
    expect(await first).toBe(true);
    expect(await run(authGuard, '/')).toBe(true);
    expect(TestBed.inject(AuthService).me()?.displayName).toBe('Anna de Vries');
  });

  it('sends a visitor to the sign-in page with the return URL', async () => {
    const result = run(authGuard, '/wie-ben-ik');
    await settle();
    http
      .expectOne(API_PATHS.me)
      .flush(
        { type: PROBLEM_TYPES.unauthenticated, status: 401, title: 'Unauthorized' },
        { status: 401, statusText: 'Unauthorized' },
      );
    expect(String(await result)).toBe('/inloggen?terug=%2Fwie-ben-ik');
  });

  it('keeps a partner out of staff pages', async () => {
    const result = run(roleGuard(['admin', 'coordinator', 'caseworker']), '/dev-mailbox');
    await settle();
    http.expectOne(API_PATHS.me).flush(aUser({ role: 'partner' }));
    expect(String(await result)).toBe('/');
  });

  it('lets a coordinator into staff pages', async () => {
    const result = run(roleGuard(['admin', 'coordinator', 'caseworker']), '/dev-mailbox');
    await settle();
    http.expectOne(API_PATHS.me).flush(aUser({ role: 'coordinator' }));
    expect(await result).toBe(true);
  });
});
