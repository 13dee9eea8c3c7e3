import { inject } from '@angular/core';
import { type CanActivateFn, Router } from '@angular/router';
import type { UserRole } from '@waakvlam/contracts';
import { AuthService } from './auth.service';

/** Only users with one of `roles` may enter; use after `authGuard`. Others go to the start page. */
export function roleGuard(roles: readonly UserRole[]): CanActivateFn {
  return async () => {
    const auth = inject(AuthService);
    const router = inject(Router);
    const me = await auth.ensureLoaded();
    return me !== null && roles.includes(me.role) ? true : router.createUrlTree(['/']);
  };
}
