import { HttpErrorResponse } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  DOCUMENT,
  Injector,
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
  CADENCE_LIMITS,
  CONTACT_MODES,
  type Client,
  type ContactMode,
  type CreateWatchRequest,
  type Signaleringsplan,
  type UpdateWatchRequest,
  type Watch,
} from '@waakvlam/contracts';
import { DateFormatService } from '../../shared/dates/date-format.service';
import { addMonths } from '../../shared/dates/dates.util';
import { ErrorSummaryComponent } from '../../shared/forms/error-summary.component';
import { FieldControlDirective } from '../../shared/forms/field-control.directive';
import { FormFieldComponent } from '../../shared/forms/form-field.component';
import {
  controlMessage,
  integerBetween,
  isoDateValidator,
  serverFieldMessages,
  type Message,
} from '../../shared/forms/form-messages';
import { FormState, type FieldSpec } from '../../shared/forms/form-state';
import { ClientsService } from '../clients/clients.service';
import { UsersService, type StaffUser } from '../users/users.service';
import { WatchesService } from './watches.service';
import { focusErrorSummary } from '../../shared/forms/focus-error-summary';

const PHASES = ['green', 'orange', 'red'] as const;
type Phase = (typeof PHASES)[number];
type PlanField = `${Phase}Signs` | `${Phase}Actions`;
type Field =
  | 'primaryCaseworkerId'
  | 'backupCaseworkerId'
  | 'intervalDays'
  | 'contactMode'
  | 'startDate'
  | 'reviewDate'
  | 'lapseThreshold'
  | 'preNoticeWorkingDays'
  | 'gracePeriodDays'
  | 'agreements'
  | PlanField;

const TEXT_MAX = 2000;
const AGREEMENTS_MAX = 5000;
export const LAPSE_LIMITS = { min: 1, max: 10 } as const;
export const GRACE_LIMITS = { min: 0, max: 20 } as const;
/** Working days before the due date that the client gets a pre-notice (with consent); 0: none. */
export const PRE_NOTICE_LIMITS = { min: 0, max: 10, default: 2 } as const;

const PLAN_FIELDS: readonly FieldSpec<Field>[] = PHASES.flatMap((phase) => [
  { field: `${phase}Signs` as const, id: `watch-${phase}Signs`, labelKey: `planPhases.${phase}.signsLabel` },
  {
    field: `${phase}Actions` as const,
    id: `watch-${phase}Actions`,
    labelKey: `planPhases.${phase}.actionsLabel`,
  },
]);

const FIELDS: readonly FieldSpec<Field>[] = [
  { field: 'primaryCaseworkerId', id: 'watch-primaryCaseworkerId', labelKey: 'watch.primaryCaseworker' },
  { field: 'backupCaseworkerId', id: 'watch-backupCaseworkerId', labelKey: 'watch.backupCaseworker' },
  { field: 'intervalDays', id: 'watch-intervalDays', labelKey: 'watch.intervalDays' },
  { field: 'contactMode', id: 'watch-contactMode', labelKey: 'watch.contactMode' },
  { field: 'startDate', id: 'watch-startDate', labelKey: 'watch.startDate' },
  { field: 'reviewDate', id: 'watch-reviewDate', labelKey: 'watch.reviewDate' },
  { field: 'lapseThreshold', id: 'watch-lapseThreshold', labelKey: 'watch.lapseThreshold' },
  {
    field: 'preNoticeWorkingDays',
    id: 'watch-preNoticeWorkingDays',
    labelKey: 'watch.preNoticeWorkingDays',
  },
  { field: 'gracePeriodDays', id: 'watch-gracePeriodDays', labelKey: 'watch.gracePeriodDays' },
  { field: 'agreements', id: 'watch-agreements', labelKey: 'watch.agreements' },
  ...PLAN_FIELDS,
];

function fieldOf(apiField: string): Field | null {
  const plan = /^signaleringsplan\.(green|orange|red)\.(signs|actions)$/.exec(apiField);
  if (plan) {
    return `${plan[1]}${plan[2] === 'signs' ? 'Signs' : 'Actions'}` as Field;
  }
  const name = apiField.replace(/^cadence\./, '');
  return FIELDS.some((spec) => spec.field === name) ? (name as Field) : null;
}

/** "Waakvlam starten" for a client, and "Waakvlam wijzigen" (coordinators and admins). */
@Component({
  selector: 'wv-watch-form',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    TranslocoPipe,
    ErrorSummaryComponent,
    FieldControlDirective,
    FormFieldComponent,
  ],
  templateUrl: './watch-form.component.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class WatchFormComponent {
  private readonly clients = inject(ClientsService);
  private readonly watches = inject(WatchesService);
  private readonly users = inject(UsersService);
  private readonly router = inject(Router);
  private readonly document = inject(DOCUMENT);
  private readonly injector = inject(Injector);
  private readonly dates = inject(DateFormatService);

  /** Route parameter: the client. */
  readonly id = input.required<string>();
  /** Route data: `edit` changes the open watch instead of starting one. */
  readonly mode = input<'create' | 'edit'>('create');

  protected readonly modes = CONTACT_MODES;
  protected readonly phases = PHASES;
  protected readonly limits = CADENCE_LIMITS;
  /** The "Bewaking" numbers, in screen order: label `watch.<field>`, hint `watchForm.hints.<field>`. */
  protected readonly monitoringFields = [
    { field: 'lapseThreshold', limits: LAPSE_LIMITS },
    { field: 'preNoticeWorkingDays', limits: PRE_NOTICE_LIMITS },
    { field: 'gracePeriodDays', limits: GRACE_LIMITS },
  ] as const satisfies ReadonlyArray<{ field: Field; limits: { min: number; max: number } }>;
  protected readonly ids = Object.fromEntries(FIELDS.map((spec) => [spec.field, spec.id])) as Record<
    Field,
    string
  >;

  protected readonly form = new FormGroup({
    primaryCaseworkerId: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    backupCaseworkerId: new FormControl('', { nonNullable: true }),
    intervalDays: new FormControl<number | null>(28, {
      validators: [Validators.required, integerBetween(CADENCE_LIMITS.minDays, CADENCE_LIMITS.maxDays)],
    }),
    contactMode: new FormControl<ContactMode>('phone', { nonNullable: true }),
    startDate: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, isoDateValidator],
    }),
    reviewDate: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, isoDateValidator],
    }),
    lapseThreshold: new FormControl<number | null>(2, {
      validators: [Validators.required, integerBetween(LAPSE_LIMITS.min, LAPSE_LIMITS.max)],
    }),
    preNoticeWorkingDays: new FormControl<number | null>(PRE_NOTICE_LIMITS.default, {
      validators: [Validators.required, integerBetween(PRE_NOTICE_LIMITS.min, PRE_NOTICE_LIMITS.max)],
    }),
    gracePeriodDays: new FormControl<number | null>(3, {
      validators: [Validators.required, integerBetween(GRACE_LIMITS.min, GRACE_LIMITS.max)],
    }),
    agreements: new FormControl('', {
      nonNullable: true,
      validators: [Validators.maxLength(AGREEMENTS_MAX)],
    }),
    greenSigns: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(TEXT_MAX)] }),
    greenActions: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(TEXT_MAX)] }),
    orangeSigns: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(TEXT_MAX)] }),
    orangeActions: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(TEXT_MAX)] }),
    redSigns: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(TEXT_MAX)] }),
    redActions: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(TEXT_MAX)] }),
  });

  private readonly values = toSignal(this.form.valueChanges, { initialValue: this.form.getRawValue() });

  protected readonly state = new FormState<Field>(FIELDS, () => this.clientErrors());

  protected readonly editing = computed(() => this.mode() === 'edit');
  protected readonly client = signal<Client | null>(null);
  protected readonly caseworkers = signal<StaffUser[]>([]);
  protected readonly caseworkersError = signal(false);
  protected readonly loaded = signal(false);
  protected readonly loadError = signal(false);
  private watch: Watch | null = null;

  constructor() {
    const today = this.dates.today();
    this.form.patchValue({ startDate: today, reviewDate: addMonths(today, 12) });
    this.form.controls.startDate.valueChanges.subscribe((start) => {
      if (!this.form.controls.reviewDate.dirty && /^\d{4}-\d{2}-\d{2}$/.test(start)) {
        this.form.controls.reviewDate.setValue(addMonths(start, 12));
      }
    });
    effect(() => {
      const id = this.id();
      const editing = this.editing();
      untracked(() => void this.load(id, editing));
    });
  }

  /** The client-side messages; read before a submit too (the state shows them only once attempted). */
  private clientErrors(): Partial<Record<Field, Message>> {
    const value = this.values();
    const errors: Partial<Record<Field, Message>> = {};
    for (const spec of FIELDS) {
      const message = controlMessage(this.form.controls[spec.field]);
      if (message) errors[spec.field] = message;
    }
    if (value.backupCaseworkerId && value.backupCaseworkerId === value.primaryCaseworkerId) {
      errors.backupCaseworkerId = { key: 'watchForm.errors.sameCaseworker' };
    }
    const start = this.form.controls.startDate.value;
    const review = this.form.controls.reviewDate.value;
    if (!errors.reviewDate && start && review && review <= start) {
      errors.reviewDate = { key: 'watchForm.errors.reviewAfterStart' };
    }
    return errors;
  }

  protected caseworkerName(user: StaffUser): string {
    return user.displayName;
  }

  protected async submit(): Promise<void> {
    this.form.markAllAsTouched();
    if (!this.state.begin(Object.keys(this.clientErrors()).length === 0)) {
      this.focusSummary();
      return;
    }
    this.state.busy.set(true);
    try {
      if (this.watch) {
        await this.watches.update(this.watch.id, this.updateRequest());
      } else {
        await this.watches.create(this.createRequest());
      }
      await this.router.navigate(['/inwoners', this.id()]);
    } catch (error: unknown) {
      this.handleError(error);
      this.focusSummary();
    } finally {
      this.state.busy.set(false);
    }
  }

  private plan(): Signaleringsplan {
    const value = this.form.getRawValue();
    return {
      green: { signs: value.greenSigns.trim(), actions: value.greenActions.trim() },
      orange: { signs: value.orangeSigns.trim(), actions: value.orangeActions.trim() },
      red: { signs: value.redSigns.trim(), actions: value.redActions.trim() },
    };
  }

  private updateRequest(): UpdateWatchRequest {
    const value = this.form.getRawValue();
    return {
      primaryCaseworkerId: value.primaryCaseworkerId,
      backupCaseworkerId: value.backupCaseworkerId || null,
      intervalDays: Number(value.intervalDays),
      contactMode: value.contactMode,
      agreements: value.agreements.trim(),
      signaleringsplan: this.plan(),
      reviewDate: value.reviewDate,
      lapseThreshold: Number(value.lapseThreshold),
      preNoticeWorkingDays: Number(value.preNoticeWorkingDays),
      gracePeriodDays: Number(value.gracePeriodDays),
    };
  }

  private createRequest(): CreateWatchRequest {
    return {
      ...this.updateRequest(),
      clientId: this.id(),
      startDate: this.form.getRawValue().startDate,
    } as CreateWatchRequest;
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
    this.state.formError.set({
      key:
        status === 409
          ? this.watch
            ? 'watchForm.errors.changed'
            : 'watchForm.errors.alreadyOpen'
          : 'forms.errors.unavailable',
    });
  }

  private async load(clientId: string, editing: boolean): Promise<void> {
    this.loadError.set(false);
    const caseworkers = this.users.caseworkers().catch(() => {
      this.caseworkersError.set(true);
      return [] as StaffUser[];
    });
    try {
      const client = await this.clients.get(clientId);
      this.client.set(client);
      if (editing && client.openWatch) {
        const watch = await this.watches.get(client.openWatch.id);
        this.watch = watch;
        this.fill(watch);
      } else if (editing) {
        this.loadError.set(true);
      }
      this.caseworkers.set(await caseworkers);
    } catch {
      this.loadError.set(true);
    } finally {
      this.loaded.set(true);
    }
  }

  private fill(watch: Watch): void {
    const plan = watch.signaleringsplan;
    this.form.reset({
      primaryCaseworkerId: watch.primaryCaseworker.id,
      backupCaseworkerId: watch.backupCaseworker?.id ?? '',
      intervalDays: watch.cadence.intervalDays,
      contactMode: watch.contactMode,
      startDate: watch.startDate,
      reviewDate: watch.reviewDate,
      lapseThreshold: watch.lapseThreshold,
      preNoticeWorkingDays: watch.preNoticeWorkingDays,
      gracePeriodDays: watch.gracePeriodDays,
      agreements: watch.agreements,
      greenSigns: plan.green.signs,
      greenActions: plan.green.actions,
      orangeSigns: plan.orange.signs,
      orangeActions: plan.orange.actions,
      redSigns: plan.red.signs,
      redActions: plan.red.actions,
    });
    this.form.controls.reviewDate.markAsDirty();
    this.form.controls.startDate.disable();
  }

  private focusSummary(): void {
    focusErrorSummary(this.document, this.injector);
  }
}
