import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  DASHBOARD_EXPORT_PATH,
  DASHBOARD_NEIGHBOURHOODS_PATH,
  DASHBOARD_PATH,
  type Dashboard,
  type DashboardNeighbourhoods,
  type DashboardQuery,
} from '@waakvlam/contracts';
import { firstValueFrom } from 'rxjs';

const paramsOf = (query: DashboardQuery): HttpParams => {
  let params = new HttpParams();
  for (const [name, value] of Object.entries(query))
    if (value !== undefined) params = params.set(name, value);
  return params;
};

/** `/api/dashboard`: the coordinator's figures. */
@Injectable({ providedIn: 'root' })
export class DashboardService {
  private readonly http = inject(HttpClient);

  get(query: DashboardQuery): Promise<Dashboard> {
    return firstValueFrom(this.http.get<Dashboard>(DASHBOARD_PATH, { params: paramsOf(query) }));
  }

  neighbourhoods(query: Pick<DashboardQuery, 'from' | 'to'>): Promise<DashboardNeighbourhoods> {
    return firstValueFrom(
      this.http.get<DashboardNeighbourhoods>(DASHBOARD_NEIGHBOURHOODS_PATH, { params: paramsOf(query) }),
    );
  }

  /** The dashboard as CSV, with the same filters (a plain link: the browser downloads it). */
  exportUrl(query: DashboardQuery): string {
    const params = paramsOf(query).toString();
    return params ? `${DASHBOARD_EXPORT_PATH}?${params}` : DASHBOARD_EXPORT_PATH;
  }
}
