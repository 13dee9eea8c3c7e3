import { ChangeDetectionStrategy, Component, DOCUMENT, computed, inject, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { Message, SummaryEntry } from './form-messages';

/**
 * The error summary above a form: a live region (role=alert) that lists every problem with a link to
 * its field. Always rendered, so that screen readers pick up what appears in it.
 */
@Component({
  selector: 'wv-error-summary',
  imports: [TranslocoPipe],
  template: `
    <div role="alert" class="wv-error-summary-region">
      @if (visible()) {
        <div class="utrecht-alert utrecht-alert--error wv-error-summary" data-testid="error-summary">
          <div class="utrecht-alert__content">
            <h2 class="utrecht-heading-2 wv-error-summary__heading">
              {{ 'forms.summaryHeading' | transloco }}
            </h2>
            @if (formError(); as formError) {
              <p class="utrecht-paragraph">{{ formError.key | transloco: formError.params }}</p>
            }
            @if (entries().length > 0) {
              <ul class="utrecht-unordered-list">
                @for (entry of entries(); track entry.id) {
                  <li class="utrecht-unordered-list__item">
                    <a class="utrecht-link" [href]="'#' + entry.id" (click)="focus($event, entry.id)"
                      >{{ entry.labelKey | transloco }}:
                      {{ entry.message.key | transloco: entry.message.params }}</a
                    >
                  </li>
                }
              </ul>
            }
          </div>
        </div>
      }
    </div>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ErrorSummaryComponent {
  private readonly document = inject(DOCUMENT);

  readonly entries = input<readonly SummaryEntry[]>([]);
  readonly formError = input<Message | null>(null);

  protected readonly visible = computed(() => this.formError() !== null || this.entries().length > 0);

  protected focus(event: Event, id: string): void {
    event.preventDefault();
    const target = this.document.getElementById(id);
    target?.focus();
    target?.scrollIntoView?.({ block: 'center' });
  }
}
