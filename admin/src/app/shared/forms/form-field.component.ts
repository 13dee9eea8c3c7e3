import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { Message } from './form-messages';

/**
 * Label, optional hint, error message and the projected control of one form field (NL Design System
 * form field). The control gets `id`, `aria-invalid` and `aria-describedby` from `wvFieldControl`
 * (see FieldControlDirective), or sets them itself (see `describedBy`).
 */
@Component({
  selector: 'wv-form-field',
  imports: [TranslocoPipe],
  template: `
    <div class="utrecht-form-field utrecht-form-field--text" [class.utrecht-form-field--invalid]="error()">
      <div class="utrecht-form-field__label">
        <label class="utrecht-form-label" [for]="fieldId()"
          >{{ labelKey() | transloco }}
          @if (optional()) {
            <span class="wv-optional">{{ 'forms.optional' | transloco }}</span>
          }
        </label>
      </div>
      @if (hintKey(); as hintKey) {
        <div class="utrecht-form-field-description wv-hint" [id]="fieldId() + '-hint'">
          {{ hintKey | transloco }}
        </div>
      }
      @if (error(); as error) {
        <div
          class="utrecht-form-field__error-message utrecht-form-field-error-message"
          [id]="fieldId() + '-error'"
          [attr.role]="announceError() ? 'alert' : null"
        >
          {{ error.key | transloco: error.params }}
        </div>
      }
      <div class="utrecht-form-field__input">
        <ng-content />
      </div>
    </div>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FormFieldComponent {
  readonly fieldId = input.required<string>();
  readonly labelKey = input.required<string>();
  readonly hintKey = input<string | null>(null);
  readonly error = input<Message | undefined>(undefined);
  readonly optional = input(false);
  /** Announces the error as it appears (role=alert): for a form without an error summary, such as a dialog. */
  readonly announceError = input(false);
}

/** The `aria-describedby` value for a field: its hint and error ids, or null. */
export function describedBy(id: string, hasHint: boolean, hasError: boolean): string | null {
  const ids = [hasHint ? `${id}-hint` : null, hasError ? `${id}-error` : null].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : null;
}
