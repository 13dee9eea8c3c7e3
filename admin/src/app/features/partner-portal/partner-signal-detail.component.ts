import { ChangeDetectionStrategy, Component, effect, inject, input, signal, untracked } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { PartnerSignal } from '@waakvlam/contracts';
import { DateFormatService } from '../../shared/dates/date-format.service';
import { SignalsService, formatAddress } from '../signals/signals.service';

/** One of the partner's own signals: what it reported, the status and every feedback text written for it. */
@Component({
  selector: 'wv-partner-signal-detail',
  imports: [RouterLink, TranslocoPipe],
  templateUrl: './partner-signal-detail.component.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PartnerSignalDetailComponent {
  private readonly signals = inject(SignalsService);
  protected readonly dates = inject(DateFormatService);

  /** Route parameter. */
  readonly id = input.required<string>();

  protected readonly formatAddress = formatAddress;
  protected readonly signal = signal<PartnerSignal | null>(null);
  protected readonly loaded = signal(false);
  protected readonly loadError = signal(false);

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => void this.load(id));
    });
  }

  protected async load(id: string): Promise<void> {
    this.loadError.set(false);
    try {
      const signal = await this.signals.getOwn(id);
      this.signal.set({
        ...signal,
        feedback: [...signal.feedback].sort((a, b) => b.createdAt.localeCompare(a.createdAt)),
      });
    } catch {
      this.loadError.set(true);
    } finally {
      this.loaded.set(true);
    }
  }
}
