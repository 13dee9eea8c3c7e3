import { inject } from '@angular/core';
import { type CanActivateFn, Router } from '@angular/router';
import { AuthService } from './auth.service';
import { SIGN_IN_PATH, SIGN_IN_QUERY } from './auth-routes';

/** Lets signed-in users through; sends others to the sign-in page with a return URL. */
export const authGuard: CanActivateFn = async (_route, state) => {
  const auth = inject(AuthService);
  const router = inject(Router);
  const me = await auth.ensureLoaded();
  if (me) {
    return true;
  }
  return router.createUrlTree([`/${SIGN_IN_PATH}`], {
    queryParams: state.url && state.url !== '/' ? { [SIGN_IN_QUERY.returnUrl]: state.url } : {},
  });
};
