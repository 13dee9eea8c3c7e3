import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { DOCUMENT, Injectable, computed, inject, signal } from '@angular/core';
import {
  API_PATHS,
  CSRF_COOKIE,
  STAFF_ROLES,
  type LoginRequest,
  type Me,
  type SignInNextStep,
} from '@waakvlam/contracts';
import { firstValueFrom } from 'rxjs';

/** Holds the signed-in user. `me()` is null when nobody is signed in. */
@Injectable({ providedIn: 'root' })
export class AuthService {
  private readonly http = inject(HttpClient);
  private readonly document = inject(DOCUMENT);
  private readonly current = signal<Me | null>(null);
  private loaded: Promise<Me | null> | null = null;

  readonly me = this.current.asReadonly();
  readonly isSignedIn = computed(() => this.current() !== null);
  readonly isStaff = computed(() => {
    const me = this.current();
    return me !== null && STAFF_ROLES.includes(me.role);
  });

  /** Asks the API who is signed in, once; later calls share the answer. */
  ensureLoaded(): Promise<Me | null> {
    this.loaded ??= this.fetchMe();
    return this.loaded;
  }

  /**
   * Signs in with a password: the user, or the second step that is still due (no session yet; see
   * `completeSignIn`). Rejects with the `HttpErrorResponse` of the API on failure.
   */
  async signIn(request: LoginRequest): Promise<Me | SignInNextStep> {
    await this.ensureCsrfCookie();
    const response = await firstValueFrom(
      this.http.post<Me | SignInNextStep>(API_PATHS.login, request, { observe: 'response' }),
    );
    const body = response.body as Me | SignInNextStep;
    if (response.status === 202) return body;
    this.setMe(body as Me);
    return body;
  }

  /** A sign-in finished by another step (a code, an enrolment, a new password): the API answered the user. */
  completeSignIn(me: Me): void {
    this.setMe(me);
  }

  async signOut(): Promise<void> {
    try {
      await this.ensureCsrfCookie();
      await firstValueFrom(this.http.post<void>(API_PATHS.logout, null));
    } catch {
      // The session may already have ended; the user is signed out locally either way.
    } finally {
      this.clearSession();
    }
  }

  /** Forgets the user, e.g. after the API answered 401. */
  clearSession(): void {
    this.setMe(null);
  }

  private setMe(me: Me | null): void {
    this.current.set(me);
    this.loaded = Promise.resolve(me);
  }

  private async fetchMe(): Promise<Me | null> {
    try {
      const me = await firstValueFrom(this.http.get<Me>(API_PATHS.me));
      this.current.set(me);
      return me;
    } catch (error: unknown) {
      if (!(error instanceof HttpErrorResponse) || error.status !== 401) {
        // API unreachable or failing: treat as signed out, but try again on the next check.
        this.loaded = null;
      }
      this.current.set(null);
      return null;
    }
  }

  private async ensureCsrfCookie(): Promise<void> {
    if (hasCookie(this.document.cookie, CSRF_COOKIE)) {
      return;
    }
    await firstValueFrom(this.http.get(API_PATHS.csrf, { observe: 'response', responseType: 'text' }));
  }
}

function hasCookie(cookies: string, name: string): boolean {
  return cookies.split(';').some((part) => part.trim().startsWith(`${name}=`));
}
