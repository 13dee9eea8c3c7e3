import { inject } from '@angular/core';
import { type CanActivateFn, Router } from '@angular/router';
import { AuthService } from './auth.service';

/** Path of the caseworker's landing page. */
export const CASEWORKER_HOME = '/vandaag';

/** Path of the partner portal: a partner's landing page. */
export const PARTNER_HOME = '/meldingen';

/**
 * The start page of caseworkers is "Vandaag"; partners land in the partner portal (they see nothing else of the
 * console); everyone else stays on the start page.
 */
export const landingGuard: CanActivateFn = async () => {
  const auth = inject(AuthService);
  const router = inject(Router);
  const me = await auth.ensureLoaded();
  if (me?.role === 'caseworker') return router.parseUrl(CASEWORKER_HOME);
  if (me?.role === 'partner') return router.parseUrl(PARTNER_HOME);
  return true;
};
