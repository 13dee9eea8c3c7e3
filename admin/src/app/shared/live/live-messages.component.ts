import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { Message } from '../forms/form-messages';

/**
 * The two live regions of a page that acts in place: a status (role=status) for what went well and an alert
 * (role=alert) for what did not. Both are always rendered, so that screen readers pick up what appears in them.
 */
@Component({
  selector: 'wv-live-messages',
  imports: [TranslocoPipe],
  template: `
    <div role="status" class="wv-live" data-testid="status">
      @if (status(); as status) {
        <p class="utrecht-paragraph">{{ status.key | transloco: status.params }}</p>
      }
    </div>
    <div role="alert" class="wv-live" data-testid="alert">
      @if (alert(); as alert) {
        <div class="utrecht-alert utrecht-alert--warning">
          <div class="utrecht-alert__content">
            <p class="utrecht-paragraph">{{ alert.key | transloco: alert.params }}</p>
          </div>
        </div>
      }
    </div>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LiveMessagesComponent {
  readonly status = input<Message | null>(null);
  readonly alert = input<Message | null>(null);
}
