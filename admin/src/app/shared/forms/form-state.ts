import { computed, signal, type Signal } from '@angular/core';
import type { Message, SummaryEntry } from './form-messages';

/** One field of a form as the error summary knows it. */
export interface FieldSpec<F extends string> {
  field: F;
  /** Id of the element the summary links to. */
  id: string;
  labelKey: string;
}

/**
 * Error state of a form: client-side messages (shown after the first submit) merged with the API's field
 * errors, plus one message for the form as a whole. `clientErrors` must read signals so that the state follows
 * the form's values.
 */
export class FormState<F extends string> {
  readonly attempted = signal(false);
  readonly busy = signal(false);
  readonly serverErrors = signal<Partial<Record<F, Message>>>({});
  readonly formError = signal<Message | null>(null);

  readonly errors: Signal<Partial<Record<F, Message>>>;
  readonly summary: Signal<SummaryEntry[]>;

  constructor(
    private readonly fields: readonly FieldSpec<F>[],
    clientErrors: () => Partial<Record<F, Message>>,
  ) {
    this.errors = computed(() => {
      const client = clientErrors();
      if (!this.attempted()) {
        return {};
      }
      return { ...this.serverErrors(), ...client };
    });
    this.summary = computed(() =>
      this.fields
        .filter((spec) => this.errors()[spec.field] !== undefined)
        .map((spec) => ({
          id: spec.id,
          labelKey: spec.labelKey,
          message: this.errors()[spec.field] as Message,
        })),
    );
  }

  /** Starts a submit: clears old API messages; true when the client-side checks pass. */
  begin(clientValid: boolean): boolean {
    this.attempted.set(true);
    this.serverErrors.set({});
    this.formError.set(null);
    return clientValid && !this.busy();
  }

  error(field: F): Message | undefined {
    return this.errors()[field];
  }

  /** `aria-describedby` of a field: hint (when it has one) and error. */
  describedBy(field: F, hintId: string | null = null): string | null {
    const spec = this.fields.find((candidate) => candidate.field === field);
    const ids = [hintId, this.errors()[field] && spec ? `${spec.id}-error` : null].filter(Boolean);
    return ids.length > 0 ? ids.join(' ') : null;
  }
}
