import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  inject,
  input,
  signal,
  type OnInit,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { TranslocoPipe } from '@jsverse/transloco';
import { MAX_DISCREET_SENDER_NAME_LENGTH, type OrganisationSettings } from '@waakvlam/contracts';
import { ErrorSummaryComponent } from '../../shared/forms/error-summary.component';
import { FormFieldComponent } from '../../shared/forms/form-field.component';
import type { Message } from '../../shared/forms/form-messages';
import { focusErrorSummary } from '../../shared/forms/focus-error-summary';
import { FormState, type FieldSpec } from '../../shared/forms/form-state';
import { OrganisationSettingsService } from './organisation-settings.service';

type Field = 'discreetSenderName' | 'clientNamesInEmail';

const SENDER_NAME_ID = 'settings-discreet-sender-name';
const CLIENT_NAMES_ID = 'settings-client-names-in-email';

const FIELDS: readonly FieldSpec<Field>[] = [
  { field: 'discreetSenderName', id: SENDER_NAME_ID, labelKey: 'settings.mail.senderName' },
  { field: 'clientNamesInEmail', id: CLIENT_NAMES_ID, labelKey: 'settings.mail.clientNames' },
];

/** The e-mail part of "Instellingen" (admins): the discreet sender name and whether e-mails name clients. */
@Component({
  selector: 'wv-mail-settings',
  imports: [ReactiveFormsModule, TranslocoPipe, ErrorSummaryComponent, FormFieldComponent],
  templateUrl: './mail-settings.component.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MailSettingsComponent implements OnInit {
  private readonly settingsService = inject(OrganisationSettingsService);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);

  /** The settings as the page loaded them; the form starts from them. */
  readonly settings = input.required<OrganisationSettings>();

  protected readonly ids = { senderName: SENDER_NAME_ID, clientNames: CLIENT_NAMES_ID } as const;

  protected readonly form = new FormGroup({
    discreetSenderName: new FormControl('', { nonNullable: true }),
    clientNamesInEmail: new FormControl(false, { nonNullable: true }),
  });
  private readonly values = toSignal(this.form.valueChanges, { initialValue: this.form.getRawValue() });

  /** What the polite live region says after saving. */
  protected readonly status = signal<Message | null>(null);

  protected readonly state = new FormState<Field>(FIELDS, () => this.clientErrors());

  ngOnInit(): void {
    this.apply(this.settings());
  }

  protected async save(): Promise<void> {
    this.status.set(null);
    if (!this.state.begin(Object.keys(this.clientErrors()).length === 0)) {
      focusErrorSummary(this.host.nativeElement, this.injector);
      return;
    }
    const { discreetSenderName, clientNamesInEmail } = this.form.getRawValue();
    this.state.busy.set(true);
    try {
      const saved = await this.settingsService.saveMail({
        discreetSenderName: discreetSenderName.trim() || null,
        clientNamesInEmail,
      });
      this.apply(saved);
      this.state.attempted.set(false);
      this.status.set({ key: 'settings.mail.saved' });
    } catch (error: unknown) {
      this.state.fail(error, 'settings.mail.forbidden');
      focusErrorSummary(this.host.nativeElement, this.injector);
    } finally {
      this.state.busy.set(false);
    }
  }

  /** The checks before sending: the API's limit on the trimmed name. */
  private clientErrors(): Partial<Record<Field, Message>> {
    const name = (this.values().discreetSenderName ?? '').trim();
    return name.length > MAX_DISCREET_SENDER_NAME_LENGTH
      ? {
          discreetSenderName: {
            key: 'forms.errors.maxLength',
            params: { max: MAX_DISCREET_SENDER_NAME_LENGTH },
          },
        }
      : {};
  }

  private apply(settings: OrganisationSettings): void {
    this.form.setValue({
      discreetSenderName: settings.discreetSenderName ?? '',
      clientNamesInEmail: settings.clientNamesInEmail === true,
    });
  }
}
