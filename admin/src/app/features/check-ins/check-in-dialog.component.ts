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
  CHECK_IN_NOTE_MAX,
  CHECK_IN_OUTCOMES,
  CONTACT_MODES,
  type CheckIn,
  type CheckInOutcome,
  type CompleteCheckInRequest,
  type ContactMode,
} from '@waakvlam/contracts';
import { DateFormatService } from '../../shared/dates/date-format.service';
import { ErrorSummaryComponent } from '../../shared/forms/error-summary.component';
import { describedBy } from '../../shared/forms/form-field.component';
import { serverFieldMessages, type Message, type SummaryEntry } from '../../shared/forms/form-messages';
import { CheckInsService } from './check-ins.service';

type Field = 'outcome' | 'channel' | 'note';

const FIELD_IDS: Record<Field, string> = {
  outcome: `check-in-outcome-${CHECK_IN_OUTCOMES[0]}`,
  channel: 'check-in-channel',
  note: 'check-in-note',
};
const FIELD_LABELS: Record<Field, string> = {
  outcome: 'checkIn.outcomeLegend',
  channel: 'checkIn.channel',
  note: 'checkIn.note',
};

/**
 * Records the outcome of one check-in: a native modal `<dialog>` (focus stays inside, Escape closes,
 * focus returns to the button that opened it). Three clicks: open, outcome, Opslaan.
 */
@Component({
  selector: 'wv-check-in-dialog',
  imports: [TranslocoPipe, ErrorSummaryComponent],
  templateUrl: './check-in-dialog.component.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CheckInDialogComponent {
  private readonly checkIns = inject(CheckInsService);
  private readonly injector = inject(Injector);
  protected readonly dates = inject(DateFormatService);
  private readonly dialog = viewChild.required<ElementRef<HTMLDialogElement>>('dialog');

  /** The check-in was recorded. */
  readonly saved = output<CheckIn>();
  /** The API said 409: already done or cancelled. */
  readonly conflict = output<CheckIn>();

  protected readonly outcomes = CHECK_IN_OUTCOMES;
  protected readonly modes = CONTACT_MODES;
  protected readonly noteMax = CHECK_IN_NOTE_MAX;
  protected readonly ids = FIELD_IDS;

  protected readonly checkIn = signal<CheckIn | null>(null);
  protected readonly outcome = signal<CheckInOutcome | null>(null);
  protected readonly channel = signal<ContactMode>('phone');
  protected readonly note = signal('');
  protected readonly attempted = signal(false);
  protected readonly busy = signal(false);
  protected readonly formError = signal<Message | null>(null);
  private readonly serverErrors = signal<Partial<Record<Field, Message>>>({});
  private trigger: HTMLElement | null = null;

  protected readonly remaining = computed(() => this.noteMax - this.note().length);

  protected readonly errors = computed<Partial<Record<Field, Message>>>(() => {
    if (!this.attempted()) {
      return {};
    }
    const errors: Partial<Record<Field, Message>> = { ...this.serverErrors() };
    if (this.outcome() === null) errors.outcome = { key: 'checkIn.errors.outcomeRequired' };
    if (this.note().length > this.noteMax) {
      errors.note = { key: 'forms.errors.maxLength', params: { max: this.noteMax } };
    }
    return errors;
  });

  protected readonly summary = computed<SummaryEntry[]>(() =>
    (['outcome', 'channel', 'note'] as const)
      .filter((field) => this.errors()[field])
      .map((field) => ({
        id: FIELD_IDS[field],
        labelKey: FIELD_LABELS[field],
        message: this.errors()[field] as Message,
      })),
  );

  protected describedBy = describedBy;

  /** Opens the dialog for `checkIn`, with the channel set to the watch's contact mode. */
  open(checkIn: CheckIn, trigger: HTMLElement | null): void {
    this.trigger = trigger;
    this.checkIn.set(checkIn);
    this.outcome.set(null);
    this.channel.set(checkIn.channel ?? checkIn.contactMode);
    this.note.set('');
    this.attempted.set(false);
    this.formError.set(null);
    this.serverErrors.set({});
    const dialog = this.dialog().nativeElement;
    if (!dialog.open) {
      if (typeof dialog.showModal === 'function') {
        dialog.showModal();
      } else {
        dialog.setAttribute('open', '');
      }
    }
    afterNextRender(
      { write: () => dialog.querySelector<HTMLElement>(`#${FIELD_IDS.outcome}`)?.focus() },
      { injector: this.injector },
    );
  }

  /** Closes without saving; focus goes back to the trigger. */
  close(): void {
    this.shut(true);
  }

  protected chooseOutcome(outcome: CheckInOutcome): void {
    this.outcome.set(outcome);
  }

  protected chooseChannel(event: Event): void {
    this.channel.set((event.target as HTMLSelectElement).value as ContactMode);
  }

  protected typeNote(event: Event): void {
    this.note.set((event.target as HTMLTextAreaElement).value);
  }

  /** Escape: the native modal dialog fires `cancel`; close it our way so focus returns to the trigger. */
  protected onCancel(event: Event): void {
    event.preventDefault();
    this.close();
  }

  protected async save(event?: Event): Promise<void> {
    event?.preventDefault();
    const checkIn = this.checkIn();
    if (!checkIn || this.busy()) {
      return;
    }
    this.attempted.set(true);
    this.serverErrors.set({});
    this.formError.set(null);
    const outcome = this.outcome();
    if (outcome === null || Object.keys(this.errors()).length > 0) {
      return;
    }
    const request: CompleteCheckInRequest = { outcome, channel: this.channel() };
    const note = this.note().trim();
    if (note) {
      request.note = note;
    }
    this.busy.set(true);
    try {
      const result = await this.checkIns.complete(checkIn.id, request);
      this.shut(false);
      this.saved.emit(result);
    } catch (error: unknown) {
      const status = error instanceof HttpErrorResponse ? error.status : 0;
      if (status === 409) {
        this.shut(false);
        this.conflict.emit(checkIn);
        return;
      }
      const fields = status === 400 ? serverFieldMessages<Field>(error, fieldOf) : {};
      if (Object.keys(fields).length > 0) {
        this.serverErrors.set(fields);
      } else {
        this.formError.set({ key: 'checkIn.errors.unavailable' });
      }
    } finally {
      this.busy.set(false);
    }
  }

  private shut(restoreFocus: boolean): void {
    const dialog = this.dialog().nativeElement;
    if (typeof dialog.close === 'function' && dialog.open) {
      dialog.close();
    }
    dialog.removeAttribute('open');
    this.checkIn.set(null);
    if (restoreFocus) {
      this.trigger?.focus();
    }
    this.trigger = null;
  }
}

function fieldOf(apiField: string): Field | null {
  return apiField === 'outcome' || apiField === 'channel' || apiField === 'note' ? apiField : null;
}
