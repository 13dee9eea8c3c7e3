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
  type OnInit,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { TranslocoPipe } from '@jsverse/transloco';
import { PROBLEM_TYPES, type TwoFactorConfirmed, type TwoFactorEnrolment } from '@waakvlam/contracts';
import { ErrorSummaryComponent } from '../../shared/forms/error-summary.component';
import { focusErrorSummary } from '../../shared/forms/focus-error-summary';
import { FormFieldComponent } from '../../shared/forms/form-field.component';
import type { Message, SummaryEntry } from '../../shared/forms/form-messages';
import { problemOf } from '../../shared/problem/problem.util';
import { TwoFactorApiService } from './two-factor-api.service';
import { codeMessage, twoFactorProblemMessage } from './two-factor-messages';

const CODE_ID = 'enrolment-code';

/**
 * Setting up two-factor authentication: the QR code (and the secret, to type in by hand), then a first code from the
 * app to confirm. Used on the security page and, when the organisation requires it, during sign-in.
 */
@Component({
  selector: 'wv-two-factor-enrolment',
  imports: [ReactiveFormsModule, TranslocoPipe, ErrorSummaryComponent, FormFieldComponent],
  templateUrl: './two-factor-enrolment.component.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TwoFactorEnrolmentComponent implements OnInit {
  private readonly api = inject(TwoFactorApiService);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);

  /** The app was confirmed: the recovery codes (and, during sign-in, the signed-in user). */
  readonly confirmed = output<TwoFactorConfirmed>();

  protected readonly codeId = CODE_ID;
  protected readonly enrolment = signal<TwoFactorEnrolment | null>(null);
  protected readonly loadError = signal<Message | null>(null);
  protected readonly busy = signal(false);
  protected readonly attempted = signal(false);
  protected readonly formError = signal<Message | null>(null);
  private readonly serverError = signal<Message | null>(null);

  protected readonly code = new FormControl('', { nonNullable: true });
  protected readonly form = new FormGroup({ code: this.code });
  private readonly value = toSignal(this.code.valueChanges, { initialValue: '' });

  /** The secret in groups of four, easier to type. */
  protected readonly groupedSecret = computed(
    () =>
      this.enrolment()
        ?.secret.match(/.{1,4}/g)
        ?.join(' ') ?? '',
  );

  protected readonly codeError = computed<Message | undefined>(() => {
    if (!this.attempted()) return undefined;
    return codeMessage(this.value()) ?? this.serverError() ?? undefined;
  });

  protected readonly summary = computed<SummaryEntry[]>(() => {
    const error = this.codeError();
    return error ? [{ id: CODE_ID, labelKey: 'twoFactor.code', message: error }] : [];
  });

  async ngOnInit(): Promise<void> {
    try {
      this.enrolment.set(await this.api.startEnrolment());
    } catch (error: unknown) {
      this.loadError.set(twoFactorProblemMessage(error));
    }
  }

  protected async confirm(): Promise<void> {
    if (this.busy()) return;
    this.attempted.set(true);
    this.serverError.set(null);
    this.formError.set(null);
    if (codeMessage(this.value())) {
      focusErrorSummary(this.host.nativeElement, this.injector);
      return;
    }
    this.busy.set(true);
    try {
      this.confirmed.emit(await this.api.confirmEnrolment(this.value().trim()));
    } catch (error: unknown) {
      const status = error instanceof HttpErrorResponse ? error.status : 0;
      const problem = problemOf(error);
      if (status === 400 || problem?.type === PROBLEM_TYPES.invalidCredentials) {
        this.serverError.set({ key: 'twoFactor.errors.wrongCode' });
      } else {
        this.formError.set(twoFactorProblemMessage(error));
      }
      focusErrorSummary(this.host.nativeElement, this.injector);
    } finally {
      this.busy.set(false);
    }
  }
}
