import { HttpErrorResponse } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  DOCUMENT,
  Injector,
  afterNextRender,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import {
  MAX_SIGNAL_FEEDBACK_LENGTH,
  MAX_SIGNAL_REASON_LENGTH,
  SIGNAL_TRIAGE_ACTIONS,
  SIGNAL_URGENCIES,
  type Signal,
  type SignalTriageAction,
  type SignalUrgency,
  type TriageSignalRequest,
} from '@waakvlam/contracts';
import { DateFormatService } from '../../shared/dates/date-format.service';
import { ErrorSummaryComponent } from '../../shared/forms/error-summary.component';
import { focusErrorSummary } from '../../shared/forms/focus-error-summary';
import { FieldControlDirective } from '../../shared/forms/field-control.directive';
import { FormFieldComponent } from '../../shared/forms/form-field.component';
import { serverFieldMessages, type Message } from '../../shared/forms/form-messages';
import { FormState, type FieldSpec } from '../../shared/forms/form-state';
import { RadioOptionComponent } from '../../shared/forms/radio-option.component';
import { LiveMessagesComponent } from '../../shared/live/live-messages.component';
import { ClientsService } from '../clients/clients.service';
import { SignalsService, formatAddress } from './signals.service';

type Field = 'decision' | 'watchId' | 'reason' | 'feedback';

const FIELDS: readonly FieldSpec<Field>[] = [
  {
    field: 'decision',
    id: `triage-decision-${SIGNAL_TRIAGE_ACTIONS[0]}`,
    labelKey: 'signal.triage.decision',
  },
  { field: 'watchId', id: 'triage-watch', labelKey: 'signal.triage.watch' },
  { field: 'reason', id: 'triage-reason', labelKey: 'signal.triage.reason' },
  { field: 'feedback', id: 'triage-feedback', labelKey: 'signal.feedbackText' },
];

/** A watch the signal can be linked to. */
export interface WatchOption {
  watchId: string;
  clientName: string;
  reference: string;
  /** Where the option comes from: the partner's reference, the address, or a search. */
  origin: 'reference' | 'address' | 'search';
  exactMatch?: boolean;
}

/** A search result without an open watch: shown, but it cannot be chosen. */
interface ClientWithoutWatch {
  clientId: string;
  clientName: string;
  reference: string;
}

/**
 * One signal for coordinators: what the partner reported, the triage (link to a watch, which opens or joins its
 * reactivation; forward; or no action — each with an internal reason and optional feedback for the partner), the
 * hand-off, and every feedback text the partner got.
 */
@Component({
  selector: 'wv-signal-detail',
  imports: [
    RouterLink,
    TranslocoPipe,
    ErrorSummaryComponent,
    FieldControlDirective,
    FormFieldComponent,
    LiveMessagesComponent,
    RadioOptionComponent,
  ],
  templateUrl: './signal-detail.component.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SignalDetailComponent {
  private readonly signals = inject(SignalsService);
  private readonly clients = inject(ClientsService);
  private readonly document = inject(DOCUMENT);
  private readonly injector = inject(Injector);
  protected readonly dates = inject(DateFormatService);

  /** Route parameter. */
  readonly id = input.required<string>();

  protected readonly actions = SIGNAL_TRIAGE_ACTIONS;
  protected readonly urgencies = SIGNAL_URGENCIES;
  protected readonly reasonMax = MAX_SIGNAL_REASON_LENGTH;
  protected readonly feedbackMax = MAX_SIGNAL_FEEDBACK_LENGTH;
  protected readonly formatAddress = formatAddress;
  protected readonly ids = Object.fromEntries(FIELDS.map((spec) => [spec.field, spec.id])) as Record<
    Field,
    string
  >;

  protected readonly signal = signal<Signal | null>(null);
  protected readonly loaded = signal(false);
  protected readonly loadError = signal(false);
  protected readonly status = signal<Message | null>(null);
  /** Something the user must know that outlives the form (role=alert). */
  protected readonly alert = signal<Message | null>(null);

  /** Watches offered for linking: the referenced client's, the address candidates', then search results. */
  protected readonly suggested = signal<WatchOption[]>([]);
  protected readonly searchResults = signal<WatchOption[]>([]);
  protected readonly searchWithoutWatch = signal<ClientWithoutWatch[]>([]);
  protected readonly searchQuery = signal('');
  protected readonly searched = signal(false);
  protected readonly searchError = signal(false);

  protected readonly decision = signal<SignalTriageAction | null>(null);
  protected readonly watchId = signal<string | null>(null);
  protected readonly urgency = signal<SignalUrgency>('normal');
  protected readonly reason = signal('');
  protected readonly feedback = signal('');
  protected readonly handleFeedback = signal('');

  protected readonly state = new FormState<Field>(FIELDS, () => {
    const errors: Partial<Record<Field, Message>> = {};
    if (this.decision() === null) errors.decision = { key: 'signal.errors.decisionRequired' };
    if (this.decision() === 'link' && !this.watchId())
      errors.watchId = { key: 'signal.errors.watchRequired' };
    const reason = this.reason().trim();
    if (reason === '') errors.reason = { key: 'signal.errors.reasonRequired' };
    else if (reason.length > this.reasonMax) {
      errors.reason = { key: 'forms.errors.maxLength', params: { max: this.reasonMax } };
    }
    if (this.feedback().trim().length > this.feedbackMax) {
      errors.feedback = { key: 'forms.errors.maxLength', params: { max: this.feedbackMax } };
    }
    return errors;
  });

  protected readonly handleState = new FormState<'handleFeedback'>(
    [{ field: 'handleFeedback', id: 'handle-feedback', labelKey: 'signal.feedbackText' }],
    () =>
      this.handleFeedback().trim().length > this.feedbackMax
        ? { handleFeedback: { key: 'forms.errors.maxLength', params: { max: this.feedbackMax } } }
        : {},
  );

  /** Every watch that can be chosen, without duplicates (suggestions first). */
  protected readonly options = computed<WatchOption[]>(() => {
    const seen = new Set<string>();
    return [...this.suggested(), ...this.searchResults()].filter((option) => {
      if (seen.has(option.watchId)) return false;
      seen.add(option.watchId);
      return true;
    });
  });

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => void this.load(id));
    });
  }

  protected async load(id: string): Promise<void> {
    this.loadError.set(false);
    try {
      const signal = await this.signals.get(id);
      this.show(signal);
      if (signal.status === 'received') await this.loadSuggestions(signal);
    } catch {
      this.loadError.set(true);
    } finally {
      this.loaded.set(true);
    }
  }

  protected chooseDecision(decision: SignalTriageAction): void {
    this.decision.set(decision);
  }

  protected chooseWatch(watchId: string): void {
    this.watchId.set(watchId);
  }

  protected chooseUrgency(event: Event): void {
    const value = (event.target as HTMLSelectElement).value;
    if ((SIGNAL_URGENCIES as readonly string[]).includes(value)) this.urgency.set(value as SignalUrgency);
  }

  protected typeText(target: 'reason' | 'feedback' | 'handleFeedback' | 'searchQuery', event: Event): void {
    const value = (event.target as HTMLInputElement | HTMLTextAreaElement).value;
    this[target].set(value);
  }

  protected async search(event?: Event): Promise<void> {
    event?.preventDefault();
    const q = this.searchQuery().trim();
    if (!q) return;
    this.searchError.set(false);
    try {
      const page = await this.clients.search({ q, pageSize: 10 });
      this.searchResults.set(
        page.items
          .filter((client) => client.openWatch)
          .map((client) => ({
            watchId: client.openWatch?.id ?? '',
            clientName: client.name,
            reference: client.reference,
            origin: 'search' as const,
          })),
      );
      this.searchWithoutWatch.set(
        page.items
          .filter((client) => !client.openWatch)
          .map((client) => ({ clientId: client.id, clientName: client.name, reference: client.reference })),
      );
    } catch {
      this.searchError.set(true);
      this.searchResults.set([]);
      this.searchWithoutWatch.set([]);
    } finally {
      this.searched.set(true);
    }
  }

  protected async triage(event: Event): Promise<void> {
    event.preventDefault();
    const signal = this.signal();
    const decision = this.decision();
    if (!this.state.begin(true) || !signal) return;
    this.alert.set(null);
    if (!decision || Object.keys(this.state.errors()).length > 0) {
      focusErrorSummary(this.document, this.injector);
      return;
    }
    const request: TriageSignalRequest = { decision, reason: this.reason().trim() };
    if (decision === 'link') {
      request.watchId = this.watchId() ?? undefined;
      request.urgency = this.urgency();
    }
    const feedback = this.feedback().trim();
    if (feedback) request.feedback = feedback;
    this.state.busy.set(true);
    try {
      this.show(await this.signals.triage(signal.id, request));
      this.status.set({ key: `signal.done.${decision}` });
      this.focusHeading();
    } catch (error: unknown) {
      await this.failed(error, signal.id, this.state, (field) =>
        field === 'decision' || field === 'watchId' || field === 'reason' || field === 'feedback'
          ? field
          : null,
      );
    } finally {
      this.state.busy.set(false);
    }
  }

  protected async handle(event: Event): Promise<void> {
    event.preventDefault();
    const signal = this.signal();
    if (!this.handleState.begin(true) || !signal) return;
    this.alert.set(null);
    if (Object.keys(this.handleState.errors()).length > 0) {
      focusErrorSummary(this.document, this.injector);
      return;
    }
    const feedback = this.handleFeedback().trim();
    this.handleState.busy.set(true);
    try {
      this.show(await this.signals.handle(signal.id, feedback ? { feedback } : {}));
      this.status.set({ key: 'signal.done.handled' });
      this.focusHeading();
    } catch (error: unknown) {
      await this.failed(error, signal.id, this.handleState, (field) =>
        field === 'feedback' ? 'handleFeedback' : null,
      );
    } finally {
      this.handleState.busy.set(false);
    }
  }

  private async failed<F extends string>(
    error: unknown,
    id: string,
    state: FormState<F>,
    fieldOf: (apiField: string) => F | null,
  ): Promise<void> {
    const status = error instanceof HttpErrorResponse ? error.status : 0;
    const fields = status === 400 ? serverFieldMessages<F>(error, fieldOf) : {};
    if (Object.keys(fields).length > 0) {
      state.serverErrors.set(fields);
    } else if (status === 409) {
      // The form goes away with the reload: say it above the page.
      this.alert.set({ key: 'signal.errors.conflict' });
      await this.load(id);
      this.focusHeading();
      return;
    } else if (status === 404) {
      state.formError.set({ key: 'signal.errors.watchNotFound' });
    } else {
      state.formError.set({ key: 'forms.errors.unavailable' });
    }
    focusErrorSummary(this.document, this.injector);
  }

  private show(signal: Signal): void {
    this.signal.set(signal);
    if (this.decision() === null && signal.category === 'safety') this.urgency.set('urgent');
  }

  /** The open watch of the client the partner's reference points to, and the clients at the address. */
  private async loadSuggestions(signal: Signal): Promise<void> {
    const suggestions: WatchOption[] = [];
    // The signal carries the referenced client's open watch: no lookup needed.
    const watch = signal.client?.openWatch;
    if (signal.client && watch && watch.status !== 'ended') {
      suggestions.push({
        watchId: watch.id,
        clientName: signal.client.name,
        reference: signal.client.reference,
        origin: 'reference',
      });
    }
    if (signal.address) {
      const candidates = await this.signals.candidates(signal.id).catch(() => []);
      for (const candidate of candidates) {
        if (!candidate.openWatch) continue;
        suggestions.push({
          watchId: candidate.openWatch.id,
          clientName: candidate.name,
          reference: candidate.reference,
          origin: 'address',
          exactMatch: candidate.exactMatch,
        });
      }
    }
    this.suggested.set(suggestions);
    if (suggestions.length === 1 && this.watchId() === null) this.watchId.set(suggestions[0].watchId);
  }

  private focusHeading(): void {
    afterNextRender(
      { write: () => this.document.getElementById('signal-status-heading')?.focus() },
      { injector: this.injector },
    );
  }
}
