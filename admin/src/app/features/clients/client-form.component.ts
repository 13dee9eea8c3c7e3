import { HttpErrorResponse } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  DOCUMENT,
  Injector,
  afterNextRender,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import {
  LEGAL_BASES,
  PREFERRED_CHANNELS,
  type Client,
  type CreateClientRequest,
  type LegalBasis,
  type PartnerOrganisationSummary,
  type PreferredChannel,
} from '@waakvlam/contracts';
import { ErrorSummaryComponent } from '../../shared/forms/error-summary.component';
import { FieldControlDirective } from '../../shared/forms/field-control.directive';
import { FormFieldComponent } from '../../shared/forms/form-field.component';
import {
  EMAIL_PATTERN,
  PHONE_PATTERN,
  POSTCODE_PATTERN,
  controlMessage,
  isoDateValidator,
  optionalPattern,
  serverFieldMessages,
  type Message,
} from '../../shared/forms/form-messages';
import { FormState, type FieldSpec } from '../../shared/forms/form-state';
import { problemOf } from '../../shared/problem/problem.util';
import { PartnerOrganisationsService } from '../partner-organisations/partner-organisations.service';
import { ClientsService } from './clients.service';
import { focusErrorSummary } from '../../shared/forms/focus-error-summary';

type Field =
  | 'name'
  | 'reference'
  | 'postcode'
  | 'houseNumber'
  | 'neighbourhood'
  | 'phone'
  | 'email'
  | 'preferredChannel'
  | 'dateOfBirth'
  | 'legalBasis'
  | 'emailReminders'
  | 'sharingPartnerIds';

const FIELDS: readonly FieldSpec<Field>[] = [
  { field: 'name', id: 'client-name', labelKey: 'clients.fields.name' },
  { field: 'reference', id: 'client-reference', labelKey: 'clients.fields.reference' },
  { field: 'postcode', id: 'client-postcode', labelKey: 'clients.fields.postcode' },
  { field: 'houseNumber', id: 'client-houseNumber', labelKey: 'clients.fields.houseNumber' },
  { field: 'neighbourhood', id: 'client-neighbourhood', labelKey: 'clients.fields.neighbourhood' },
  { field: 'phone', id: 'client-phone', labelKey: 'clients.fields.phone' },
  { field: 'email', id: 'client-email', labelKey: 'clients.fields.email' },
  { field: 'preferredChannel', id: 'client-preferredChannel', labelKey: 'clients.fields.preferredChannel' },
  { field: 'dateOfBirth', id: 'client-dateOfBirth', labelKey: 'clients.fields.dateOfBirth' },
  { field: 'legalBasis', id: `client-legalBasis-${LEGAL_BASES[0]}`, labelKey: 'clients.fields.legalBasis' },
  { field: 'emailReminders', id: 'client-emailReminders', labelKey: 'clients.fields.emailReminders' },
  // The id of the first partner's checkbox; the summary links there.
  { field: 'sharingPartnerIds', id: 'client-sharingPartnerIds', labelKey: 'clients.fields.sharingPartners' },
];

/** Loading state of the partner list. */
type PartnersState = 'loading' | 'loaded' | 'error';

/** The API's dotted field path → the form field. */
function fieldOf(apiField: string): Field | null {
  const name = apiField.startsWith('consent.') ? apiField.slice('consent.'.length) : apiField;
  return FIELDS.some((spec) => spec.field === name) ? (name as Field) : null;
}

/** "Nieuwe inwoner" and "Inwoner wijzigen" (coordinators and admins). */
@Component({
  selector: 'wv-client-form',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    TranslocoPipe,
    ErrorSummaryComponent,
    FieldControlDirective,
    FormFieldComponent,
  ],
  templateUrl: './client-form.component.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ClientFormComponent {
  private readonly clients = inject(ClientsService);
  private readonly partnerOrganisations = inject(PartnerOrganisationsService);
  private readonly router = inject(Router);
  private readonly document = inject(DOCUMENT);
  private readonly injector = inject(Injector);

  /** Route parameter; absent for a new client. */
  readonly id = input<string | undefined>(undefined);

  protected readonly legalBases = LEGAL_BASES;
  protected readonly channels = PREFERRED_CHANNELS;
  protected readonly ids = Object.fromEntries(FIELDS.map((spec) => [spec.field, spec.id])) as Record<
    Field,
    string
  >;

  protected readonly form = new FormGroup({
    name: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(200)],
    }),
    reference: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(50)],
    }),
    postcode: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, optionalPattern(POSTCODE_PATTERN, 'postcode')],
    }),
    houseNumber: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(20)],
    }),
    neighbourhood: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(100)] }),
    phone: new FormControl('', { nonNullable: true, validators: [optionalPattern(PHONE_PATTERN, 'phone')] }),
    email: new FormControl('', {
      nonNullable: true,
      validators: [optionalPattern(EMAIL_PATTERN, 'email'), Validators.maxLength(254)],
    }),
    preferredChannel: new FormControl<PreferredChannel>('phone', { nonNullable: true }),
    dateOfBirth: new FormControl('', { nonNullable: true, validators: [isoDateValidator] }),
    legalBasis: new FormControl<LegalBasis>('consent', { nonNullable: true }),
    emailReminders: new FormControl(false, { nonNullable: true }),
    /** Partner organisations the resident agreed to share data with (`consent.sharingPartnerIds`). */
    sharingPartnerIds: new FormControl<string[]>([], { nonNullable: true }),
  });

  private readonly values = toSignal(this.form.valueChanges, { initialValue: this.form.getRawValue() });

  protected readonly state = new FormState<Field>(FIELDS, () => {
    this.values();
    const errors: Partial<Record<Field, Message>> = {};
    for (const spec of FIELDS) {
      const message = controlMessage(this.form.controls[spec.field]);
      if (message) errors[spec.field] = message;
    }
    if (this.form.controls.emailReminders.value && !this.form.controls.email.value.trim()) {
      errors.emailReminders = { key: 'clients.errors.remindersNeedEmail' };
    }
    return errors;
  });

  protected readonly editing = computed(() => this.id() !== undefined);
  protected readonly loaded = signal(false);
  protected readonly loadError = signal(false);
  /** The client just created: offer to start a watch. */
  protected readonly created = signal<Client | null>(null);
  /** The organisation's partner organisations, by name. */
  protected readonly partners = signal<PartnerOrganisationSummary[]>([]);
  protected readonly partnersState = signal<PartnersState>('loading');
  /** The chosen partner ids, as a signal for the checkboxes. */
  protected readonly sharing = computed<readonly string[]>(() => this.values().sharingPartnerIds ?? []);

  constructor() {
    void this.loadPartners();
    effect(() => {
      const id = this.id();
      untracked(() => {
        if (id) {
          void this.load(id);
        } else {
          this.loaded.set(true);
        }
      });
    });
  }

  protected async submit(): Promise<void> {
    this.form.markAllAsTouched();
    if (!this.state.begin(this.form.valid && !this.state.errors().emailReminders)) {
      this.focusSummary();
      return;
    }
    const request = this.request();
    this.state.busy.set(true);
    try {
      const id = this.id();
      if (id) {
        await this.clients.update(id, request);
        await this.router.navigate(['/inwoners', id]);
      } else {
        const client = await this.clients.create(request);
        this.created.set(client);
        this.focusHeading('client-created-heading');
      }
    } catch (error: unknown) {
      this.handleError(error);
      this.focusSummary();
    } finally {
      this.state.busy.set(false);
    }
  }

  /** Id of a partner's checkbox; the first one carries the field id that the error summary links to. */
  protected partnerCheckboxId(index: number, partner: PartnerOrganisationSummary): string {
    return index === 0 ? this.ids.sharingPartnerIds : `client-sharingPartner-${partner.id}`;
  }

  protected toggleSharing(partnerId: string, event: Event): void {
    const checked = (event.target as HTMLInputElement).checked;
    const control = this.form.controls.sharingPartnerIds;
    const others = control.value.filter((id) => id !== partnerId);
    control.setValue(checked ? [...others, partnerId] : others);
    control.markAsDirty();
  }

  /** Register another resident after the previous one. */
  protected another(): void {
    this.created.set(null);
    this.form.reset();
    this.state.attempted.set(false);
    this.focusHeading(null);
  }

  private request(): CreateClientRequest {
    const value = this.form.getRawValue();
    const orNull = (text: string) => (text.trim() === '' ? null : text.trim());
    return {
      reference: value.reference.trim(),
      name: value.name.trim(),
      email: orNull(value.email),
      phone: orNull(value.phone),
      preferredChannel: value.preferredChannel,
      postcode: value.postcode.replace(/\s+/g, '').toUpperCase(),
      houseNumber: value.houseNumber.trim(),
      neighbourhood: orNull(value.neighbourhood),
      dateOfBirth: orNull(value.dateOfBirth),
      consent: {
        legalBasis: value.legalBasis,
        emailReminders: value.emailReminders,
        sharingPartnerIds: this.sharingPartnerIds(value.sharingPartnerIds),
      },
    };
  }

  /**
   * The chosen partners in the order of the list. Without a list (it could not be loaded) the ids stay as
   * they were, so that saving other details does not withdraw consent.
   */
  private sharingPartnerIds(chosen: readonly string[]): string[] {
    if (this.partnersState() !== 'loaded') return [...chosen];
    return this.partners()
      .map((partner) => partner.id)
      .filter((id) => chosen.includes(id));
  }

  private async loadPartners(): Promise<void> {
    try {
      this.partners.set(await this.partnerOrganisations.list());
      this.partnersState.set('loaded');
    } catch {
      this.partnersState.set('error');
    }
  }

  private handleError(error: unknown): void {
    const status = error instanceof HttpErrorResponse ? error.status : 0;
    if (status === 400) {
      const fields = serverFieldMessages<Field>(error, fieldOf);
      if (Object.keys(fields).length > 0) {
        this.state.serverErrors.set(fields);
        return;
      }
    }
    if (status === 409) {
      this.state.serverErrors.set({ reference: { key: 'clients.errors.referenceTaken' } });
      return;
    }
    const detail = problemOf(error)?.detail;
    this.state.formError.set(
      detail && status === 400
        ? { key: 'forms.errors.server', params: { message: detail } }
        : { key: 'forms.errors.unavailable' },
    );
  }

  private async load(id: string): Promise<void> {
    try {
      const client = await this.clients.get(id);
      this.form.reset({
        name: client.name,
        reference: client.reference,
        postcode: client.postcode,
        houseNumber: client.houseNumber,
        neighbourhood: client.neighbourhood ?? '',
        phone: client.phone ?? '',
        email: client.email ?? '',
        preferredChannel: client.preferredChannel,
        dateOfBirth: client.dateOfBirth ?? '',
        legalBasis: client.consent.legalBasis,
        emailReminders: client.consent.emailReminders,
        sharingPartnerIds: [...client.consent.sharingPartnerIds],
      });
    } catch {
      this.loadError.set(true);
    } finally {
      this.loaded.set(true);
    }
  }

  private focusSummary(): void {
    focusErrorSummary(this.document, this.injector);
  }

  private focusHeading(id: string | null): void {
    afterNextRender(
      {
        write: () => {
          const target = id
            ? this.document.getElementById(id)
            : this.document.querySelector<HTMLElement>('main h1');
          if (target && !target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
          target?.focus();
        },
      },
      { injector: this.injector },
    );
  }
}
