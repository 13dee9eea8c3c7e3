import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { CaseloadBalance } from '@waakvlam/contracts';
import { DateFormatService } from '../../shared/dates/date-format.service';
import { ListStateComponent } from '../../shared/lists/list-state.component';
import { CaseloadBalanceService } from './caseload-balance.service';
import { CaseloadTableComponent } from './caseload-table.component';
import { ReassignPanelComponent } from './reassign-panel.component';

/**
 * "Caseloadbalans" (coordinators, admins): per caseworker her watches, check-ins due this week and overdue, open
 * reactivations and absence, and bulk reassignment of watches between caseworkers.
 */
@Component({
  selector: 'wv-caseload-balance',
  imports: [TranslocoPipe, ListStateComponent, CaseloadTableComponent, ReassignPanelComponent],
  templateUrl: './caseload-balance.component.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CaseloadBalanceComponent {
  private readonly service = inject(CaseloadBalanceService);
  protected readonly dates = inject(DateFormatService);

  protected readonly balance = signal<CaseloadBalance | null>(null);
  protected readonly loaded = signal(false);
  protected readonly loadError = signal(false);

  constructor() {
    void this.load();
  }

  protected async load(): Promise<void> {
    this.loadError.set(false);
    try {
      this.balance.set(await this.service.balance());
    } catch {
      this.loadError.set(true);
    } finally {
      this.loaded.set(true);
    }
  }
}
