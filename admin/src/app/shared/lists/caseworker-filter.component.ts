import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { UserRef } from '@waakvlam/contracts';

/** "Begeleider" above a list: every caseworker by name, or all; `choose` gives the id or null. */
@Component({
  selector: 'wv-caseworker-filter',
  imports: [TranslocoPipe],
  template: `
    <div class="utrecht-form-field utrecht-form-field--select">
      <div class="utrecht-form-field__label">
        <label class="utrecht-form-label" [for]="fieldId()">{{ 'listFilters.caseworker' | transloco }}</label>
      </div>
      <div class="utrecht-form-field__input">
        <select
          class="utrecht-select utrecht-select--html-select"
          data-testid="caseworker-filter"
          [id]="fieldId()"
          (change)="changed($event)"
        >
          <option value="" [selected]="!value()">{{ 'listFilters.allCaseworkers' | transloco }}</option>
          @for (user of caseworkers(); track user.id) {
            <option [value]="user.id" [selected]="value() === user.id">{{ user.displayName }}</option>
          }
        </select>
      </div>
    </div>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CaseworkerFilterComponent {
  readonly fieldId = input.required<string>();
  readonly caseworkers = input.required<readonly UserRef[]>();
  readonly value = input<string | undefined>(undefined);
  readonly choose = output<string | null>();

  protected changed(event: Event): void {
    this.choose.emit((event.target as HTMLSelectElement).value || null);
  }
}
