import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';

/** A word of a filter's description: a translation key or a text as it is. */
export interface ChipPart {
  key?: string;
  text?: string;
}

/** One active filter in words (its parts joined by spaces); `id` is what `clear` reports. */
export interface FilterChip {
  id: string;
  parts: readonly ChipPart[];
}

/**
 * "Gefilterd op: bron Verval, 1 okt. – 31 dec.": the active filters of a list in words, each with a button that
 * removes it, and one that removes them all. Shows nothing when no filter is active.
 */
@Component({
  selector: 'wv-filter-summary',
  imports: [TranslocoPipe],
  template: `
    @if (items().length > 0) {
      <div class="wv-filter-summary" data-testid="filter-summary" role="status">
        <p class="utrecht-paragraph">
          <strong>{{ 'listFilters.filteredBy' | transloco }}</strong>{{ ' '
          }}<span data-testid="filter-summary-text">{{ summary() }}</span>
        </p>
        <ul class="wv-filter-summary__actions">
          @for (item of items(); track item.id) {
            <li>
              <button
                type="button"
                class="utrecht-button utrecht-button--secondary-action"
                [attr.data-testid]="'clear-filter-' + item.id"
                (click)="clear.emit(item.id)"
              >
                <span class="wv-visually-hidden">{{ 'listFilters.remove' | transloco }}:</span>
                {{ item.text }}
                <span aria-hidden="true">×</span>
              </button>
            </li>
          }
          @if (items().length > 1) {
            <li>
              <button
                type="button"
                class="utrecht-button utrecht-button--subtle"
                data-testid="clear-filters"
                (click)="clearAll.emit()"
              >
                {{ 'listFilters.clearAll' | transloco }}
              </button>
            </li>
          }
        </ul>
      </div>
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FilterSummaryComponent {
  private readonly transloco = inject(TranslocoService);
  private readonly language = toSignal(this.transloco.langChanges$, {
    initialValue: this.transloco.getActiveLang(),
  });

  readonly chips = input.required<readonly FilterChip[]>();
  /** Each chip in words, in the active language. */
  protected readonly items = computed(() => {
    this.language();
    return this.chips().map((chip) => ({
      id: chip.id,
      text: chip.parts.map((part) => (part.key ? this.transloco.translate(part.key) : part.text)).join(' '),
    }));
  });
  protected readonly summary = computed(() =>
    this.items()
      .map((item) => item.text)
      .join(', '),
  );
  readonly clear = output<string>();
  readonly clearAll = output<void>();
}
