import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  API_PATHS,
  type IsoDate,
  type OrganisationSettings,
  type UpdateOrganisationSettingsRequest,
} from '@waakvlam/contracts';
import { firstValueFrom } from 'rxjs';

/** The reactivation SLA part of the settings. */
export type SlaSettings = Pick<
  OrganisationSettings,
  'slaUrgentWorkingHours' | 'slaNormalWorkingHours' | 'workingHoursStart' | 'workingHoursEnd'
>;

/** `/api/organisation/settings`: how the organisation plans check-ins, sends e-mail and counts SLA hours. */
@Injectable({ providedIn: 'root' })
export class OrganisationSettingsService {
  private readonly http = inject(HttpClient);

  get(): Promise<OrganisationSettings> {
    return firstValueFrom(this.http.get<OrganisationSettings>(API_PATHS.organisationSettings));
  }

  /** Replaces the extra days off (admins only); answers the saved settings, deduplicated and sorted. */
  saveExtraDaysOff(extraDaysOff: readonly IsoDate[]): Promise<OrganisationSettings> {
    const body: UpdateOrganisationSettingsRequest = { extraDaysOff: [...extraDaysOff] };
    return firstValueFrom(this.http.put<OrganisationSettings>(API_PATHS.organisationSettings, body));
  }

  /** Sets the e-mail settings (admins only); the extra days off stay as they are. */
  saveMail(
    settings: Pick<OrganisationSettings, 'discreetSenderName' | 'clientNamesInEmail'>,
  ): Promise<OrganisationSettings> {
    const body: UpdateOrganisationSettingsRequest = {
      discreetSenderName: settings.discreetSenderName,
      clientNamesInEmail: settings.clientNamesInEmail,
    };
    return firstValueFrom(this.http.put<OrganisationSettings>(API_PATHS.organisationSettings, body));
  }

  /** Sets the reactivation SLA and the working day (admins only); the other settings stay as they are. */
  saveSla(settings: SlaSettings): Promise<OrganisationSettings> {
    const body: UpdateOrganisationSettingsRequest = {
      slaUrgentWorkingHours: settings.slaUrgentWorkingHours,
      slaNormalWorkingHours: settings.slaNormalWorkingHours,
      workingHoursStart: settings.workingHoursStart,
      workingHoursEnd: settings.workingHoursEnd,
    };
    return firstValueFrom(this.http.put<OrganisationSettings>(API_PATHS.organisationSettings, body));
  }
}
