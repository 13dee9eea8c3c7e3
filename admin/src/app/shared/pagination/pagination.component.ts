import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';

/** Previous / next page buttons with "Pagina 2 van 5". Pages start at 1. */
@Component({
  selector: 'wv-pagination',
  imports: [TranslocoPipe],
  template: `
    @if (pageCount() > 1) {
      <nav class="wv-pagination" [attr.aria-label]="'pagination.label' | transloco">
        <button
          type="button"
          class="utrecht-button utrecht-button--secondary-action"
          [disabled]="page() <= 1"
          (click)="pageChange.emit(page() - 1)"
        >
          {{ 'pagination.previous' | transloco }}
        </button>
        <span class="wv-pagination__status">{{
          'pagination.status' | transloco: { page: page(), count: pageCount() }
        }}</span>
        <button
          type="button"
          class="utrecht-button utrecht-button--secondary-action"
          [disabled]="page() >= pageCount()"
          (click)="pageChange.emit(page() + 1)"
        >
          {{ 'pagination.next' | transloco }}
        </button>
      </nav>
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PaginationComponent {
  readonly page = input.required<number>();
  readonly pageSize = input.required<number>();
  readonly total = input.required<number>();
  readonly pageChange = output<number>();

  protected readonly pageCount = computed(() =>
    Math.max(1, Math.ceil(this.total() / Math.max(1, this.pageSize()))),
  );
}
