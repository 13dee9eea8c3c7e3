import { DOCUMENT, Injectable, Injector, afterNextRender, inject } from '@angular/core';
import { NavigationEnd, Router } from '@angular/router';
import { filter } from 'rxjs';

/** Id of the `<main>` element; the skip link points here. */
export const MAIN_ID = 'hoofdinhoud';

/**
 * After each in-app navigation (not the first page load) focus moves to the page's `h1`, so that
 * screen reader and keyboard users start at the new content.
 */
@Injectable({ providedIn: 'root' })
export class FocusOnNavigationService {
  private readonly router = inject(Router);
  private readonly document = inject(DOCUMENT);
  private readonly injector = inject(Injector);
  private started = false;

  start(): void {
    if (this.started) {
      return;
    }
    this.started = true;
    let first = true;
    this.router.events.pipe(filter((event) => event instanceof NavigationEnd)).subscribe(() => {
      if (first) {
        first = false;
        return;
      }
      afterNextRender({ read: () => this.focusMainHeading() }, { injector: this.injector });
    });
  }

  /** Focuses the main heading, or `<main>` when the page has none. */
  focusMainHeading(): void {
    const main = this.document.getElementById(MAIN_ID);
    const target = main?.querySelector<HTMLElement>('h1') ?? main;
    if (!target) {
      return;
    }
    if (!target.hasAttribute('tabindex')) {
      target.setAttribute('tabindex', '-1');
    }
    target.focus();
  }

  /** For the skip link. */
  focusMain(): void {
    const main = this.document.getElementById(MAIN_ID);
    main?.focus();
    main?.scrollIntoView?.();
  }
}
