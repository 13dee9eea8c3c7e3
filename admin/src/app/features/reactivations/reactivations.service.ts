import { HttpClient, HttpHeaders, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  IDEMPOTENCY_KEY_HEADER,
  REACTIVATIONS_PATH,
  reactivationActionPath,
  reactivationPath,
  type CreateReactivationRequest,
  type Page,
  type ReactivationCreated,
  type ReactivationListDrillDown,
  type ReactivationListQuery,
  type ReactivationRequest,
  type ReactivationRequestDetail,
  type ReactivationResolution,
} from '@waakvlam/contracts';
import { firstValueFrom } from 'rxjs';

/** `/api/reactivations`: heractiveringen. */
@Injectable({ providedIn: 'root' })
export class ReactivationsService {
  private readonly http = inject(HttpClient);

  /** `drillDown`: the dashboard's filters (from the URL), sent after the list's own. */
  list(
    query: ReactivationListQuery,
    drillDown: Partial<Record<keyof ReactivationListDrillDown, string>> = {},
  ): Promise<Page<ReactivationRequest>> {
    let params = new HttpParams();
    if (query.status) params = params.set('status', query.status);
    if (query.urgency) params = params.set('urgency', query.urgency);
    if (query.assigneeId) params = params.set('assigneeId', query.assigneeId);
    if (query.pool) params = params.set('pool', 'true');
    if (query.mine) params = params.set('mine', 'true');
    if (query.watchId) params = params.set('watchId', query.watchId);
    if (query.sort) params = params.set('sort', query.sort);
    for (const [key, value] of Object.entries(drillDown))
      if (value !== undefined) params = params.set(key, value);
    if (query.page) params = params.set('page', query.page);
    if (query.pageSize) params = params.set('pageSize', query.pageSize);
    return firstValueFrom(this.http.get<Page<ReactivationRequest>>(REACTIVATIONS_PATH, { params }));
  }

  /** The watch's request that is still open (open, accepted or contacted), or null. */
  async openFor(watchId: string): Promise<ReactivationRequest | null> {
    const page = await this.list({ watchId, pageSize: 5 });
    return page.items.find((request) => isOpen(request)) ?? null;
  }

  get(id: string): Promise<ReactivationRequestDetail> {
    return firstValueFrom(this.http.get<ReactivationRequestDetail>(reactivationPath(id)));
  }

  /**
   * Opens a request, or joins the open one. `idempotencyKey`: one per user intent, so that a retry or a double
   * click gets the first answer instead of a second request.
   */
  create(request: CreateReactivationRequest, idempotencyKey: string): Promise<ReactivationCreated> {
    const headers = new HttpHeaders({ [IDEMPOTENCY_KEY_HEADER]: idempotencyKey });
    return firstValueFrom(this.http.post<ReactivationCreated>(REACTIVATIONS_PATH, request, { headers }));
  }

  accept(id: string): Promise<ReactivationRequestDetail> {
    return this.act(id, 'accept', {});
  }

  contacted(id: string): Promise<ReactivationRequestDetail> {
    return this.act(id, 'contacted', {});
  }

  resolve(id: string, resolution: ReactivationResolution, note?: string): Promise<ReactivationRequestDetail> {
    return this.act(id, 'resolve', note ? { resolution, note } : { resolution });
  }

  cancel(id: string, reason: string): Promise<ReactivationRequestDetail> {
    return this.act(id, 'cancel', { reason });
  }

  assign(id: string, assigneeId: string): Promise<ReactivationRequestDetail> {
    return this.act(id, 'assign', { assigneeId });
  }

  private act(
    id: string,
    action: 'accept' | 'contacted' | 'resolve' | 'cancel' | 'assign',
    body: object,
  ): Promise<ReactivationRequestDetail> {
    return firstValueFrom(
      this.http.post<ReactivationRequestDetail>(reactivationActionPath(id, action), body),
    );
  }
}

/** Still open: a watch has at most one request in these statuses. */
export function isOpen(request: Pick<ReactivationRequest, 'status'>): boolean {
  return request.status === 'open' || request.status === 'accepted' || request.status === 'contacted';
}
