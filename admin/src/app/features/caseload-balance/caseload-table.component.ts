import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { CaseloadRow } from '@waakvlam/contracts';
import { DateFormatService } from '../../shared/dates/date-format.service';
import { absenceMessage } from './absence-text.util';

export type CaseloadSortKey =
  'name' | 'primaryWatches' | 'backupWatches' | 'dueThisWeek' | 'overdue' | 'openReactivations';

const COLUMNS: ReadonlyArray<{ key: CaseloadSortKey; labelKey: string }> = [
  { key: 'name', labelKey: 'caseloadBalance.columns.name' },
  { key: 'primaryWatches', labelKey: 'caseloadBalance.columns.primaryWatches' },
  { key: 'backupWatches', labelKey: 'caseloadBalance.columns.backupWatches' },
  { key: 'dueThisWeek', labelKey: 'caseloadBalance.columns.dueThisWeek' },
  { key: 'overdue', labelKey: 'caseloadBalance.columns.overdue' },
  { key: 'openReactivations', labelKey: 'caseloadBalance.columns.openReactivations' },
];

/**
 * The caseload balance table: one row per caseworker, sortable by each figure (a button in the column header,
 * `aria-sort` on the sorted column), the absence in words.
 */
@Component({
  selector: 'wv-caseload-table',
  imports: [TranslocoPipe],
  templateUrl: './caseload-table.component.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CaseloadTableComponent {
  private readonly dates = inject(DateFormatService);

  readonly rows = input.required<readonly CaseloadRow[]>();

  protected readonly columns = COLUMNS;
  protected readonly sortKey = signal<CaseloadSortKey>('name');
  protected readonly descending = signal(false);

  protected readonly sorted = computed(() => {
    const key = this.sortKey();
    const sign = this.descending() ? -1 : 1;
    return [...this.rows()].sort((a, b) => {
      const byName = a.caseworker.displayName.localeCompare(b.caseworker.displayName);
      const diff = key === 'name' ? byName : a[key] - b[key];
      return diff !== 0 ? sign * diff : byName;
    });
  });

  protected sortBy(key: CaseloadSortKey): void {
    if (this.sortKey() === key) this.descending.update((d) => !d);
    else {
      this.sortKey.set(key);
      // Figures start with the largest: who is overloaded.
      this.descending.set(key !== 'name');
    }
  }

  protected ariaSort(key: CaseloadSortKey): 'ascending' | 'descending' | null {
    if (this.sortKey() !== key) return null;
    return this.descending() ? 'descending' : 'ascending';
  }

  protected absence(row: CaseloadRow) {
    return absenceMessage(row, (date) => this.dates.dayMonth(date));
  }
}
