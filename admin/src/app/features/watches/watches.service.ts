import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  API_PATHS,
  watchActionPath,
  watchEventsPath,
  watchPath,
  type CreateWatchRequest,
  type Page,
  type UpdateWatchRequest,
  type Watch,
  type WatchAction,
  type WatchEvent,
  type WatchStatus,
  type WatchTransitionRequest,
} from '@waakvlam/contracts';
import { firstValueFrom } from 'rxjs';

export interface WatchListQuery {
  status?: WatchStatus;
  caseworkerId?: string;
  /** One client's watches, in every status, newest first. */
  clientId?: string;
  mine?: boolean;
  page?: number;
  pageSize?: number;
}

/** `/api/watches`: waakvlammen and their lifecycle. */
@Injectable({ providedIn: 'root' })
export class WatchesService {
  private readonly http = inject(HttpClient);

  list(query: WatchListQuery): Promise<Page<Watch>> {
    let params = new HttpParams();
    if (query.status) params = params.set('status', query.status);
    if (query.caseworkerId) params = params.set('caseworkerId', query.caseworkerId);
    if (query.clientId) params = params.set('clientId', query.clientId);
    if (query.mine) params = params.set('mine', 'true');
    if (query.page) params = params.set('page', query.page);
    if (query.pageSize) params = params.set('pageSize', query.pageSize);
    return firstValueFrom(this.http.get<Page<Watch>>(API_PATHS.watches, { params }));
  }

  /** The client's newest watch (open or ended), or null when it never had one. */
  async latestFor(clientId: string): Promise<Watch | null> {
    const page = await this.list({ clientId, pageSize: 1 });
    return page.items[0] ?? null;
  }

  get(id: string): Promise<Watch> {
    return firstValueFrom(this.http.get<Watch>(watchPath(id)));
  }

  create(request: CreateWatchRequest): Promise<Watch> {
    return firstValueFrom(this.http.post<Watch>(API_PATHS.watches, request));
  }

  update(id: string, request: UpdateWatchRequest): Promise<Watch> {
    return firstValueFrom(this.http.patch<Watch>(watchPath(id), request));
  }

  transition(id: string, action: WatchAction, request: WatchTransitionRequest = {}): Promise<Watch> {
    return firstValueFrom(this.http.post<Watch>(watchActionPath(id, action), request));
  }

  events(id: string): Promise<WatchEvent[]> {
    return firstValueFrom(this.http.get<WatchEvent[]>(watchEventsPath(id)));
  }
}

/** The last moment an ended watch can be reopened (`endedAt` + `reopenPeriodMonths`), or null when unknown. */
export function reopenDeadline(watch: Pick<Watch, 'endedAt' | 'reopenPeriodMonths'>): Date | null {
  if (!watch.endedAt) return null;
  const deadline = new Date(watch.endedAt);
  if (Number.isNaN(deadline.getTime())) return null;
  deadline.setUTCMonth(deadline.getUTCMonth() + watch.reopenPeriodMonths);
  return deadline;
}

/** Whether an ended watch is still within its reopen period (the API has the final say). */
export function canReopen(
  watch: Pick<Watch, 'status' | 'endedAt' | 'reopenPeriodMonths'>,
  now = new Date(),
): boolean {
  if (watch.status !== 'ended') return false;
  const deadline = reopenDeadline(watch);
  return deadline === null || deadline.getTime() > now.getTime();
}

/** The lifecycle actions a watch in `status` allows (DESIGN §3). */
export function allowedActions(status: WatchStatus): readonly WatchAction[] {
  switch (status) {
    case 'active':
      return ['pause', 'end'];
    case 'paused':
      return ['resume', 'end'];
    case 'lapsed':
    case 'reactivated':
      return ['end'];
    case 'ended':
      return ['reopen'];
  }
}
