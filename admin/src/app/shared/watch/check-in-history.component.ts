import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { CheckIn } from '@waakvlam/contracts';
import { DateFormatService } from '../dates/date-format.service';
import { DataTableComponent } from '../lists/data-table.component';

/**
 * The check-ins of a watch as a table (due date, status, outcome with note, by whom); "Nog geen contactmomenten"
 * when there are none. `compact` leaves out the channel and the time of completion (a summary elsewhere).
 */
@Component({
  selector: 'wv-check-in-history',
  imports: [TranslocoPipe, DataTableComponent],
  template: `
    @if (checkIns().length === 0) {
      <p class="utrecht-paragraph">{{ 'history.empty' | transloco }}</p>
    } @else {
      <wv-data-table
        data-testid="history"
        captionKey="history.caption"
        [columnKeys]="['history.due', 'history.status', 'history.outcome', 'history.by']"
      >
        @for (checkIn of checkIns(); track checkIn.id) {
          <tr class="utrecht-table__row">
            <td class="utrecht-table__cell">
              <time [attr.datetime]="checkIn.dueDate">{{ dates.date(checkIn.dueDate) }}</time>
            </td>
            <td class="utrecht-table__cell">{{ 'checkInStatuses.' + checkIn.status | transloco }}</td>
            <td class="utrecht-table__cell">
              @if (checkIn.outcome) {
                {{ 'outcomes.' + checkIn.outcome | transloco }}
                @if (!compact() && checkIn.channel) {
                  ({{ 'contactModes.' + checkIn.channel | transloco }})
                }
              }
              @if (checkIn.note) {
                <span class="wv-block wv-prewrap">{{ checkIn.note }}</span>
              }
            </td>
            <td class="utrecht-table__cell">
              {{ checkIn.completedBy?.displayName ?? checkIn.caseworker.displayName }}
              @if (!compact() && checkIn.completedAt) {
                <span class="wv-block"
                  ><time [attr.datetime]="checkIn.completedAt">{{
                    dates.dateTime(checkIn.completedAt)
                  }}</time></span
                >
              }
            </td>
          </tr>
        }
      </wv-data-table>
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CheckInHistoryComponent {
  protected readonly dates = inject(DateFormatService);

  readonly checkIns = input.required<readonly CheckIn[]>();
  readonly compact = input(false);
}
