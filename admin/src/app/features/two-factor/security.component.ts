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
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { TranslocoPipe } from '@jsverse/transloco';
import type { TwoFactorConfirmed, TwoFactorStatus } from '@waakvlam/contracts';
import { AuthService } from '../../core/auth/auth.service';
import { FormFieldComponent } from '../../shared/forms/form-field.component';
import type { Message } from '../../shared/forms/form-messages';
import { ChangePasswordComponent } from '../account/change-password.component';
import { RecoveryCodesComponent } from './recovery-codes.component';
import { TwoFactorApiService } from './two-factor-api.service';
import { TwoFactorEnrolmentComponent } from './two-factor-enrolment.component';
import { codeMessage, twoFactorProblemMessage } from './two-factor-messages';

type View = 'status' | 'enrol' | 'codes';

/**
 * "Beveiliging": change your password; admins and coordinators set up two-factor authentication, make new recovery
 * codes or turn it off; admins decide whether it is required in their organisation.
 */
@Component({
  selector: 'wv-security',
  imports: [
    ReactiveFormsModule,
    TranslocoPipe,
    FormFieldComponent,
    ChangePasswordComponent,
    TwoFactorEnrolmentComponent,
    RecoveryCodesComponent,
  ],
  templateUrl: './security.component.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SecurityComponent implements OnInit {
  private readonly api = inject(TwoFactorApiService);
  private readonly auth = inject(AuthService);
  private readonly document = inject(DOCUMENT);
  private readonly injector = inject(Injector);

  protected readonly isAdmin = computed(() => this.auth.me()?.role === 'admin');
  protected readonly status = signal<TwoFactorStatus | null>(null);
  protected readonly view = signal<View>('status');
  protected readonly recoveryCodes = signal<readonly string[]>([]);
  protected readonly message = signal<Message | null>(null);
  protected readonly actionError = signal<Message | null>(null);
  protected readonly attempted = signal(false);
  protected readonly busy = signal(false);

  protected readonly code = new FormControl('', { nonNullable: true });
  protected readonly form = new FormGroup({ code: this.code });
  private readonly codeValue = toSignal(this.code.valueChanges, { initialValue: '' });
  protected readonly codeError = computed<Message | undefined>(() =>
    this.attempted() ? (codeMessage(this.codeValue()) ?? this.actionError() ?? undefined) : undefined,
  );

  protected readonly required = new FormControl(false, { nonNullable: true });
  protected readonly policyForm = new FormGroup({ required: this.required });
  protected readonly policyMessage = signal<Message | null>(null);

  async ngOnInit(): Promise<void> {
    await this.load();
    if (this.isAdmin()) {
      try {
        this.required.setValue((await this.api.policy()).required);
      } catch {
        this.policyMessage.set({ key: 'twoFactor.errors.unavailable' });
      }
    }
  }

  protected startEnrolment(): void {
    this.message.set(null);
    this.show('enrol', 'two-factor-heading');
  }

  protected enrolled(result: TwoFactorConfirmed): void {
    this.recoveryCodes.set(result.recoveryCodes);
    this.show('codes', 'recovery-codes-heading');
  }

  protected async codesSaved(): Promise<void> {
    await this.load();
    this.message.set({ key: 'twoFactor.settings.enabledNow' });
    this.show('status', 'two-factor-heading');
  }

  protected async newRecoveryCodes(): Promise<void> {
    await this.withCode(async (code) => this.enrolled(await this.api.newRecoveryCodes(code)));
  }

  protected async disable(): Promise<void> {
    await this.withCode(async (code) => {
      await this.api.disable(code);
      await this.load();
      this.message.set({ key: 'twoFactor.settings.disabledNow' });
    });
  }

  protected async savePolicy(): Promise<void> {
    this.policyMessage.set(null);
    try {
      const saved = await this.api.setPolicy(this.required.value);
      this.policyMessage.set({
        key: saved.required ? 'twoFactor.policy.savedOn' : 'twoFactor.policy.savedOff',
      });
      await this.load();
    } catch (error: unknown) {
      this.policyMessage.set(twoFactorProblemMessage(error));
    }
  }

  private async withCode(action: (code: string) => Promise<void>): Promise<void> {
    if (this.busy()) return;
    this.attempted.set(true);
    this.actionError.set(null);
    this.message.set(null);
    if (codeMessage(this.codeValue())) {
      this.document.getElementById('security-code')?.focus();
      return;
    }
    this.busy.set(true);
    try {
      await action(this.codeValue().trim());
      this.code.reset();
      this.attempted.set(false);
    } catch (error: unknown) {
      const status = error instanceof HttpErrorResponse ? error.status : 0;
      this.actionError.set(
        status === 400 ? { key: 'twoFactor.errors.wrongCode' } : twoFactorProblemMessage(error),
      );
      this.document.getElementById('security-code')?.focus();
    } finally {
      this.busy.set(false);
    }
  }

  private async load(): Promise<void> {
    try {
      this.status.set(await this.api.status());
    } catch {
      this.message.set({ key: 'twoFactor.errors.unavailable' });
    }
  }

  private show(view: View, focusId: string): void {
    this.view.set(view);
    afterNextRender(
      { write: () => this.document.getElementById(focusId)?.focus() },
      { injector: this.injector },
    );
  }
}
