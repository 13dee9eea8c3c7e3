import { HttpErrorResponse } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  Injector,
  afterNextRender,
  computed,
  inject,
  output,
  signal,
  viewChild,
  type ElementRef,
} from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import {
  PROBLEM_TYPES,
  REACTIVATION_REASON_MAX,
  REACTIVATION_URGENCIES,
  type ReactivationCreated,
  type ReactivationUrgency,
} from '@waakvlam/contracts';
import { ErrorSummaryComponent } from '../../shared/forms/error-summary.component';
import { serverFieldMessages, type Message, type SummaryEntry } from '../../shared/forms/form-messages';
import { newIdempotencyKey } from '../../shared/http/idempotency-key';
import { problemOf } from '../../shared/problem/problem.util';
import { ReactivationsService } from './reactivations.service';

type Field = 'reason' | 'urgency';

const FIELD_IDS: Record<Field, string> = {
  reason: 'reactivate-reason',
  urgency: `reactivate-urgency-${REACTIVATION_URGENCIES[0]}`,
};
const FIELD_LABELS: Record<Field, string> = {
  reason: 'reactivate.reason',
  urgency: 'reactivate.urgency',
};

/**
 * "Heractiveren": one modal dialog with the reason and the urgency; it POSTs `/api/reactivations` with an
 * `Idempotency-Key` that is new for every opening, so a double click or a retry never opens two requests.
 */
@Component({
  selector: 'wv-reactivation-dialog',
  imports: [TranslocoPipe, ErrorSummaryComponent],
  templateUrl: './reactivation-dialog.component.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReactivationDialogComponent {
  private readonly reactivations = inject(ReactivationsService);
  private readonly injector = inject(Injector);
  private readonly dialog = viewChild.required<ElementRef<HTMLDialogElement>>('dialog');

  /** The request was opened, or the reason joined the open one. */
  readonly created = output<ReactivationCreated>();

  protected readonly urgencies = REACTIVATION_URGENCIES;
  protected readonly reasonMax = REACTIVATION_REASON_MAX;
  protected readonly ids = FIELD_IDS;

  protected readonly target = signal<{ watchId: string; clientName: string } | null>(null);
  protected readonly reason = signal('');
  protected readonly urgency = signal<ReactivationUrgency>('normal');
  protected readonly attempted = signal(false);
  protected readonly busy = signal(false);
  protected readonly formError = signal<Message | null>(null);
  private readonly serverErrors = signal<Partial<Record<Field, Message>>>({});
  private trigger: HTMLElement | null = null;
  /** One key per opening of the dialog. */
  private idempotencyKey = newIdempotencyKey();

  protected readonly errors = computed<Partial<Record<Field, Message>>>(() => {
    if (!this.attempted()) return {};
    const errors: Partial<Record<Field, Message>> = { ...this.serverErrors() };
    const reason = this.reason().trim();
    if (reason === '') errors.reason = { key: 'reactivate.errors.reasonRequired' };
    else if (reason.length > this.reasonMax) {
      errors.reason = { key: 'forms.errors.maxLength', params: { max: this.reasonMax } };
    }
    return errors;
  });

  protected readonly summary = computed<SummaryEntry[]>(() =>
    (['reason', 'urgency'] as const)
      .filter((field) => this.errors()[field])
      .map((field) => ({
        id: FIELD_IDS[field],
        labelKey: FIELD_LABELS[field],
        message: this.errors()[field] as Message,
      })),
  );

  protected readonly remaining = computed(() => this.reasonMax - this.reason().trim().length);

  /** Opens the dialog for the watch; focus goes to the reason. */
  open(watchId: string, clientName: string, trigger: HTMLElement | null): void {
    this.trigger = trigger;
    this.target.set({ watchId, clientName });
    this.reason.set('');
    this.urgency.set('normal');
    this.attempted.set(false);
    this.formError.set(null);
    this.serverErrors.set({});
    this.idempotencyKey = newIdempotencyKey();
    const dialog = this.dialog().nativeElement;
    if (!dialog.open) {
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
    }
    afterNextRender(
      { write: () => dialog.querySelector<HTMLElement>(`#${FIELD_IDS.reason}`)?.focus() },
      { injector: this.injector },
    );
  }

  /** Closes without sending; focus returns to the button that opened it. */
  close(): void {
    this.shut(true);
  }

  protected typeReason(event: Event): void {
    this.reason.set((event.target as HTMLTextAreaElement).value);
  }

  protected chooseUrgency(urgency: ReactivationUrgency): void {
    this.urgency.set(urgency);
  }

  protected onCancel(event: Event): void {
    event.preventDefault();
    this.close();
  }

  protected async submit(event?: Event): Promise<void> {
    event?.preventDefault();
    const target = this.target();
    if (!target || this.busy()) return;
    this.attempted.set(true);
    this.serverErrors.set({});
    this.formError.set(null);
    if (Object.keys(this.errors()).length > 0) {
      this.focusSummary();
      return;
    }
    this.busy.set(true);
    try {
      const result = await this.reactivations.create(
        { watchId: target.watchId, urgency: this.urgency(), reason: this.reason().trim() },
        this.idempotencyKey,
      );
      this.shut(false);
      this.created.emit(result);
    } catch (error: unknown) {
      this.formError.set(this.problemMessage(error));
      const fields = serverFieldMessages<Field>(error, (field) =>
        field === 'reason' || field === 'urgency' ? field : null,
      );
      if (Object.keys(fields).length > 0) {
        this.serverErrors.set(fields);
        this.formError.set(null);
      }
      this.focusSummary();
    } finally {
      this.busy.set(false);
    }
  }

  private problemMessage(error: unknown): Message {
    const status = error instanceof HttpErrorResponse ? error.status : 0;
    if (status === 404) return { key: 'reactivate.errors.notFound' };
    if (status === 409) {
      // The first attempt with this key is still running (keep the key: a retry gets its answer), or the watch ended.
      return problemOf(error)?.type === PROBLEM_TYPES.idempotencyKeyInProgress
        ? { key: 'reactivate.errors.inProgress' }
        : { key: 'reactivate.errors.ended' };
    }
    if (status === 422 && problemOf(error)?.type === PROBLEM_TYPES.idempotencyKeyMismatch) {
      // The first attempt got through with other text: a new attempt is a new intent with a new key.
      this.idempotencyKey = newIdempotencyKey();
      return { key: 'reactivate.errors.changedAfterSend' };
    }
    return { key: 'reactivate.errors.unavailable' };
  }

  private focusSummary(): void {
    const dialog = this.dialog().nativeElement;
    afterNextRender(
      {
        write: () =>
          dialog
            .querySelector<HTMLElement>('[data-testid=error-summary] a, [data-testid=error-summary]')
            ?.focus(),
      },
      { injector: this.injector },
    );
  }

  private shut(restoreFocus: boolean): void {
    const dialog = this.dialog().nativeElement;
    if (typeof dialog.close === 'function' && dialog.open) dialog.close();
    dialog.removeAttribute('open');
    this.target.set(null);
    if (restoreFocus) this.trigger?.focus();
    this.trigger = null;
  }
}
