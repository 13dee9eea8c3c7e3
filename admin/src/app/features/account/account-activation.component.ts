import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { activateUserPath, deactivateUserPath, type UserSummary } from '@waakvlam/contracts';
import { firstValueFrom } from 'rxjs';
import { AuthService } from '../../core/auth/auth.service';

/**
 * Deactivate or activate an account (admins; not their own). Deactivating asks once more, then ends every session
 * of the account at once.
 */
@Component({
  selector: 'wv-account-activation',
  imports: [TranslocoPipe],
  template: `
    @if (canChange()) {
      @if (confirming()) {
        <span class="wv-inline-confirm">
          {{ 'accountActivation.confirm' | transloco: { name: user().displayName } }}
          <button
            type="button"
            class="utrecht-button utrecht-button--secondary-action"
            (click)="apply(false)"
          >
            {{ 'accountActivation.yes' | transloco }}
          </button>
          <button type="button" class="utrecht-button utrecht-button--subtle" (click)="confirming.set(false)">
            {{ 'accountActivation.cancel' | transloco }}
          </button>
        </span>
      } @else if (user().active) {
        <button type="button" class="utrecht-button utrecht-button--subtle" (click)="confirming.set(true)">
          {{ 'accountActivation.deactivate' | transloco
          }}<span class="wv-visually-hidden"> {{ user().displayName }}</span>
        </button>
      } @else {
        <button type="button" class="utrecht-button utrecht-button--subtle" (click)="apply(true)">
          {{ 'accountActivation.activate' | transloco
          }}<span class="wv-visually-hidden"> {{ user().displayName }}</span>
        </button>
      }
      @if (failed()) {
        <span role="alert">{{ 'accountActivation.failed' | transloco }}</span>
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AccountActivationComponent {
  private readonly http = inject(HttpClient);
  private readonly auth = inject(AuthService);

  readonly user = input.required<UserSummary>();
  readonly changed = output<UserSummary>();

  protected readonly confirming = signal(false);
  protected readonly failed = signal(false);
  protected readonly canChange = computed(() => {
    const me = this.auth.me();
    return me?.role === 'admin' && me.id !== this.user().id;
  });

  protected async apply(active: boolean): Promise<void> {
    this.failed.set(false);
    const id = encodeURIComponent(this.user().id);
    try {
      const path = active ? activateUserPath(id) : deactivateUserPath(id);
      this.changed.emit(await firstValueFrom(this.http.post<UserSummary>(path, null)));
      this.confirming.set(false);
    } catch {
      this.failed.set(true);
    }
  }
}
