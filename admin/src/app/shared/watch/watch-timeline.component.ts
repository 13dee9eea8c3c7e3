import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { WATCH_END_REASONS, type WatchEvent } from '@waakvlam/contracts';
import { DateFormatService } from '../dates/date-format.service';

/**
 * The timeline of a watch: what happened, when and by whom, with the reason (an end reason in words where it is
 * one); "Nog geen gebeurtenissen" when there are none. The heading around it belongs to the page.
 */
@Component({
  selector: 'wv-watch-timeline',
  imports: [TranslocoPipe],
  template: `
    @if (events().length === 0) {
      <p class="utrecht-paragraph">{{ 'timeline.empty' | transloco }}</p>
    } @else {
      <ol class="wv-timeline" data-testid="timeline">
        @for (event of events(); track event.id) {
          <li class="wv-timeline__item">
            <p class="wv-timeline__what">
              <strong>{{ 'eventTypes.' + event.type | transloco }}</strong>
            </p>
            <p class="wv-timeline__meta">
              <time [attr.datetime]="event.at">{{ dates.dateTime(event.at) }}</time>
              –
              {{ event.actor?.displayName ?? ('timeline.system' | transloco) }}
            </p>
            @if (event.reason) {
              <p class="wv-timeline__reason">
                {{ 'timeline.reason' | transloco }}:
                @if (reasonLabel(event); as key) {
                  {{ key | transloco }}
                } @else {
                  {{ event.reason }}
                }
              </p>
            }
          </li>
        }
      </ol>
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class WatchTimelineComponent {
  protected readonly dates = inject(DateFormatService);

  readonly events = input.required<readonly WatchEvent[]>();

  /** The translation key of an end reason; null for a free-text reason (shown as written). */
  protected reasonLabel(event: WatchEvent): string | null {
    if (!event.reason) return null;
    return (WATCH_END_REASONS as readonly string[]).includes(event.reason)
      ? `endReasons.${event.reason}`
      : null;
  }
}
