import { HttpClient, HttpHeaders } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  API_PATHS,
  CASELOAD_BALANCE_PATH,
  IDEMPOTENCY_KEY_HEADER,
  MAX_PAGE_SIZE,
  REASSIGN_WATCHES_PATH,
  type CaseloadBalance,
  type Page,
  type ReassignWatchesRequest,
  type ReassignWatchesResult,
  type Watch,
} from '@waakvlam/contracts';
import { firstValueFrom } from 'rxjs';

/** At most this many pages of a caseworker's watches are fetched (100 each: the API's bulk limit of 500). */
const MAX_PAGES = 5;

/** `/api/caseload-balance` and bulk reassignment (`/api/watches/reassign`). */
@Injectable({ providedIn: 'root' })
export class CaseloadBalanceService {
  private readonly http = inject(HttpClient);

  balance(): Promise<CaseloadBalance> {
    return firstValueFrom(this.http.get<CaseloadBalance>(CASELOAD_BALANCE_PATH));
  }

  /** The caseworker's open watches (primary or backup), newest first: pages of 100 until all or 500 are read. */
  async openWatchesOf(caseworkerId: string): Promise<Watch[]> {
    const watches: Watch[] = [];
    for (let page = 1; page <= MAX_PAGES; page++) {
      const result = await firstValueFrom(
        this.http.get<Page<Watch>>(API_PATHS.watches, {
          params: { caseworkerId, page, pageSize: MAX_PAGE_SIZE },
        }),
      );
      watches.push(...result.items);
      if (page * result.pageSize >= result.total || result.items.length === 0) break;
    }
    return watches.filter((watch) => watch.status !== 'ended');
  }

  /** One key per intent: a retry of the same "Overdragen" gets the first answer. */
  reassign(request: ReassignWatchesRequest, idempotencyKey: string): Promise<ReassignWatchesResult> {
    return firstValueFrom(
      this.http.post<ReassignWatchesResult>(REASSIGN_WATCHES_PATH, request, {
        headers: new HttpHeaders({ [IDEMPOTENCY_KEY_HEADER]: idempotencyKey }),
      }),
    );
  }
}
