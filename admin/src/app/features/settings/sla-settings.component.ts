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
import {
  MAX_SLA_WORKING_HOURS,
  MIN_SLA_WORKING_HOURS,
  MIN_WORKING_DAY_MINUTES,
  WORKING_HOURS_TIME_PATTERN,
  type OrganisationSettings,
} from '@waakvlam/contracts';
import { ErrorSummaryComponent } from '../../shared/forms/error-summary.component';
import { FormFieldComponent } from '../../shared/forms/form-field.component';
import type { Message } from '../../shared/forms/form-messages';
import { focusErrorSummary } from '../../shared/forms/focus-error-summary';
import { FormState, type FieldSpec } from '../../shared/forms/form-state';
import { OrganisationSettingsService, type SlaSettings } from './organisation-settings.service';

type Field = 'slaUrgentWorkingHours' | 'slaNormalWorkingHours' | 'workingHoursStart' | 'workingHoursEnd';

const IDS: Record<Field, string> = {
  slaUrgentWorkingHours: 'settings-sla-urgent-hours',
  slaNormalWorkingHours: 'settings-sla-normal-hours',
  workingHoursStart: 'settings-working-hours-start',
  workingHoursEnd: 'settings-working-hours-end',
};

const FIELDS: readonly FieldSpec<Field>[] = [
  { field: 'slaUrgentWorkingHours', id: IDS.slaUrgentWorkingHours, labelKey: 'settings.sla.urgentHours' },
  { field: 'slaNormalWorkingHours', id: IDS.slaNormalWorkingHours, labelKey: 'settings.sla.normalHours' },
  { field: 'workingHoursStart', id: IDS.workingHoursStart, labelKey: 'settings.sla.start' },
  { field: 'workingHoursEnd', id: IDS.workingHoursEnd, labelKey: 'settings.sla.end' },
];

/**
 * The reactivation part of "Instellingen" (admins): within how many working hours a reactivation request needs its
 * first contact, per urgency, and the working day in which those hours run.
 */
@Component({
  selector: 'wv-sla-settings',
  imports: [ReactiveFormsModule, TranslocoPipe, ErrorSummaryComponent, FormFieldComponent],
  templateUrl: './sla-settings.component.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SlaSettingsComponent implements OnInit {
  private readonly settingsService = inject(OrganisationSettingsService);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);

  /** The settings as the page loaded them; the form starts from them. */
  readonly settings = input.required<OrganisationSettings>();

  protected readonly ids = IDS;
  protected readonly minHours = MIN_SLA_WORKING_HOURS;
  protected readonly maxHours = MAX_SLA_WORKING_HOURS;

  protected readonly form = new FormGroup({
    slaUrgentWorkingHours: new FormControl('', { nonNullable: true }),
    slaNormalWorkingHours: new FormControl('', { nonNullable: true }),
    workingHoursStart: new FormControl('', { nonNullable: true }),
    workingHoursEnd: new FormControl('', { nonNullable: true }),
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
    const values = this.form.getRawValue();
    this.state.busy.set(true);
    try {
      const saved = await this.settingsService.saveSla({
        slaUrgentWorkingHours: Number(values.slaUrgentWorkingHours.trim()),
        slaNormalWorkingHours: Number(values.slaNormalWorkingHours.trim()),
        workingHoursStart: values.workingHoursStart.trim(),
        workingHoursEnd: values.workingHoursEnd.trim(),
      });
      this.apply(saved);
      this.state.attempted.set(false);
      this.status.set({ key: 'settings.sla.saved' });
    } catch (error: unknown) {
      this.state.fail(error, 'settings.sla.forbidden');
      focusErrorSummary(this.host.nativeElement, this.injector);
    } finally {
      this.state.busy.set(false);
    }
  }

  /** The API's checks, before sending: whole hours 1–80, times HH:mm, a working day of at least an hour. */
  private clientErrors(): Partial<Record<Field, Message>> {
    const values = this.values();
    const errors: Partial<Record<Field, Message>> = {};
    for (const field of ['slaUrgentWorkingHours', 'slaNormalWorkingHours'] as const) {
      const value = (values[field] ?? '').trim();
      if (value === '') errors[field] = { key: 'forms.errors.required' };
      else if (!/^\d+$/.test(value) || Number(value) < this.minHours || Number(value) > this.maxHours) {
        errors[field] = { key: 'forms.errors.range', params: { min: this.minHours, max: this.maxHours } };
      }
    }
    const start = (values.workingHoursStart ?? '').trim();
    const end = (values.workingHoursEnd ?? '').trim();
    for (const [field, value] of [
      ['workingHoursStart', start],
      ['workingHoursEnd', end],
    ] as const) {
      // A partly typed time in `<input type=time>` reads as empty: the same message for both.
      if (!WORKING_HOURS_TIME_PATTERN.test(value)) errors[field] = { key: 'settings.sla.errors.time' };
    }
    if (
      !errors.workingHoursStart &&
      !errors.workingHoursEnd &&
      minutes(end) - minutes(start) < MIN_WORKING_DAY_MINUTES
    ) {
      errors.workingHoursEnd = { key: 'settings.sla.errors.endAfterStart' };
    }
    return errors;
  }

  private apply(settings: SlaSettings): void {
    this.form.setValue({
      slaUrgentWorkingHours: String(settings.slaUrgentWorkingHours),
      slaNormalWorkingHours: String(settings.slaNormalWorkingHours),
      workingHoursStart: settings.workingHoursStart,
      workingHoursEnd: settings.workingHoursEnd,
    });
  }
}

/** Minutes since midnight of a time `HH:mm`. */
function minutes(time: string): number {
  const [hours, mins] = time.split(':').map(Number);
  return hours * 60 + mins;
}
