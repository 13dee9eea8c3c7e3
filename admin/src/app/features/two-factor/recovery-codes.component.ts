import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';

/** The recovery codes, shown once after they were made, with the advice to keep them safe. */
@Component({
  selector: 'wv-recovery-codes',
  imports: [TranslocoPipe],
  template: `
    <section aria-labelledby="recovery-codes-heading" class="wv-recovery-codes">
      <h2 class="utrecht-heading-2" id="recovery-codes-heading" tabindex="-1">
        {{ 'twoFactor.recoveryCodes.heading' | transloco }}
      </h2>
      <p class="utrecht-paragraph">{{ 'twoFactor.recoveryCodes.intro' | transloco }}</p>
      <ul class="utrecht-unordered-list wv-code-list" data-testid="recovery-codes">
        @for (code of codes(); track code) {
          <li class="utrecht-unordered-list__item">
            <code class="utrecht-code">{{ code }}</code>
          </li>
        }
      </ul>
      <div class="utrecht-button-group">
        <button type="button" class="utrecht-button utrecht-button--primary-action" (click)="done.emit()">
          {{ doneKey() | transloco }}
        </button>
      </div>
    </section>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RecoveryCodesComponent {
  readonly codes = input.required<readonly string[]>();
  readonly doneKey = input('twoFactor.recoveryCodes.done');
  readonly done = output<void>();
}
