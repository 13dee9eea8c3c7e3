import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';

/**
 * A labelled date or text field above a list, applied on change: `choose` gives the day (`YYYY-MM-DD`) or the
 * trimmed text, or null when emptied.
 */
@Component({
  selector: 'wv-input-filter',
  imports: [TranslocoPipe],
  template: `
    <div class="utrecht-form-field utrecht-form-field--text">
      <div class="utrecht-form-field__label">
        <label class="utrecht-form-label" [for]="fieldId()">{{ labelKey() | transloco }}</label>
      </div>
      <div class="utrecht-form-field__input">
        <input
          class="utrecht-textbox utrecht-textbox--html-input"
          maxlength="100"
          [type]="type()"
          [id]="fieldId()"
          [attr.data-testid]="fieldId()"
          [value]="value() ?? ''"
          (change)="changed($event)"
        />
      </div>
    </div>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class InputFilterComponent {
  readonly fieldId = input.required<string>();
  readonly labelKey = input.required<string>();
  readonly type = input<'date' | 'text'>('date');
  readonly value = input<string | undefined>(undefined);
  readonly choose = output<string | null>();

  protected changed(event: Event): void {
    this.choose.emit((event.target as HTMLInputElement).value.trim() || null);
  }
}
