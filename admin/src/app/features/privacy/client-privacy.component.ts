import { HttpErrorResponse } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  DOCUMENT,
  Injector,
  afterNextRender,
  computed,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import {
  ERASURE_REASONS,
  PROBLEM_TYPES,
  type ErasureCounts,
  type ErasureReason,
  type ErasureResult,
} from '@waakvlam/contracts';
import { DateFormatService } from '../../shared/dates/date-format.service';
import type { Message } from '../../shared/forms/form-messages';
import { RadioOptionComponent } from '../../shared/forms/radio-option.component';
import { LiveMessagesComponent } from '../../shared/live/live-messages.component';
import { PrivacyService } from './privacy.service';

/** The kinds of the preview's counts, in the order the page lists them. */
const COUNT_KINDS: ReadonlyArray<keyof ErasureCounts> = [
  'personalFields',
  'partnerConsents',
  'partnerReferences',
  'watchTexts',
  'watchEvents',
  'checkInNotes',
  'checkInTokens',
  'reactivationTexts',
  'signals',
  'signalFeedback',
  'notifications',
  'pendingNotificationsCancelled',
];

/**
 * "Privacy" on the client page (coordinators, admins): the resident's rights under the AVG. "Gegevens inzien"
 * opens the printable export; "Gegevens wissen" asks why, shows what would be removed or why it cannot be done now
 * (the preview), and erases only after an explicit confirmation.
 */
@Component({
  selector: 'wv-client-privacy',
  imports: [RouterLink, TranslocoPipe, RadioOptionComponent, LiveMessagesComponent],
  templateUrl: './client-privacy.component.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ClientPrivacyComponent {
  private readonly privacy = inject(PrivacyService);
  private readonly document = inject(DOCUMENT);
  private readonly injector = inject(Injector);
  protected readonly dates = inject(DateFormatService);

  readonly clientId = input.required<string>();
  /** The client was erased: the page shows the anonymised record. */
  readonly erased = output<void>();

  protected readonly reasons = ERASURE_REASONS;
  protected readonly open = signal(false);
  protected readonly reason = signal<ErasureReason | null>(null);
  protected readonly reasonMissing = signal(false);
  protected readonly preview = signal<ErasureResult | null>(null);
  protected readonly confirmed = signal(false);
  protected readonly confirmMissing = signal(false);
  protected readonly busy = signal(false);
  protected readonly status = signal<Message | null>(null);
  protected readonly alert = signal<Message | null>(null);

  /** What the erasure removes: the kinds with something in them. */
  protected readonly removals = computed(() => {
    const counts = this.preview()?.counts;
    if (!counts) return [];
    return COUNT_KINDS.filter((kind) => counts[kind] > 0).map((kind) => ({ kind, count: counts[kind] }));
  });

  protected start(): void {
    this.open.set(true);
    this.reset();
    this.focus('erase-reason-legend');
  }

  protected cancel(): void {
    this.open.set(false);
    this.reset();
    this.focus('erase-start');
  }

  protected chooseReason(reason: ErasureReason): void {
    this.reason.set(reason);
    this.reasonMissing.set(false);
    this.preview.set(null);
  }

  protected toggleConfirm(event: Event): void {
    this.confirmed.set((event.target as HTMLInputElement).checked);
    this.confirmMissing.set(false);
  }

  protected async showPreview(event: Event): Promise<void> {
    event.preventDefault();
    const reason = this.reason();
    if (!reason) {
      this.reasonMissing.set(true);
      this.focus('erase-reason-legend');
      return;
    }
    await this.run(async () => {
      this.preview.set(await this.privacy.erase(this.clientId(), { reason, dryRun: true }));
      this.confirmed.set(false);
      this.focus('erase-preview-heading');
    });
  }

  protected async confirmErase(event: Event): Promise<void> {
    event.preventDefault();
    const reason = this.reason();
    if (!reason || !this.preview()?.allowed) return;
    if (!this.confirmed()) {
      this.confirmMissing.set(true);
      this.focus('erase-confirm');
      return;
    }
    await this.run(async () => {
      try {
        await this.privacy.erase(this.clientId(), { reason });
      } catch (error: unknown) {
        const problem = error instanceof HttpErrorResponse ? (error.error as { type?: string } | null) : null;
        if (problem?.type !== PROBLEM_TYPES.erasureRefused) throw error;
        // Something changed since the preview (a watch was reopened): show why now.
        this.preview.set(await this.privacy.erase(this.clientId(), { reason, dryRun: true }));
        this.focus('erase-preview-heading');
        return;
      }
      this.open.set(false);
      this.reset();
      this.status.set({ key: 'privacy.erase.done' });
      this.erased.emit();
      this.focus('erase-start');
    });
  }

  private async run(work: () => Promise<void>): Promise<void> {
    if (this.busy()) return;
    this.busy.set(true);
    this.status.set(null);
    this.alert.set(null);
    try {
      await work();
    } catch {
      this.alert.set({ key: 'forms.errors.unavailable' });
    } finally {
      this.busy.set(false);
    }
  }

  private reset(): void {
    this.reason.set(null);
    this.reasonMissing.set(false);
    this.preview.set(null);
    this.confirmed.set(false);
    this.confirmMissing.set(false);
  }

  private focus(id: string): void {
    afterNextRender({ write: () => this.document.getElementById(id)?.focus() }, { injector: this.injector });
  }
}
