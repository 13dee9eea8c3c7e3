import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { PartnerOrganisationSummary } from '@waakvlam/contracts';
import { PartnerOrganisationsService } from './partner-organisations.service';

/** "Ketenpartners" (admins): the organisation's partners, each with a link to the API keys of its systems. */
@Component({
  selector: 'wv-partner-organisations',
  imports: [RouterLink, TranslocoPipe],
  templateUrl: './partner-organisations.component.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PartnerOrganisationsComponent {
  private readonly partners = inject(PartnerOrganisationsService);

  protected readonly items = signal<PartnerOrganisationSummary[]>([]);
  protected readonly loaded = signal(false);
  protected readonly loadError = signal(false);

  constructor() {
    void this.load();
  }

  protected async load(): Promise<void> {
    this.loadError.set(false);
    try {
      this.items.set(await this.partners.list());
    } catch {
      this.loadError.set(true);
    } finally {
      this.loaded.set(true);
    }
  }
}
