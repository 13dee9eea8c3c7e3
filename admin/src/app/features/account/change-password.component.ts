import { ChangeDetectionStrategy, Component, ElementRef, Injector, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { TranslocoPipe } from '@jsverse/transloco';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@waakvlam/contracts';
import { AuthService } from '../../core/auth/auth.service';
import { ErrorSummaryComponent } from '../../shared/forms/error-summary.component';
import { focusErrorSummary } from '../../shared/forms/focus-error-summary';
import { FormFieldComponent } from '../../shared/forms/form-field.component';
import type { Message } from '../../shared/forms/form-messages';
import { FormState, type FieldSpec } from '../../shared/forms/form-state';
import { fieldErrorsOf } from '../../shared/problem/problem.util';
import { TwoFactorApiService } from '../two-factor/two-factor-api.service';
import { twoFactorProblemMessage } from '../two-factor/two-factor-messages';

type Field = 'currentPassword' | 'newPassword' | 'repeatPassword';

const IDS: Record<Field, string> = {
  currentPassword: 'current-password',
  newPassword: 'new-password',
  repeatPassword: 'repeat-password',
};

const FIELDS: readonly FieldSpec<Field>[] = [
  { field: 'currentPassword', id: IDS.currentPassword, labelKey: 'changePassword.current' },
  { field: 'newPassword', id: IDS.newPassword, labelKey: 'changePassword.new' },
  { field: 'repeatPassword', id: IDS.repeatPassword, labelKey: 'changePassword.repeat' },
];

/** The API's field messages (English, stable), in the console's words. */
const SERVER_MESSAGES: ReadonlyArray<[RegExp, string]> = [
  [/^is too common/, 'changePassword.errors.common'],
  [/^must not be your e-mail/, 'changePassword.errors.email'],
  [/^must differ/, 'changePassword.errors.same'],
  [/^is not correct/, 'changePassword.errors.currentWrong'],
  [/^must be at least/, 'changePassword.errors.tooShort'],
  [/^must be at most/, 'changePassword.errors.tooLong'],
];

/** Changing one's own password. Every other session of the user ends; this browser stays signed in. */
@Component({
  selector: 'wv-change-password',
  imports: [ReactiveFormsModule, TranslocoPipe, ErrorSummaryComponent, FormFieldComponent],
  templateUrl: './change-password.component.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ChangePasswordComponent {
  private readonly api = inject(TwoFactorApiService);
  private readonly auth = inject(AuthService);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);

  protected readonly ids = IDS;
  protected readonly limits = { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH };
  protected readonly form = new FormGroup({
    currentPassword: new FormControl('', { nonNullable: true }),
    newPassword: new FormControl('', { nonNullable: true }),
    repeatPassword: new FormControl('', { nonNullable: true }),
  });
  private readonly values = toSignal(this.form.valueChanges, { initialValue: this.form.getRawValue() });
  protected readonly status = signal<Message | null>(null);
  protected readonly state = new FormState<Field>(FIELDS, () => this.clientErrors());

  protected async save(): Promise<void> {
    this.status.set(null);
    if (!this.state.begin(Object.keys(this.clientErrors()).length === 0)) {
      focusErrorSummary(this.host.nativeElement, this.injector);
      return;
    }
    const { currentPassword, newPassword } = this.form.getRawValue();
    this.state.busy.set(true);
    try {
      this.auth.completeSignIn(await this.api.changePassword({ currentPassword, newPassword }));
      this.form.reset();
      this.state.attempted.set(false);
      this.status.set({ key: 'changePassword.saved' });
    } catch (error: unknown) {
      const fields: Partial<Record<Field, Message>> = {};
      for (const { field, message } of fieldErrorsOf(error)) {
        if (field !== 'currentPassword' && field !== 'newPassword') continue;
        const key = SERVER_MESSAGES.find(([pattern]) => pattern.test(message))?.[1];
        fields[field] = key ? { key } : { key: 'forms.errors.server', params: { message } };
      }
      if (Object.keys(fields).length > 0) this.state.serverErrors.set(fields);
      else this.state.formError.set(twoFactorProblemMessage(error));
      focusErrorSummary(this.host.nativeElement, this.injector);
    } finally {
      this.state.busy.set(false);
    }
  }

  private clientErrors(): Partial<Record<Field, Message>> {
    const values = this.values();
    const errors: Partial<Record<Field, Message>> = {};
    const current = values.currentPassword ?? '';
    const next = values.newPassword ?? '';
    if (current === '') errors.currentPassword = { key: 'changePassword.errors.currentRequired' };
    const length = [...next].length;
    if (next === '') errors.newPassword = { key: 'changePassword.errors.newRequired' };
    else if (length < PASSWORD_MIN_LENGTH) errors.newPassword = { key: 'changePassword.errors.tooShort' };
    else if (length > PASSWORD_MAX_LENGTH) errors.newPassword = { key: 'changePassword.errors.tooLong' };
    if ((values.repeatPassword ?? '') !== next)
      errors.repeatPassword = { key: 'changePassword.errors.repeat' };
    return errors;
  }
}
