import { HttpErrorResponse } from '@angular/common/http';
import { computed, signal, type Signal } from '@angular/core';
import { problemOf } from '../problem/problem.util';
import { serverFieldMessages, type Message, type SummaryEntry } from './form-messages';

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

  /**
   * A failed save: a 400 naming this form's fields shows the API's messages at the fields; anything else is one
   * message for the form (`forbiddenKey` for a 403, the API's own words for another 400, else "unavailable").
   * `fieldOf` maps the API's field names to this form's (by default: the same name, when the form has it).
   */
  fail(
    error: unknown,
    forbiddenKey: string,
    fieldOf: (apiField: string) => F | null = (apiField) =>
      this.fields.some((spec) => spec.field === apiField) ? (apiField as F) : null,
  ): void {
    const status = error instanceof HttpErrorResponse ? error.status : 0;
    if (status === 400) {
      const fields = serverFieldMessages<F>(error, fieldOf);
      if (Object.keys(fields).length > 0) {
        this.serverErrors.set(fields);
        return;
      }
    }
    const detail = problemOf(error)?.detail;
    this.formError.set(
      status === 403
        ? { key: forbiddenKey }
        : detail && status === 400
          ? { key: 'forms.errors.server', params: { message: detail } }
          : { key: 'forms.errors.unavailable' },
    );
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
