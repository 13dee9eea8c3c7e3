import { HttpErrorResponse } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  computed,
  inject,
  output,
  signal,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { TranslocoPipe } from '@jsverse/transloco';
import { PROBLEM_TYPES, type Me } from '@waakvlam/contracts';
import { ErrorSummaryComponent } from '../../shared/forms/error-summary.component';
import { focusErrorSummary } from '../../shared/forms/focus-error-summary';
import { FormFieldComponent } from '../../shared/forms/form-field.component';
import type { Message, SummaryEntry } from '../../shared/forms/form-messages';
import { problemOf } from '../../shared/problem/problem.util';
import { TwoFactorApiService } from '../two-factor/two-factor-api.service';
import { codeMessage, twoFactorProblemMessage } from '../two-factor/two-factor-messages';

const CODE_ID = 'sign-in-code';

/** The second sign-in step: the 6-digit code from the authenticator app, or one of the recovery codes. */
@Component({
  selector: 'wv-two-factor-step',
  imports: [ReactiveFormsModule, TranslocoPipe, ErrorSummaryComponent, FormFieldComponent],
  template: `
    <wv-error-summary [entries]="summary()" [formError]="formError()" />
    <p class="utrecht-paragraph">
      {{ (useRecoveryCode() ? 'signIn.twoFactor.recoveryIntro' : 'signIn.twoFactor.intro') | transloco }}
    </p>
    <form class="wv-form" [formGroup]="form" novalidate (ngSubmit)="submit()">
      <wv-form-field [fieldId]="codeId" [labelKey]="labelKey()" [error]="codeError()">
        <input
          [id]="codeId"
          type="text"
          [attr.inputmode]="useRecoveryCode() ? null : 'numeric'"
          autocomplete="one-time-code"
          spellcheck="false"
          class="utrecht-textbox utrecht-textbox--html-input wv-textbox--short"
          formControlName="code"
          [attr.aria-invalid]="codeError() ? 'true' : null"
          [attr.aria-describedby]="codeError() ? codeId + '-error' : null"
        />
      </wv-form-field>
      <div class="utrecht-button-group">
        <button
          type="submit"
          class="utrecht-button utrecht-button--primary-action utrecht-button--submit"
          [attr.aria-disabled]="busy() ? 'true' : null"
        >
          {{ (busy() ? 'signIn.busy' : 'signIn.twoFactor.submit') | transloco }}
        </button>
        <button type="button" class="utrecht-button utrecht-button--secondary-action" (click)="toggle()">
          {{ (useRecoveryCode() ? 'signIn.twoFactor.useApp' : 'signIn.twoFactor.useRecovery') | transloco }}
        </button>
      </div>
    </form>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TwoFactorStepComponent {
  private readonly api = inject(TwoFactorApiService);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);

  readonly signedIn = output<Me>();
  /** The pending sign-in ended (expired, too many codes): back to the password. */
  readonly restart = output<Message>();

  protected readonly codeId = CODE_ID;
  protected readonly useRecoveryCode = signal(false);
  protected readonly busy = signal(false);
  protected readonly attempted = signal(false);
  protected readonly formError = signal<Message | null>(null);
  private readonly serverError = signal<Message | null>(null);
  protected readonly code = new FormControl('', { nonNullable: true });
  protected readonly form = new FormGroup({ code: this.code });
  private readonly value = toSignal(this.code.valueChanges, { initialValue: '' });

  protected readonly labelKey = computed(() =>
    this.useRecoveryCode() ? 'signIn.twoFactor.recoveryCode' : 'twoFactor.code',
  );

  protected readonly codeError = computed<Message | undefined>(() => {
    if (!this.attempted()) return undefined;
    const value = this.value().trim();
    const client = this.useRecoveryCode()
      ? value === ''
        ? { key: 'signIn.twoFactor.recoveryRequired' }
        : undefined
      : codeMessage(value);
    return client ?? this.serverError() ?? undefined;
  });

  protected readonly summary = computed<SummaryEntry[]>(() => {
    const error = this.codeError();
    return error ? [{ id: CODE_ID, labelKey: this.labelKey(), message: error }] : [];
  });

  protected toggle(): void {
    this.useRecoveryCode.update((v) => !v);
    this.attempted.set(false);
    this.serverError.set(null);
    this.code.reset();
    this.document()?.getElementById(CODE_ID)?.focus();
  }

  protected async submit(): Promise<void> {
    if (this.busy()) return;
    this.attempted.set(true);
    this.serverError.set(null);
    this.formError.set(null);
    if (this.codeError()) {
      focusErrorSummary(this.host.nativeElement, this.injector);
      return;
    }
    this.busy.set(true);
    try {
      this.signedIn.emit(await this.api.verify(this.value().trim()));
    } catch (error: unknown) {
      const problem = problemOf(error);
      const status = error instanceof HttpErrorResponse ? error.status : 0;
      if (status === 401 && problem?.type === PROBLEM_TYPES.unauthenticated) {
        this.restart.emit({ key: 'twoFactor.errors.expired' });
        return;
      }
      if (status === 401) {
        this.serverError.set({ key: 'twoFactor.errors.wrongCode' });
      } else {
        this.formError.set(twoFactorProblemMessage(error));
      }
      focusErrorSummary(this.host.nativeElement, this.injector);
    } finally {
      this.busy.set(false);
    }
  }

  private document(): Document | null {
    return this.host.nativeElement.ownerDocument;
  }
}
