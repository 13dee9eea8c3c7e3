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
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import {
  MAX_SIGNAL_DESCRIPTION_LENGTH,
  POSTCODE_PATTERN,
  SIGNAL_CATEGORIES,
  type CreateSignalRequest,
  type PartnerSignal,
  type SignalCategory,
} from '@waakvlam/contracts';
import { DateFormatService } from '../../shared/dates/date-format.service';
import { ErrorSummaryComponent } from '../../shared/forms/error-summary.component';
import { focusErrorSummary } from '../../shared/forms/focus-error-summary';
import { FieldControlDirective } from '../../shared/forms/field-control.directive';
import { FormFieldComponent } from '../../shared/forms/form-field.component';
import {
  controlMessage,
  isoDateValidator,
  optionalPattern,
  serverFieldMessages,
  type Message,
} from '../../shared/forms/form-messages';
import { FormState, type FieldSpec } from '../../shared/forms/form-state';
import { SignalsService } from '../signals/signals.service';

/** What the signal is about: a client, by the reference the partner was given, or an address. */
type About = 'reference' | 'address';

type Field =
  | 'about'
  | 'clientReference'
  | 'postcode'
  | 'houseNumber'
  | 'houseNumberAddition'
  | 'category'
  | 'description'
  | 'observedOn';

const FIELDS: readonly FieldSpec<Field>[] = [
  { field: 'about', id: 'signal-about-reference', labelKey: 'partnerPortal.form.about' },
  { field: 'clientReference', id: 'signal-clientReference', labelKey: 'partnerPortal.form.clientReference' },
  { field: 'postcode', id: 'signal-postcode', labelKey: 'clients.fields.postcode' },
  { field: 'houseNumber', id: 'signal-houseNumber', labelKey: 'clients.fields.houseNumber' },
  {
    field: 'houseNumberAddition',
    id: 'signal-houseNumberAddition',
    labelKey: 'partnerPortal.form.houseNumberAddition',
  },
  { field: 'category', id: 'signal-category', labelKey: 'signals.fields.category' },
  { field: 'description', id: 'signal-description', labelKey: 'partnerPortal.form.description' },
  { field: 'observedOn', id: 'signal-observedOn', labelKey: 'signals.fields.observedOn' },
];

const HOUSE_NUMBER_PATTERN = /^\s*[1-9][0-9]{0,4}\s*$/;
const ADDITION_PATTERN = /^[\s-]*([A-Za-z0-9][\s-]*){1,6}$/;

function fieldOf(apiField: string): Field | null {
  const name = apiField.startsWith('address.') ? apiField.slice('address.'.length) : apiField;
  if (name === 'address') return 'postcode';
  return FIELDS.some((spec) => spec.field === name) ? (name as Field) : null;
}

/** "Signaal melden" (partners): about a client reference or an address; category, description, observed date. */
@Component({
  selector: 'wv-partner-signal-form',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    TranslocoPipe,
    ErrorSummaryComponent,
    FieldControlDirective,
    FormFieldComponent,
  ],
  templateUrl: './partner-signal-form.component.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PartnerSignalFormComponent {
  private readonly signals = inject(SignalsService);
  private readonly document = inject(DOCUMENT);
  private readonly injector = inject(Injector);
  private readonly dates = inject(DateFormatService);

  protected readonly categories = SIGNAL_CATEGORIES;
  protected readonly descriptionMax = MAX_SIGNAL_DESCRIPTION_LENGTH;
  protected readonly ids = Object.fromEntries(FIELDS.map((spec) => [spec.field, spec.id])) as Record<
    Field,
    string
  >;
  protected readonly today = this.dates.today();

  protected readonly form = new FormGroup({
    about: new FormControl<About>('reference', { nonNullable: true }),
    clientReference: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(50)] }),
    postcode: new FormControl('', {
      nonNullable: true,
      validators: [optionalPattern(POSTCODE_PATTERN, 'postcode')],
    }),
    houseNumber: new FormControl('', {
      nonNullable: true,
      validators: [optionalPattern(HOUSE_NUMBER_PATTERN, 'pattern')],
    }),
    houseNumberAddition: new FormControl('', {
      nonNullable: true,
      validators: [optionalPattern(ADDITION_PATTERN, 'pattern')],
    }),
    category: new FormControl<SignalCategory | ''>('', {
      nonNullable: true,
      validators: [Validators.required],
    }),
    description: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(MAX_SIGNAL_DESCRIPTION_LENGTH)],
    }),
    observedOn: new FormControl(this.today, {
      nonNullable: true,
      validators: [Validators.required, isoDateValidator],
    }),
  });

  private readonly values = toSignal(this.form.valueChanges, { initialValue: this.form.getRawValue() });
  protected readonly about = computed<About>(() => this.values().about ?? 'reference');

  /** The client-side checks, before and after the first submit. */
  private readonly clientErrors = computed<Partial<Record<Field, Message>>>(() => {
    const value = { ...this.form.getRawValue(), ...this.values() };
    const errors: Partial<Record<Field, Message>> = {};
    const check = (field: Field) => {
      const message = controlMessage(this.form.controls[field]);
      if (message) errors[field] = message;
    };
    if (value.about === 'reference') {
      check('clientReference');
      if (!value.clientReference?.trim()) errors.clientReference = { key: 'forms.errors.required' };
    } else {
      check('postcode');
      check('houseNumber');
      check('houseNumberAddition');
      if (!value.postcode?.trim()) errors.postcode = { key: 'forms.errors.required' };
      if (!value.houseNumber?.trim()) errors.houseNumber = { key: 'forms.errors.required' };
    }
    check('category');
    check('description');
    if (!errors.description && !value.description?.trim())
      errors.description = { key: 'forms.errors.required' };
    check('observedOn');
    if (!errors.observedOn && value.observedOn && value.observedOn > this.today) {
      errors.observedOn = { key: 'partnerPortal.form.errors.future' };
    }
    return errors;
  });

  protected readonly state = new FormState<Field>(FIELDS, () => this.clientErrors());

  /** The signal just filed. */
  protected readonly created = signal<PartnerSignal | null>(null);

  protected async submit(): Promise<void> {
    this.form.markAllAsTouched();
    const valid = Object.keys(this.clientErrors()).length === 0;
    if (!this.state.begin(valid)) {
      if (!valid) focusErrorSummary(this.document, this.injector);
      return;
    }
    this.state.busy.set(true);
    try {
      const signal = await this.signals.create(this.request());
      this.created.set(signal);
      afterNextRender(
        { write: () => this.document.getElementById('signal-created-heading')?.focus() },
        { injector: this.injector },
      );
    } catch (error: unknown) {
      const status = error instanceof HttpErrorResponse ? error.status : 0;
      const fields = status === 400 ? serverFieldMessages<Field>(error, fieldOf) : {};
      if (Object.keys(fields).length > 0) this.state.serverErrors.set(fields);
      else this.state.formError.set({ key: 'partnerPortal.form.errors.unavailable' });
      focusErrorSummary(this.document, this.injector);
    } finally {
      this.state.busy.set(false);
    }
  }

  /** File another signal after this one. */
  protected another(): void {
    this.created.set(null);
    this.form.reset();
    this.state.attempted.set(false);
    afterNextRender(
      { write: () => this.document.querySelector<HTMLElement>('main h1')?.focus() },
      { injector: this.injector },
    );
  }

  private request(): CreateSignalRequest {
    const value = this.form.getRawValue();
    const base = {
      category: value.category as SignalCategory,
      description: value.description.trim(),
      observedOn: value.observedOn,
    };
    if (value.about === 'reference') return { ...base, clientReference: value.clientReference.trim() };
    const addition = value.houseNumberAddition.trim();
    return {
      ...base,
      address: {
        postcode: value.postcode.replace(/\s+/g, '').toUpperCase(),
        houseNumber: value.houseNumber.trim(),
        houseNumberAddition: addition === '' ? null : addition,
      },
    };
  }
}
