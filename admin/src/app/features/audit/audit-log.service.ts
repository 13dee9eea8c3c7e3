import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  AUDIT_EVENTS_PATH,
  clientAccessReportPath,
  type AccessReport,
  type AuditEvent,
  type Page,
} from '@waakvlam/contracts';
import { firstValueFrom } from 'rxjs';

/** `/api/audit-events` (the Logboek) and a client's access report. */
@Injectable({ providedIn: 'root' })
export class AuditLogService {
  private readonly http = inject(HttpClient);

  list(
    filters: Readonly<Record<string, string | undefined>>,
    page: number,
    pageSize: number,
  ): Promise<Page<AuditEvent>> {
    let params = new HttpParams().set('page', page).set('pageSize', pageSize);
    for (const [key, value] of Object.entries(filters))
      if (value !== undefined) params = params.set(key, value);
    return firstValueFrom(this.http.get<Page<AuditEvent>>(AUDIT_EVENTS_PATH, { params }));
  }

  accessReport(clientId: string): Promise<AccessReport> {
    return firstValueFrom(this.http.get<AccessReport>(clientAccessReportPath(encodeURIComponent(clientId))));
  }
}
