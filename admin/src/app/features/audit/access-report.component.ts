import { ChangeDetectionStrategy, Component, ViewEncapsulation, inject, signal } from '@angular/core';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { AccessReport } from '@waakvlam/contracts';
import { AuditLogService } from './audit-log.service';

const DATE_TIME = new Intl.DateTimeFormat('nl-NL', {
  dateStyle: 'long',
  timeStyle: 'short',
  timeZone: 'Europe/Amsterdam',
});

/**
 * "Wie heeft mijn gegevens bekeken": a client's access report from the audit log, in plain Dutch (B1) for the
 * resident, to print ("Afdrukken") and hand over. The report itself is always Dutch; the print stylesheet leaves
 * only the report on paper.
 */
@Component({
  selector: 'wv-access-report',
  imports: [RouterLink, TranslocoPipe],
  templateUrl: './access-report.component.html',
  styleUrl: './access-report.component.css',
  // The print rules must reach the page around the report (header, navigation).
  encapsulation: ViewEncapsulation.None,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AccessReportComponent {
  private readonly audit = inject(AuditLogService);
  protected readonly clientId = inject(ActivatedRoute).snapshot.paramMap.get('id') ?? '';
  protected readonly report = signal<AccessReport | null>(null);
  protected readonly loadError = signal(false);

  constructor() {
    void this.load();
  }

  protected when(iso: string): string {
    return DATE_TIME.format(new Date(iso));
  }

  protected print(): void {
    window.print();
  }

  private async load(): Promise<void> {
    try {
      this.report.set(await this.audit.accessReport(this.clientId));
    } catch {
      this.loadError.set(true);
    }
  }
}
