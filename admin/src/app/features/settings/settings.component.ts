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
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { TranslocoPipe } from '@jsverse/transloco';
import { MAX_EXTRA_DAYS_OFF, type IsoDate, type OrganisationSettings } from '@waakvlam/contracts';
import { DateFormatService } from '../../shared/dates/date-format.service';
import { parseIsoDate } from '../../shared/dates/dates.util';
import { ErrorSummaryComponent } from '../../shared/forms/error-summary.component';
import { FormFieldComponent } from '../../shared/forms/form-field.component';
import type { Message } from '../../shared/forms/form-messages';
import { FormState, type FieldSpec } from '../../shared/forms/form-state';
import { OrganisationSettingsService } from './organisation-settings.service';
import { focusErrorSummary } from '../../shared/forms/focus-error-summary';
import { MailSettingsComponent } from './mail-settings.component';
import { SlaSettingsComponent } from './sla-settings.component';

type Field = 'newDate' | 'extraDaysOff';

const NEW_DATE_ID = 'settings-new-date';
const DAYS_OFF_ID = 'settings-extra-days-off';

const FIELDS: readonly FieldSpec<Field>[] = [
  { field: 'newDate', id: NEW_DATE_ID, labelKey: 'settings.daysOff.newDate' },
  { field: 'extraDaysOff', id: DAYS_OFF_ID, labelKey: 'settings.daysOff.listLabel' },
];

type LoadState = 'loading' | 'loaded' | 'error';

/**
 * "Instellingen" (admins): the organisation's extra days off, on which no check-ins are planned, its e-mail
 * settings (MailSettingsComponent) and the reactivation SLA with the working day (SlaSettingsComponent).
 */
@Component({
  selector: 'wv-settings',
  imports: [
    ReactiveFormsModule,
    TranslocoPipe,
    ErrorSummaryComponent,
    FormFieldComponent,
    MailSettingsComponent,
    SlaSettingsComponent,
  ],
  templateUrl: './settings.component.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SettingsComponent {
  private readonly settings = inject(OrganisationSettingsService);
  private readonly document = inject(DOCUMENT);
  private readonly injector = inject(Injector);
  protected readonly dates = inject(DateFormatService);

  protected readonly ids = { newDate: NEW_DATE_ID, daysOff: DAYS_OFF_ID } as const;

  protected readonly loadState = signal<LoadState>('loading');
  protected readonly timeZone = signal('');
  /** The settings as loaded: the e-mail section starts from them. */
  protected readonly loaded = signal<OrganisationSettings | null>(null);
  /** The list as edited on this page, sorted. */
  protected readonly days = signal<readonly IsoDate[]>([]);
  /** The list as the API last confirmed it. */
  private readonly savedDays = signal<readonly IsoDate[]>([]);
  protected readonly unsaved = computed(() => !sameDays(this.days(), this.savedDays()));
  /** What the polite live region says (added, removed, saved). */
  protected readonly status = signal<Message | null>(null);

  protected readonly addForm = new FormGroup({
    newDate: new FormControl('', { nonNullable: true }),
  });

  /** Set when "Toevoegen" is refused; the error shows until the next attempt. */
  private readonly newDateError = signal<Message | null>(null);

  protected readonly state = new FormState<Field>(FIELDS, () => {
    const error = this.newDateError();
    return error ? { newDate: error } : {};
  });

  constructor() {
    void this.load();
  }

  protected async load(): Promise<void> {
    this.loadState.set('loading');
    try {
      const settings = await this.settings.get();
      this.loaded.set(settings);
      this.apply(settings.timeZone, settings.extraDaysOff);
      this.loadState.set('loaded');
    } catch {
      this.loadState.set('error');
    }
  }

  protected add(): void {
    const value = this.addForm.controls.newDate.value.trim();
    const error = this.checkNewDate(value);
    this.newDateError.set(error);
    this.state.begin(error === null);
    if (error) {
      focusErrorSummary(this.document, this.injector);
      return;
    }
    this.days.update((days) => [...days, value].sort());
    this.addForm.reset();
    this.status.set({ key: 'settings.daysOff.added', params: { date: this.dates.date(value) } });
  }

  protected remove(day: IsoDate): void {
    const index = this.days().indexOf(day);
    this.days.update((days) => days.filter((candidate) => candidate !== day));
    this.status.set({ key: 'settings.daysOff.removed', params: { date: this.dates.date(day) } });
    // The button is gone: move focus to the next day's button, the previous one, or the date field.
    const next = this.days()[Math.min(index, this.days().length - 1)];
    this.focus(next ? removeButtonId(next) : NEW_DATE_ID);
  }

  protected async save(): Promise<void> {
    // A date typed but not yet added is saved too: nothing the admin entered is silently dropped.
    if (this.addForm.controls.newDate.value.trim() !== '') {
      this.add();
      if (this.newDateError()) {
        return;
      }
    }
    this.newDateError.set(null);
    if (!this.state.begin(true)) {
      return;
    }
    this.status.set(null);
    this.state.busy.set(true);
    try {
      const saved = await this.settings.saveExtraDaysOff(this.days());
      this.apply(saved.timeZone, saved.extraDaysOff);
      this.state.attempted.set(false);
      this.status.set({ key: 'settings.daysOff.saved' });
    } catch (error: unknown) {
      this.state.fail(error, 'settings.errors.forbidden', (field) =>
        field === 'extraDaysOff' || field.startsWith('extraDaysOff.') || field.startsWith('extraDaysOff[')
          ? 'extraDaysOff'
          : null,
      );
      focusErrorSummary(this.document, this.injector);
    } finally {
      this.state.busy.set(false);
    }
  }

  protected removeButtonId(day: IsoDate): string {
    return removeButtonId(day);
  }

  private checkNewDate(value: string): Message | null {
    // A partly typed date in `<input type=date>` reads as empty.
    if (value === '') return { key: 'settings.errors.empty' };
    if (!parseIsoDate(value)) return { key: 'forms.errors.date' };
    if (this.days().includes(value)) {
      return { key: 'settings.errors.duplicate', params: { date: this.dates.date(value) } };
    }
    if (this.days().length >= MAX_EXTRA_DAYS_OFF) {
      return { key: 'settings.errors.tooMany', params: { max: MAX_EXTRA_DAYS_OFF } };
    }
    return null;
  }

  private apply(timeZone: string, days: readonly IsoDate[]): void {
    const sorted = [...new Set(days)].sort();
    this.timeZone.set(timeZone);
    this.days.set(sorted);
    this.savedDays.set(sorted);
  }

  private focus(id: string): void {
    afterNextRender({ write: () => this.document.getElementById(id)?.focus() }, { injector: this.injector });
  }
}

function removeButtonId(day: IsoDate): string {
  return `settings-remove-${day}`;
}

function sameDays(a: readonly IsoDate[], b: readonly IsoDate[]): boolean {
  return a.length === b.length && a.every((day, index) => day === b[index]);
}
