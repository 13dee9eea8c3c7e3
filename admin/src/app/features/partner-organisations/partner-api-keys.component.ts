import { HttpErrorResponse } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  DOCUMENT,
  Injector,
  afterNextRender,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import {
  PARTNER_API_KEY_HEADER,
  type CreatePartnerApiKeyRequest,
  type CreatedPartnerApiKey,
  type PartnerApiKey,
  type PartnerOrganisationSummary,
} from '@waakvlam/contracts';
import { DateFormatService } from '../../shared/dates/date-format.service';
import { ErrorSummaryComponent } from '../../shared/forms/error-summary.component';
import { focusErrorSummary } from '../../shared/forms/focus-error-summary';
import { FormFieldComponent } from '../../shared/forms/form-field.component';
import { EMAIL_PATTERN, serverFieldMessages, type Message } from '../../shared/forms/form-messages';
import { FormState, type FieldSpec } from '../../shared/forms/form-state';
import { PartnerApiKeysService } from './partner-api-keys.service';
import { PartnerOrganisationsService } from './partner-organisations.service';

type Field = 'name' | 'feedbackEmail';

const FIELDS: readonly FieldSpec<Field>[] = [
  { field: 'name', id: 'api-key-name', labelKey: 'apiKeys.fields.name' },
  { field: 'feedbackEmail', id: 'api-key-feedback-email', labelKey: 'apiKeys.fields.feedbackEmail' },
];

const NAME_MAX = 100;
const EMAIL_MAX = 254;
const LIST_HEADING_ID = 'api-keys-list-heading';
const CREATED_HEADING_ID = 'api-key-created-heading';
const CONFIRM_HEADING_ID = 'api-key-revoke-heading';
const SECRET_ID = 'api-key-secret';

/**
 * The API keys of one partner organisation (admins, `/ketenpartners/:id`): the list (prefix, name, feedback e-mail,
 * created, last used, revoked), a new key (its secret shown once, with a copy button) and revoking one after a
 * confirmation.
 */
@Component({
  selector: 'wv-partner-api-keys',
  imports: [RouterLink, TranslocoPipe, ErrorSummaryComponent, FormFieldComponent],
  templateUrl: './partner-api-keys.component.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PartnerApiKeysComponent {
  private readonly keys = inject(PartnerApiKeysService);
  private readonly partners = inject(PartnerOrganisationsService);
  private readonly document = inject(DOCUMENT);
  private readonly injector = inject(Injector);
  protected readonly dates = inject(DateFormatService);

  /** Route parameter: the partner organisation. */
  readonly id = input.required<string>();

  protected readonly ids = Object.fromEntries(FIELDS.map((spec) => [spec.field, spec.id])) as Record<
    Field,
    string
  >;
  protected readonly headingIds = {
    list: LIST_HEADING_ID,
    created: CREATED_HEADING_ID,
    confirm: CONFIRM_HEADING_ID,
    secret: SECRET_ID,
  } as const;
  protected readonly apiKeyHeader = PARTNER_API_KEY_HEADER;
  protected readonly nameMax = NAME_MAX;

  protected readonly partner = signal<PartnerOrganisationSummary | null>(null);
  protected readonly items = signal<PartnerApiKey[]>([]);
  protected readonly loaded = signal(false);
  protected readonly loadError = signal(false);
  protected readonly notFound = signal(false);

  /** The key just made, with its secret: shown until the admin says it is kept, or leaves the page. */
  protected readonly created = signal<CreatedPartnerApiKey | null>(null);
  protected readonly copyStatus = signal<Message | null>(null);
  /** The key the admin asked to revoke, waiting for the confirmation. */
  protected readonly confirming = signal<PartnerApiKey | null>(null);
  protected readonly revoking = signal(false);
  protected readonly status = signal<Message | null>(null);
  protected readonly alert = signal<Message | null>(null);

  protected readonly name = signal('');
  protected readonly feedbackEmail = signal('');

  protected readonly state = new FormState<Field>(FIELDS, () => {
    const errors: Partial<Record<Field, Message>> = {};
    const name = this.name().trim();
    if (name === '') errors.name = { key: 'forms.errors.required' };
    else if (name.length > NAME_MAX)
      errors.name = { key: 'forms.errors.maxLength', params: { max: NAME_MAX } };
    const email = this.feedbackEmail().trim();
    if (email.length > EMAIL_MAX) {
      errors.feedbackEmail = { key: 'forms.errors.maxLength', params: { max: EMAIL_MAX } };
    } else if (email !== '' && !EMAIL_PATTERN.test(email)) {
      errors.feedbackEmail = { key: 'forms.errors.email' };
    }
    return errors;
  });

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => void this.load(id));
    });
  }

  protected type(field: Field, event: Event): void {
    this[field].set((event.target as HTMLInputElement).value);
  }

  protected async load(id: string): Promise<void> {
    this.loadError.set(false);
    this.notFound.set(false);
    try {
      const [partners, keys] = await Promise.all([this.partners.list(), this.keys.list(id)]);
      this.partner.set(partners.find((partner) => partner.id === id) ?? null);
      this.items.set(keys);
    } catch (error: unknown) {
      if (error instanceof HttpErrorResponse && error.status === 404) this.notFound.set(true);
      else this.loadError.set(true);
    } finally {
      this.loaded.set(true);
    }
  }

  protected async create(event: Event): Promise<void> {
    event.preventDefault();
    if (!this.state.begin(true)) return;
    if (Object.keys(this.state.errors()).length > 0) {
      focusErrorSummary(this.document, this.injector);
      return;
    }
    const request: CreatePartnerApiKeyRequest = { name: this.name().trim() };
    const email = this.feedbackEmail().trim();
    if (email) request.feedbackEmail = email;
    this.state.busy.set(true);
    this.status.set(null);
    this.alert.set(null);
    this.copyStatus.set(null);
    try {
      const created = await this.keys.create(this.id(), request);
      const { key: _secret, ...listed } = created;
      this.items.update((items) => [listed, ...items.filter((item) => item.id !== created.id)]);
      this.created.set(created);
      this.confirming.set(null);
      this.name.set('');
      this.feedbackEmail.set('');
      this.state.attempted.set(false);
      this.focus(CREATED_HEADING_ID);
    } catch (error: unknown) {
      const status = error instanceof HttpErrorResponse ? error.status : 0;
      const fields =
        status === 400
          ? serverFieldMessages<Field>(error, (field) =>
              field === 'name' || field === 'feedbackEmail' ? field : null,
            )
          : {};
      if (Object.keys(fields).length > 0) this.state.serverErrors.set(fields);
      else
        this.state.formError.set(
          status === 403
            ? { key: 'apiKeys.errors.forbidden' }
            : status === 404
              ? { key: 'apiKeys.notFound' }
              : { key: 'forms.errors.unavailable' },
        );
      focusErrorSummary(this.document, this.injector);
    } finally {
      this.state.busy.set(false);
    }
  }

  /** Copies the new key to the clipboard; says so politely, or how to copy it by hand. */
  protected async copy(): Promise<void> {
    const created = this.created();
    if (!created) return;
    try {
      const clipboard = this.document.defaultView?.navigator.clipboard;
      if (!clipboard) throw new Error('No clipboard');
      await clipboard.writeText(created.key);
      this.copyStatus.set({ key: 'apiKeys.copied' });
    } catch {
      this.copyStatus.set({ key: 'apiKeys.copyFailed' });
      const secret = this.document.getElementById(SECRET_ID);
      if (secret) this.document.getSelection()?.selectAllChildren(secret);
    }
  }

  /** The admin has kept the key: the secret leaves the page. */
  protected dismissCreated(): void {
    this.created.set(null);
    this.copyStatus.set(null);
    this.focus(LIST_HEADING_ID);
  }

  protected askRevoke(key: PartnerApiKey): void {
    this.alert.set(null);
    this.status.set(null);
    this.confirming.set(key);
    this.focus(CONFIRM_HEADING_ID);
  }

  protected cancelRevoke(): void {
    const key = this.confirming();
    this.confirming.set(null);
    if (key) this.focus(revokeButtonId(key.id));
  }

  protected async revoke(): Promise<void> {
    const key = this.confirming();
    if (!key || this.revoking()) return;
    this.revoking.set(true);
    this.alert.set(null);
    try {
      await this.keys.revoke(this.id(), key.id);
      const now = new Date().toISOString();
      this.items.update((items) =>
        items.map((item) => (item.id === key.id ? { ...item, revokedAt: item.revokedAt ?? now } : item)),
      );
      this.confirming.set(null);
      if (this.created()?.id === key.id) this.created.set(null);
      this.status.set({ key: 'apiKeys.revoked', params: { name: key.name } });
      this.focus(LIST_HEADING_ID);
    } catch {
      this.alert.set({ key: 'apiKeys.revokeFailed' });
    } finally {
      this.revoking.set(false);
    }
  }

  protected revokeButtonId(id: string): string {
    return revokeButtonId(id);
  }

  private focus(id: string): void {
    afterNextRender({ write: () => this.document.getElementById(id)?.focus() }, { injector: this.injector });
  }
}

function revokeButtonId(id: string): string {
  return `api-key-revoke-${id}`;
}
