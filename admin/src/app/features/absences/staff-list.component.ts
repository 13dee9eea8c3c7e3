import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { STAFF_ROLES } from '@waakvlam/contracts';
import { UsersService, type StaffUser } from '../users/users.service';

/** "Medewerkers" (coordinators, admins): the organisation's staff, each with a link to their absences. */
@Component({
  selector: 'wv-staff-list',
  imports: [RouterLink, TranslocoPipe],
  templateUrl: './staff-list.component.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StaffListComponent {
  private readonly users = inject(UsersService);

  protected readonly items = signal<StaffUser[]>([]);
  protected readonly loaded = signal(false);
  protected readonly loadError = signal(false);

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
}
