import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, DOCUMENT, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import {
  type AbstractControl,
  FormControl,
  FormGroup,
  ReactiveFormsModule,
  Validators,
} from '@angular/forms';
import { ActivatedRoute, Router } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { PROBLEM_TYPES } from '@waakvlam/contracts';
import { AuthService } from '../../core/auth/auth.service';
import { SIGN_IN_QUERY, SIGN_IN_REASONS, safeReturnUrl } from '../../core/auth/auth-routes';
import { fieldErrorsOf, problemOf, retryAfterMinutes } from '../../shared/problem/problem.util';

type Field = 'email' | 'password';

/** A message to show: translation key plus parameters. */
interface Message {
  key: string;
  params?: Record<string, unknown>;
}

/** Same shape check as the API: something@something.something, no spaces. */
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

@Component({
  selector: 'wv-sign-in',
  imports: [ReactiveFormsModule, TranslocoPipe],
  templateUrl: './sign-in.component.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SignInComponent {
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly document = inject(DOCUMENT);

  protected readonly form = new FormGroup({
    email: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.pattern(EMAIL_PATTERN)],
    }),
    password: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
  });

  private readonly values = toSignal(this.form.valueChanges, { initialValue: this.form.getRawValue() });
  private readonly queryParams = toSignal(this.route.queryParamMap, {
    initialValue: this.route.snapshot.queryParamMap,
  });

  protected readonly attempted = signal(false);
  protected readonly busy = signal(false);
  /** A problem with the attempt as a whole (wrong credentials, too many attempts, API down). */
  protected readonly formError = signal<Message | null>(null);
  private readonly serverFieldErrors = signal<Partial<Record<Field, Message>>>({});

  protected readonly notice = computed<string | null>(() => {
    switch (this.queryParams().get(SIGN_IN_QUERY.reason)) {
      case SIGN_IN_REASONS.sessionEnded:
        return 'signIn.sessionEnded';
      case SIGN_IN_REASONS.signedOut:
        return 'signIn.signedOut';
      default:
        return null;
    }
  });

  protected readonly fieldErrors = computed<Partial<Record<Field, Message>>>(() => {
    this.values();
    if (!this.attempted()) {
      return {};
    }
    const server = this.serverFieldErrors();
    const errors: Partial<Record<Field, Message>> = {};
    const email = emailError(this.form.controls.email) ?? server.email;
    const password = passwordError(this.form.controls.password) ?? server.password;
    if (email) errors.email = email;
    if (password) errors.password = password;
    return errors;
  });

  protected readonly fieldErrorList = computed(() =>
    (['email', 'password'] as const)
      .map((field) => ({ field, message: this.fieldErrors()[field] }))
      .filter((entry): entry is { field: Field; message: Message } => entry.message !== undefined),
  );

  protected readonly showSummary = computed(
    () => this.formError() !== null || this.fieldErrorList().length > 0,
  );

  protected async submit(): Promise<void> {
    if (this.busy()) {
      return;
    }
    this.attempted.set(true);
    this.formError.set(null);
    this.serverFieldErrors.set({});
    this.form.markAllAsTouched();
    if (this.form.invalid) {
      return;
    }
    this.busy.set(true);
    try {
      await this.auth.signIn(this.form.getRawValue());
      await this.router.navigateByUrl(safeReturnUrl(this.queryParams().get(SIGN_IN_QUERY.returnUrl)));
    } catch (error: unknown) {
      this.handleError(error);
    } finally {
      this.busy.set(false);
    }
  }

  protected focusField(event: Event, field: Field): void {
    event.preventDefault();
    this.document.getElementById(field)?.focus();
  }

  private handleError(error: unknown): void {
    const problem = problemOf(error);
    const status = error instanceof HttpErrorResponse ? error.status : 0;
    if (status === 401 || problem?.type === PROBLEM_TYPES.invalidCredentials) {
      this.formError.set({ key: 'signIn.errors.invalidCredentials' });
      // Clear the password, but do not flag the now empty field: the summary explains what went wrong.
      this.form.controls.password.reset();
      this.attempted.set(false);
      return;
    }
    if (status === 429 || problem?.type === PROBLEM_TYPES.rateLimited) {
      const header = error instanceof HttpErrorResponse ? error.headers.get('Retry-After') : null;
      const minutes = retryAfterMinutes(header);
      this.formError.set(
        minutes === 1
          ? { key: 'signIn.errors.rateLimitedOne' }
          : { key: 'signIn.errors.rateLimitedMany', params: { minutes } },
      );
      return;
    }
    if (status === 400) {
      const fields: Partial<Record<Field, Message>> = {};
      for (const { field } of fieldErrorsOf(error)) {
        if (field === 'email' || field === 'password') {
          fields[field] = { key: 'signIn.errors.fieldInvalid' };
        }
      }
      if (Object.keys(fields).length > 0) {
        this.serverFieldErrors.set(fields);
        return;
      }
    }
    this.formError.set({ key: 'signIn.errors.unavailable' });
  }
}

function emailError(control: AbstractControl<string>): Message | undefined {
  if (control.hasError('required') || control.value.trim() === '') {
    return { key: 'signIn.errors.emailRequired' };
  }
  return control.hasError('pattern') ? { key: 'signIn.errors.emailInvalid' } : undefined;
}

function passwordError(control: AbstractControl<string>): Message | undefined {
  return control.hasError('required') ? { key: 'signIn.errors.passwordRequired' } : undefined;
}
