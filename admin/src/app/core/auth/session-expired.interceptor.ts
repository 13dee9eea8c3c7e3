import { HttpErrorResponse, type HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { API_PATHS } from '@waakvlam/contracts';
import { catchError, throwError } from 'rxjs';
import { AuthService } from './auth.service';
import { SIGN_IN_PATH, SIGN_IN_QUERY, SIGN_IN_REASONS, safeReturnUrl } from './auth-routes';

/** Requests whose 401 is an answer, not an ended session. */
const EXEMPT = new Set<string>([API_PATHS.login, API_PATHS.me]);

/** Any other 401 means the session ended: forget the user and go to the sign-in page. */
export const sessionExpiredInterceptor: HttpInterceptorFn = (request, next) => {
  const auth = inject(AuthService);
  const router = inject(Router);
  return next(request).pipe(
    catchError((error: unknown) => {
      if (error instanceof HttpErrorResponse && error.status === 401 && !EXEMPT.has(pathOf(request.url))) {
        auth.clearSession();
        const current = router.url;
        if (!current.startsWith(`/${SIGN_IN_PATH}`)) {
          void router.navigate([`/${SIGN_IN_PATH}`], {
            queryParams: {
              [SIGN_IN_QUERY.reason]: SIGN_IN_REASONS.sessionEnded,
              [SIGN_IN_QUERY.returnUrl]: safeReturnUrl(current) === '/' ? null : current,
            },
          });
        }
      }
      return throwError(() => error);
    }),
  );
};

function pathOf(url: string): string {
  const end = url.search(/[?#]/);
  return end === -1 ? url : url.slice(0, end);
}
