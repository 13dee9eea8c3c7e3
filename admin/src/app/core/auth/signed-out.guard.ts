import { inject } from '@angular/core';
import { type CanActivateFn, Router } from '@angular/router';
import { AuthService } from './auth.service';
import { SIGN_IN_QUERY, safeReturnUrl } from './auth-routes';

/** The sign-in page is only for visitors who are not signed in; others go where they wanted to be. */
export const signedOutGuard: CanActivateFn = async (route) => {
  const auth = inject(AuthService);
  const router = inject(Router);
  const me = await auth.ensureLoaded();
  if (!me) {
    return true;
  }
  return router.parseUrl(safeReturnUrl(route.queryParamMap.get(SIGN_IN_QUERY.returnUrl)));
};
