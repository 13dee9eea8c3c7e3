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
    if (query.mine) params = params.set('mine', 'true');
    if (query.page) params = params.set('page', query.page);
    if (query.pageSize) params = params.set('pageSize', query.pageSize);
    return firstValueFrom(this.http.get<Page<Watch>>(API_PATHS.watches, { params }));
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
