import { HttpErrorResponse } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  afterNextRender,
  inject,
  input,
  output,
  signal,
  type OnInit,
} from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { MAX_REACTIVATION_CAPACITY } from '@waakvlam/contracts';
import { ErrorSummaryComponent } from '../../shared/forms/error-summary.component';
import { FormFieldComponent } from '../../shared/forms/form-field.component';
import { serverFieldMessages } from '../../shared/forms/form-messages';
import { FormState, type FieldSpec } from '../../shared/forms/form-state';
import { UsersService, type StaffUser } from '../users/users.service';

type Field = 'reactivationCapacity';

const CAPACITY_ID = 'staff-capacity';
const HEADING_ID = 'staff-capacity-heading';
const FIELDS: readonly FieldSpec<Field>[] = [
  { field: 'reactivationCapacity', id: CAPACITY_ID, labelKey: 'staff.capacityForm.label' },
];

/**
 * The reactivation capacity of one staff member (Medewerkers, coordinators and admins): at most so many open
 * reactivation requests assigned at once, or no limit (empty). Assignment passes over someone at capacity.
 */
@Component({
  selector: 'wv-staff-capacity-form',
  imports: [TranslocoPipe, ErrorSummaryComponent, FormFieldComponent],
  templateUrl: './staff-capacity-form.component.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StaffCapacityFormComponent implements OnInit {
  private readonly users = inject(UsersService);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);

  readonly user = input.required<StaffUser>();
  /** Saved: the account as the API answered it. */
  readonly saved = output<StaffUser>();
  readonly cancelled = output<void>();

  protected readonly ids = { capacity: CAPACITY_ID, heading: HEADING_ID } as const;
  protected readonly max = MAX_REACTIVATION_CAPACITY;
  protected readonly value = signal('');

  protected readonly state = new FormState<Field>(FIELDS, () => {
    const value = this.value().trim();
    return value === '' || (/^\d+$/.test(value) && Number(value) <= this.max)
      ? {}
      : { reactivationCapacity: { key: 'forms.errors.range', params: { min: 0, max: this.max } } };
  });

  ngOnInit(): void {
    const capacity = this.user().reactivationCapacity;
    this.value.set(capacity === null ? '' : String(capacity));
    this.focus(HEADING_ID);
  }

  protected type(event: Event): void {
    this.value.set((event.target as HTMLInputElement).value);
  }

  protected async save(event: Event): Promise<void> {
    event.preventDefault();
    if (!this.state.begin(true)) return;
    if (Object.keys(this.state.errors()).length > 0) {
      this.focusSummary();
      return;
    }
    const value = this.value().trim();
    this.state.busy.set(true);
    try {
      const user = await this.users.update(this.user().id, {
        reactivationCapacity: value === '' ? null : Number(value),
      });
      this.saved.emit(user);
    } catch (error: unknown) {
      const status = error instanceof HttpErrorResponse ? error.status : 0;
      const fields =
        status === 400
          ? serverFieldMessages<Field>(error, (field) =>
              field === 'reactivationCapacity' ? 'reactivationCapacity' : null,
            )
          : {};
      if (Object.keys(fields).length > 0) this.state.serverErrors.set(fields);
      else
        this.state.formError.set(
          status === 403
            ? { key: 'staff.capacityForm.forbidden' }
            : status === 404
              ? { key: 'staff.capacityForm.notFound' }
              : { key: 'forms.errors.unavailable' },
        );
      this.focusSummary();
    } finally {
      this.state.busy.set(false);
    }
  }

  protected cancel(): void {
    this.cancelled.emit();
  }

  private focusSummary(): void {
    afterNextRender(
      {
        write: () =>
          this.host.nativeElement
            .querySelector<HTMLElement>('[data-testid=error-summary] a, [data-testid=error-summary]')
            ?.focus(),
      },
      { injector: this.injector },
    );
  }

  private focus(id: string): void {
    afterNextRender(
      { write: () => this.host.nativeElement.querySelector<HTMLElement>(`#${id}`)?.focus() },
      { injector: this.injector },
    );
  }
}
