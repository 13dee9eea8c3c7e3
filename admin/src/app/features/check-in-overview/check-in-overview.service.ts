import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  CHECK_IN_OVERVIEW_PATH,
  type CheckInListDrillDown,
  type CheckInOverviewItem,
  type Page,
} from '@waakvlam/contracts';
import { firstValueFrom } from 'rxjs';

/** `GET /api/check-ins/overview`: check-ins due in a period, for coordinators. */
@Injectable({ providedIn: 'root' })
export class CheckInOverviewService {
  private readonly http = inject(HttpClient);

  /** `filters`: the URL's drill-down filters, checked (as strings). */
  list(
    filters: Partial<Record<keyof CheckInListDrillDown, string>>,
    page: number,
    pageSize: number,
  ): Promise<Page<CheckInOverviewItem>> {
    const params = new HttpParams({ fromObject: { ...filters, page, pageSize } });
    return firstValueFrom(this.http.get<Page<CheckInOverviewItem>>(CHECK_IN_OVERVIEW_PATH, { params }));
  }
}
