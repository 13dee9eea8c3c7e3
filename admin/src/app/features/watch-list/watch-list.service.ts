import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { API_PATHS, type Page, type Watch, type WatchListDrillDown } from '@waakvlam/contracts';
import { firstValueFrom } from 'rxjs';

/** `GET /api/watches` with the drill-down filters, and its export. */
@Injectable({ providedIn: 'root' })
export class WatchListService {
  private readonly http = inject(HttpClient);

  /** `filters`: the URL's drill-down filters, checked (as strings). */
  list(
    filters: Partial<Record<keyof WatchListDrillDown, string>>,
    page: number,
    pageSize: number,
  ): Promise<Page<Watch>> {
    const params = new HttpParams({ fromObject: { ...filters, page, pageSize } });
    return firstValueFrom(this.http.get<Page<Watch>>(API_PATHS.watches, { params }));
  }
}

/** `GET /api/watches/export.csv?…`: the same filters as the list. */
export const WATCH_EXPORT_PATH = `${API_PATHS.watches}/export.csv`;
