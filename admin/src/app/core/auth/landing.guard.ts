import { inject } from '@angular/core';
import { type CanActivateFn, Router } from '@angular/router';
import { AuthService } from './auth.service';

/** Path of the caseworker's landing page. */
export const CASEWORKER_HOME = '/vandaag';

/** The start page of caseworkers is "Vandaag"; everyone else stays on the start page. */
export const landingGuard: CanActivateFn = async () => {
  const auth = inject(AuthService);
  const router = inject(Router);
  const me = await auth.ensureLoaded();
  return me?.role === 'caseworker' ? router.parseUrl(CASEWORKER_HOME) : true;
};
