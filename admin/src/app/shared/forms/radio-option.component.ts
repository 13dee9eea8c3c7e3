import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';

/**
 * One radio button of a fieldset with its label and, when `hintKey` is given, a hint the button is described by
 * (NL Design System radio form field). `choose` fires when the user picks it.
 */
@Component({
  selector: 'wv-radio-option',
  imports: [TranslocoPipe],
  template: `
    <div class="utrecht-form-field utrecht-form-field--radio wv-choice">
      <input
        type="radio"
        class="utrecht-radio-button utrecht-radio-button--html-input"
        [name]="name()"
        [id]="optionId()"
        [value]="value()"
        [checked]="checked()"
        [attr.aria-describedby]="hintKey() ? optionId() + '-hint' : null"
        (change)="choose.emit()"
      />
      <label class="utrecht-form-label utrecht-form-label--radio" [for]="optionId()">{{
        labelKey() | transloco
      }}</label>
      @if (hintKey(); as hintKey) {
        <div class="utrecht-form-field-description wv-hint" [id]="optionId() + '-hint'">
          {{ hintKey | transloco }}
        </div>
      }
    </div>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RadioOptionComponent {
  readonly name = input.required<string>();
  readonly optionId = input.required<string>();
  readonly value = input.required<string>();
  readonly checked = input.required<boolean>();
  readonly labelKey = input.required<string>();
  readonly hintKey = input<string | null>(null);
  readonly choose = output<void>();
}
