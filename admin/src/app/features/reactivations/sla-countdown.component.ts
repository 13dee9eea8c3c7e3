import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { ReactivationRequest } from '@waakvlam/contracts';
import { slaState } from './sla.util';

/**
 * The SLA countdown of one request: "Nog 3 u 20 min", or "12 min te laat" in red. Not a live region: it moves
 * with `now` (see tickingClock) without being announced.
 */
@Component({
  selector: 'wv-sla-countdown',
  imports: [TranslocoPipe],
  template: `
    @let sla = state();
    <span class="wv-sla" [class.wv-sla--breached]="sla.breached" [attr.data-sla]="sla.kind" data-testid="sla">
      @if (sla.time; as time) {
        {{ sla.key | transloco: { time: (time.key | transloco: time.params) } }}
      } @else {
        {{ sla.key | transloco }}
      }
    </span>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SlaCountdownComponent {
  readonly request =
    input.required<Pick<ReactivationRequest, 'status' | 'slaDueAt' | 'slaBreached' | 'contactedAt'>>();
  /** Epoch milliseconds. */
  readonly now = input.required<number>();

  protected readonly state = computed(() => slaState(this.request(), this.now()));
}
