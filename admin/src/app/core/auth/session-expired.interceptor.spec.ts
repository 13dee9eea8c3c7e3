import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { API_PATHS } from '@waakvlam/contracts';
import { firstValueFrom } from 'rxjs';
import { settle } from '../../../testing/test-transloco.util';
import { AuthService } from './auth.service';
import { sessionExpiredInterceptor } from './session-expired.interceptor';

describe('sessionExpiredInterceptor', () => {
  let http: HttpClient;
  let backend: HttpTestingController;
  let router: Router;
  let navigate: jest.SpyInstance;
  let clearSession: jest.SpyInstance;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([sessionExpiredInterceptor])),
        provideHttpClientTesting(),
        provideRouter([]),
      ],
    });
    http = TestBed.inject(HttpClient);
    backend = TestBed.inject(HttpTestingController);
    router = TestBed.inject(Router);
    navigate = jest.spyOn(router, 'navigate').mockResolvedValue(true);
    jest.spyOn(router, 'url', 'get').mockReturnValue('/dev-mailbox');
    clearSession = jest.spyOn(TestBed.inject(AuthService), 'clearSession');
  });

  afterEach(() => backend.verify());

  async function failWith(url: string, status: number): Promise<unknown> {
    const result = firstValueFrom(http.get(url)).catch((error: unknown) => error);
    backend.expectOne(url).flush({ status }, { status, statusText: 'Error' });
    await settle();
    return result;
  }

  it('sends the user to the sign-in page with a notice and a return URL on a 401', async () => {
    const error = await failWith(API_PATHS.devMailbox, 401);

    expect(error).toMatchObject({ status: 401 });
    expect(clearSession).toHaveBeenCalled();
    expect(navigate).toHaveBeenCalledWith(['/inloggen'], {
      queryParams: { reden: 'sessie-beeindigd', terug: '/dev-mailbox' },
    });
  });

  it.each([API_PATHS.login, API_PATHS.me])('leaves a 401 from %s to the caller', async (url) => {
    await failWith(url, 401);
    expect(navigate).not.toHaveBeenCalled();
    expect(clearSession).not.toHaveBeenCalled();
  });

  it('does not redirect on other errors', async () => {
    await failWith(API_PATHS.devMailbox, 403);
    await failWith(API_PATHS.devMailbox, 500);
    expect(navigate).not.toHaveBeenCalled();
  });
});
