import { HttpErrorResponse } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  DOCUMENT,
  Injector,
  afterNextRender,
  computed,
  inject,
  signal,
  type OnInit,
} from '@angular/core';
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
import {
  OIDC_ERROR_QUERY,
  PROBLEM_TYPES,
  type Me,
  type SignInProviders,
  type TwoFactorConfirmed,
} from '@waakvlam/contracts';
import { AuthService } from '../../core/auth/auth.service';
import { SIGN_IN_QUERY, SIGN_IN_REASONS, safeReturnUrl } from '../../core/auth/auth-routes';
import { fieldErrorsOf, problemOf, retryAfterMinutes } from '../../shared/problem/problem.util';
import { RecoveryCodesComponent } from '../two-factor/recovery-codes.component';
import { TwoFactorApiService } from '../two-factor/two-factor-api.service';
import { TwoFactorEnrolmentComponent } from '../two-factor/two-factor-enrolment.component';
import { TwoFactorStepComponent } from './two-factor-step.component';

type Field = 'email' | 'password';

/** Where the sign-in is: the password, the code from the app, setting the app up, the new recovery codes. */
type Step = 'password' | 'two_factor' | 'two_factor_enrolment' | 'recovery_codes';

/** A message to show: translation key plus parameters. */
interface Message {
  key: string;
  params?: Record<string, unknown>;
}

/** Same shape check as the API: something@something.something, no spaces. */
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

@Component({
  selector: 'wv-sign-in',
  imports: [
    ReactiveFormsModule,
    TranslocoPipe,
    TwoFactorStepComponent,
    TwoFactorEnrolmentComponent,
    RecoveryCodesComponent,
  ],
  templateUrl: './sign-in.component.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SignInComponent implements OnInit {
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly document = inject(DOCUMENT);
  private readonly injector = inject(Injector);
  private readonly twoFactorApi = inject(TwoFactorApiService);

  protected readonly step = signal<Step>('password');
  /** Other ways to sign in (OIDC), when the API offers them. */
  protected readonly providers = signal<SignInProviders>({ oidc: null });
  /** The recovery codes made while setting up two-factor at sign-in, and the user they belong to. */
  protected readonly recoveryCodes = signal<readonly string[]>([]);
  private signedInAs: Me | null = null;

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
        if (this.queryParams().get(OIDC_ERROR_QUERY) === 'refused') return 'signIn.oidcRefused';
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

  async ngOnInit(): Promise<void> {
    try {
      this.providers.set(await this.twoFactorApi.providers());
    } catch {
      // Without the list, the password is the way in.
    }
  }

  /** The second step (or the enrolment) finished: the user is signed in. */
  protected async finish(me: Me | null): Promise<void> {
    if (me) this.auth.completeSignIn(me);
    await this.router.navigateByUrl(safeReturnUrl(this.queryParams().get(SIGN_IN_QUERY.returnUrl)));
  }

  protected enrolled(result: TwoFactorConfirmed): void {
    this.signedInAs = result.me;
    this.recoveryCodes.set(result.recoveryCodes);
    this.goTo('recovery_codes', 'recovery-codes-heading');
  }

  protected async recoveryCodesSaved(): Promise<void> {
    await this.finish(this.signedInAs);
  }

  /** The pending sign-in ended: ask for the password again, saying why. */
  protected restart(message: { key: string }): void {
    this.formError.set(message);
    this.attempted.set(false);
    this.form.controls.password.reset();
    this.goTo('password', 'password');
  }

  private goTo(step: Step, focusId: string): void {
    this.step.set(step);
    afterNextRender(
      { write: () => this.document.getElementById(focusId)?.focus() },
      { injector: this.injector },
    );
  }

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
      const result = await this.auth.signIn(this.form.getRawValue());
      if ('step' in result) {
        this.form.controls.password.reset();
        this.goTo(result.step, 'second-step-heading');
        return;
      }
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
