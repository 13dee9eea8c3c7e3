import { ChangeDetectionStrategy, Component, computed, effect, inject, untracked } from '@angular/core';
import { Router, RouterOutlet } from '@angular/router';
import { AuthService } from './core/auth/auth.service';
import { SIGN_IN_PATH, SIGN_IN_QUERY, SIGN_IN_REASONS } from './core/auth/auth-routes';
import { FocusOnNavigationService, MAIN_ID } from './core/a11y/focus-on-navigation.service';
import { MainNavComponent } from './core/layout/main-nav.component';
import { SiteHeaderComponent } from './core/layout/site-header.component';
import { navItemsFor } from './core/navigation/nav-items.config';
import { DevMailboxService } from './features/dev-mailbox/dev-mailbox.service';

/** The page shell: skip link, header, main navigation (when signed in) and the main landmark. */
@Component({
  selector: 'wv-root',
  imports: [RouterOutlet, SiteHeaderComponent, MainNavComponent],
  templateUrl: './app.component.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AppComponent {
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly focus = inject(FocusOnNavigationService);
  private readonly devMailbox = inject(DevMailboxService);

  protected readonly mainId = MAIN_ID;
  protected readonly me = this.auth.me;
  protected readonly navItems = computed(() => {
    const me = this.me();
    return me ? navItemsFor(me.role, { devMailbox: this.devMailbox.enabled() }) : [];
  });

  constructor() {
    this.focus.start();
    effect(() => {
      const staff = this.auth.isStaff();
      untracked(() => {
        if (staff) {
          this.devMailbox.refresh().catch(() => undefined);
        } else {
          this.devMailbox.reset();
        }
      });
    });
  }

  protected skipToMain(): void {
    this.focus.focusMain();
  }

  protected async signOut(): Promise<void> {
    await this.auth.signOut();
    await this.router.navigate([`/${SIGN_IN_PATH}`], {
      queryParams: { [SIGN_IN_QUERY.reason]: SIGN_IN_REASONS.signedOut },
    });
  }
}
