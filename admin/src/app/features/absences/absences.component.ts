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
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import {
  USER_ABSENCE_REASON_MAX,
  type CreateUserAbsenceRequest,
  type UserAbsence,
} from '@waakvlam/contracts';
import { AuthService } from '../../core/auth/auth.service';
import { DateFormatService } from '../../shared/dates/date-format.service';
import { ErrorSummaryComponent } from '../../shared/forms/error-summary.component';
import { focusErrorSummary } from '../../shared/forms/focus-error-summary';
import { FieldControlDirective } from '../../shared/forms/field-control.directive';
import { FormFieldComponent } from '../../shared/forms/form-field.component';
import { serverFieldMessages, type Message } from '../../shared/forms/form-messages';
import { FormState, type FieldSpec } from '../../shared/forms/form-state';
import { UsersService } from '../users/users.service';
import { AbsencesService } from './absences.service';

type Field = 'startsOn' | 'endsOn' | 'reason';

const FIELDS: readonly FieldSpec<Field>[] = [
  { field: 'startsOn', id: 'absence-startsOn', labelKey: 'absences.fields.startsOn' },
  { field: 'endsOn', id: 'absence-endsOn', labelKey: 'absences.fields.endsOn' },
  { field: 'reason', id: 'absence-reason', labelKey: 'absences.fields.reason' },
];

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const LIST_HEADING_ID = 'absences-list-heading';

/**
 * Absences of one staff member (from–to, both days included, with an optional short reason): a caseworker's own
 * ("Mijn afwezigheid", no route parameter) or, for coordinators, anyone's (`/medewerkers/:id`). Reactivation
 * requests skip an absent caseworker.
 */
@Component({
  selector: 'wv-absences',
  imports: [RouterLink, TranslocoPipe, ErrorSummaryComponent, FieldControlDirective, FormFieldComponent],
  templateUrl: './absences.component.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AbsencesComponent {
  private readonly auth = inject(AuthService);
  private readonly absences = inject(AbsencesService);
  private readonly users = inject(UsersService);
  private readonly document = inject(DOCUMENT);
  private readonly injector = inject(Injector);
  protected readonly dates = inject(DateFormatService);

  /** Route parameter: another staff member (coordinators); absent for the signed-in user's own absences. */
  readonly id = input<string | undefined>(undefined);

  protected readonly reasonMax = USER_ABSENCE_REASON_MAX;
  protected readonly listHeadingId = LIST_HEADING_ID;
  protected readonly ids = Object.fromEntries(FIELDS.map((spec) => [spec.field, spec.id])) as Record<
    Field,
    string
  >;

  protected readonly own = computed(() => this.id() === undefined || this.id() === this.auth.me()?.id);
  protected readonly userId = computed(() => this.id() ?? this.auth.me()?.id ?? null);
  protected readonly userName = signal<string | null>(null);
  protected readonly items = signal<UserAbsence[]>([]);
  protected readonly loaded = signal(false);
  protected readonly loadError = signal(false);
  protected readonly status = signal<Message | null>(null);
  protected readonly removeError = signal<Message | null>(null);
  protected readonly removing = signal<string | null>(null);
  protected readonly today = computed(() => this.dates.today());

  protected readonly startsOn = signal('');
  protected readonly endsOn = signal('');
  protected readonly reason = signal('');

  protected readonly state = new FormState<Field>(FIELDS, () => {
    const errors: Partial<Record<Field, Message>> = {};
    const starts = this.startsOn();
    const ends = this.endsOn();
    if (!starts) errors.startsOn = { key: 'forms.errors.required' };
    else if (!ISO_DATE.test(starts)) errors.startsOn = { key: 'forms.errors.date' };
    if (!ends) errors.endsOn = { key: 'forms.errors.required' };
    else if (!ISO_DATE.test(ends)) errors.endsOn = { key: 'forms.errors.date' };
    else if (starts && ISO_DATE.test(starts) && ends < starts)
      errors.endsOn = { key: 'absences.errors.endBeforeStart' };
    if (this.reason().trim().length > this.reasonMax) {
      errors.reason = { key: 'forms.errors.maxLength', params: { max: this.reasonMax } };
    }
    return errors;
  });

  constructor() {
    effect(() => {
      const userId = this.userId();
      const own = this.own();
      untracked(() => {
        if (userId) void this.load(userId, own);
      });
    });
  }

  /** The absence covers today. */
  protected isCurrent(absence: UserAbsence): boolean {
    const today = this.today();
    return absence.startsOn <= today && today <= absence.endsOn;
  }

  protected type(field: Field, event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    this[field].set(value);
  }

  protected async load(userId: string, own: boolean): Promise<void> {
    this.loadError.set(false);
    try {
      const [absences, name] = await Promise.all([
        this.absences.list(userId),
        own
          ? Promise.resolve(this.auth.me()?.displayName ?? null)
          : this.users.get(userId).then((user) => user.displayName),
      ]);
      this.items.set(absences);
      this.userName.set(name);
    } catch {
      this.loadError.set(true);
    } finally {
      this.loaded.set(true);
    }
  }

  protected async add(event: Event): Promise<void> {
    event.preventDefault();
    const userId = this.userId();
    if (!this.state.begin(true) || !userId) return;
    if (Object.keys(this.state.errors()).length > 0) {
      focusErrorSummary(this.document, this.injector);
      return;
    }
    const request: CreateUserAbsenceRequest = { startsOn: this.startsOn(), endsOn: this.endsOn() };
    const reason = this.reason().trim();
    if (reason) request.reason = reason;
    this.state.busy.set(true);
    this.status.set(null);
    try {
      const absence = await this.absences.create(userId, request);
      this.items.update((items) => [absence, ...items].sort((a, b) => b.startsOn.localeCompare(a.startsOn)));
      this.startsOn.set('');
      this.endsOn.set('');
      this.reason.set('');
      this.state.attempted.set(false);
      this.status.set({
        key: 'absences.added',
        params: { from: this.dates.date(absence.startsOn), to: this.dates.date(absence.endsOn) },
      });
    } catch (error: unknown) {
      const status = error instanceof HttpErrorResponse ? error.status : 0;
      const fields =
        status === 400
          ? serverFieldMessages<Field>(error, (field) =>
              field === 'startsOn' || field === 'endsOn' || field === 'reason' ? field : null,
            )
          : {};
      if (Object.keys(fields).length > 0) this.state.serverErrors.set(fields);
      else this.state.formError.set({ key: 'forms.errors.unavailable' });
      focusErrorSummary(this.document, this.injector);
    } finally {
      this.state.busy.set(false);
    }
  }

  protected async remove(absence: UserAbsence): Promise<void> {
    const userId = this.userId();
    if (!userId || this.removing()) return;
    this.removing.set(absence.id);
    this.status.set(null);
    this.removeError.set(null);
    try {
      await this.absences.remove(userId, absence.id);
      this.items.update((items) => items.filter((item) => item.id !== absence.id));
      this.status.set({
        key: 'absences.removed',
        params: { from: this.dates.date(absence.startsOn), to: this.dates.date(absence.endsOn) },
      });
    } catch (error: unknown) {
      if (error instanceof HttpErrorResponse && error.status === 404) {
        this.items.update((items) => items.filter((item) => item.id !== absence.id));
      }
      this.removeError.set({ key: 'absences.removeFailed' });
    } finally {
      this.removing.set(null);
      afterNextRender(
        { write: () => this.document.getElementById(LIST_HEADING_ID)?.focus() },
        { injector: this.injector },
      );
    }
  }
}
