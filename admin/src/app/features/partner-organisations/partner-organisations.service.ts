import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { API_PATHS, type PartnerOrganisationSummary } from '@waakvlam/contracts';
import { firstValueFrom } from 'rxjs';

/** `/api/partner-organisations`: the organisation's ketenpartners (staff only). */
@Injectable({ providedIn: 'root' })
export class PartnerOrganisationsService {
  private readonly http = inject(HttpClient);

  /** The partners a resident can agree to share data with, by name. */
  async list(): Promise<PartnerOrganisationSummary[]> {
    const partners = await firstValueFrom(
      this.http.get<PartnerOrganisationSummary[]>(API_PATHS.partnerOrganisations),
    );
    return [...partners].sort((a, b) => a.name.localeCompare(b.name));
  }
}
