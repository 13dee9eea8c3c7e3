import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';

/**
 * One filter above a list: a labelled select with "all" (value '') and one option a value, each shown as
 * `optionPrefix + value` translated. `choose` passes the select's change event on.
 */
@Component({
  selector: 'wv-filter-select',
  imports: [TranslocoPipe],
  template: `
    <div class="utrecht-form-field utrecht-form-field--select">
      <div class="utrecht-form-field__label">
        <label class="utrecht-form-label" [for]="fieldId()">{{ labelKey() | transloco }}</label>
      </div>
      <div class="utrecht-form-field__input">
        <select
          class="utrecht-select utrecht-select--html-select"
          [id]="fieldId()"
          [attr.data-testid]="testId()"
          (change)="choose.emit($event)"
        >
          <option value="" [selected]="value() === null">{{ allKey() | transloco }}</option>
          @for (option of options(); track option) {
            <option [value]="option" [selected]="value() === option">
              {{ optionPrefix() + option | transloco }}
            </option>
          }
        </select>
      </div>
    </div>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FilterSelectComponent {
  readonly fieldId = input.required<string>();
  readonly labelKey = input.required<string>();
  readonly allKey = input.required<string>();
  readonly options = input.required<readonly string[]>();
  /** Translation key prefix of the options, e.g. `signalStatuses.`. */
  readonly optionPrefix = input.required<string>();
  /** The chosen option; null for all. */
  readonly value = input.required<string | null>();
  readonly testId = input<string | null>(null);
  readonly choose = output<Event>();
}
