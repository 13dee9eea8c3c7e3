import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  API_PATHS,
  clientPath,
  type Client,
  type ClientSearchQuery,
  type ClientSummary,
  type CreateClientRequest,
  type Page,
  type UpdateClientRequest,
} from '@waakvlam/contracts';
import { firstValueFrom } from 'rxjs';

/** `/api/clients`: residents (inwoners). */
@Injectable({ providedIn: 'root' })
export class ClientsService {
  private readonly http = inject(HttpClient);

  search(query: ClientSearchQuery): Promise<Page<ClientSummary>> {
    let params = new HttpParams();
    if (query.q?.trim()) params = params.set('q', query.q.trim());
    if (query.page) params = params.set('page', query.page);
    if (query.pageSize) params = params.set('pageSize', query.pageSize);
    return firstValueFrom(this.http.get<Page<ClientSummary>>(API_PATHS.clients, { params }));
  }

  get(id: string): Promise<Client> {
    return firstValueFrom(this.http.get<Client>(clientPath(id)));
  }

  create(request: CreateClientRequest): Promise<Client> {
    return firstValueFrom(this.http.post<Client>(API_PATHS.clients, request));
  }

  update(id: string, request: UpdateClientRequest): Promise<Client> {
    return firstValueFrom(this.http.patch<Client>(clientPath(id), request));
  }
}
