import {
  ChangeDetectionStrategy,
  Component,
  DOCUMENT,
  Injector,
  afterNextRender,
  inject,
  signal,
} from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { STAFF_ROLES } from '@waakvlam/contracts';
import type { Message } from '../../shared/forms/form-messages';
import { AccountActivationComponent } from '../account/account-activation.component';
import { UsersService, type StaffUser } from '../users/users.service';
import { StaffCapacityFormComponent } from './staff-capacity-form.component';

/**
 * "Medewerkers" (coordinators, admins): the organisation's staff, each with a link to their absences and their
 * reactivation capacity (how many open reactivation requests they get at once), which can be changed here.
 */
@Component({
  selector: 'wv-staff-list',
  imports: [RouterLink, TranslocoPipe, StaffCapacityFormComponent, AccountActivationComponent],
  templateUrl: './staff-list.component.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StaffListComponent {
  private readonly users = inject(UsersService);
  private readonly document = inject(DOCUMENT);
  private readonly injector = inject(Injector);

  protected readonly items = signal<StaffUser[]>([]);
  protected readonly loaded = signal(false);
  protected readonly loadError = signal(false);
  /** The staff member whose capacity is being changed. */
  protected readonly editing = signal<StaffUser | null>(null);
  /** What the polite live region says (a capacity saved). */
  protected readonly status = signal<Message | null>(null);

  constructor() {
    void this.load();
  }

  protected async load(): Promise<void> {
    this.loadError.set(false);
    try {
      const all = await this.users.all();
      this.items.set(all.filter((user) => STAFF_ROLES.includes(user.role)));
    } catch {
      this.loadError.set(true);
    } finally {
      this.loaded.set(true);
    }
  }

  protected editCapacity(user: StaffUser): void {
    this.status.set(null);
    this.editing.set(user);
  }

  protected capacitySaved(user: StaffUser): void {
    this.items.update((items) => items.map((item) => (item.id === user.id ? user : item)));
    this.status.set({ key: 'staff.capacityForm.saved', params: { name: user.displayName } });
    this.closeCapacity(user.id);
  }

  /** An admin deactivated or activated the account (its sessions ended on deactivation). */
  protected activationChanged(user: StaffUser): void {
    this.items.update((items) => items.map((item) => (item.id === user.id ? user : item)));
    this.status.set({
      key: user.active ? 'accountActivation.activated' : 'accountActivation.deactivated',
      params: { name: user.displayName },
    });
  }

  /** Closes the form; focus returns to the staff member's "Wijzigen" button. */
  protected closeCapacity(userId = this.editing()?.id): void {
    this.editing.set(null);
    if (!userId) return;
    afterNextRender(
      { write: () => this.document.getElementById(this.editButtonId(userId))?.focus() },
      { injector: this.injector },
    );
  }

  protected editButtonId(userId: string): string {
    return `staff-capacity-edit-${userId}`;
  }
}
