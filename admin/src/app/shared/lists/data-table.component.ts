import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';

/**
 * An NL Design System table that scrolls sideways on narrow screens: a caption for screen readers, one column
 * header a translation key, and the projected rows (`<tr>`, usually with a row header) as its body.
 */
@Component({
  selector: 'wv-data-table',
  imports: [TranslocoPipe],
  template: `
    <div class="utrecht-table-container utrecht-table-container--overflow-inline wv-table-container">
      <table class="utrecht-table utrecht-table--html-table">
        <caption class="utrecht-table__caption wv-visually-hidden">
          {{
            captionKey() | transloco
          }}
        </caption>
        <thead class="utrecht-table__header">
          <tr class="utrecht-table__row">
            @for (key of columnKeys(); track key) {
              <th scope="col" class="utrecht-table__header-cell">{{ key | transloco }}</th>
            }
          </tr>
        </thead>
        <tbody class="utrecht-table__body" [attr.data-testid]="bodyTestId()">
          <ng-content />
        </tbody>
      </table>
    </div>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DataTableComponent {
  readonly captionKey = input.required<string>();
  readonly columnKeys = input.required<readonly string[]>();
  readonly bodyTestId = input<string | null>(null);
}
