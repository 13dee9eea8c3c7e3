import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';

/**
 * What a list page shows below its filters: the load error with a retry button, "Laden…", the empty message,
 * or else the projected list (table, pagination). The projected content is created by the page either way; it
 * is only shown once there is something to list.
 */
@Component({
  selector: 'wv-list-state',
  imports: [TranslocoPipe],
  template: `
    @if (loadError()) {
      <div role="alert">
        <p class="utrecht-paragraph" data-testid="load-error">{{ errorKey() | transloco }}</p>
      </div>
      <button type="button" class="utrecht-button utrecht-button--secondary-action" (click)="retry.emit()">
        {{ 'common.retry' | transloco }}
      </button>
    } @else if (!loaded()) {
      <p class="utrecht-paragraph" role="status">{{ 'common.loading' | transloco }}</p>
    } @else if (empty()) {
      <p class="utrecht-paragraph" data-testid="empty">{{ emptyKey() | transloco }}</p>
    } @else {
      <ng-content />
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ListStateComponent {
  readonly loaded = input.required<boolean>();
  readonly loadError = input.required<boolean>();
  readonly empty = input.required<boolean>();
  readonly errorKey = input.required<string>();
  readonly emptyKey = input.required<string>();
  readonly retry = output<void>();
}
