import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  SIGNALS_PATH,
  signalActionPath,
  signalPath,
  type CreateSignalRequest,
  type HandleSignalRequest,
  type Page,
  type PartnerSignal,
  type Signal,
  type SignalCandidate,
  type SignalCategory,
  type SignalStatus,
  type TriageSignalRequest,
} from '@waakvlam/contracts';
import { firstValueFrom } from 'rxjs';

export interface SignalListQuery {
  status?: SignalStatus | null;
  category?: SignalCategory | null;
  /** The dashboard's drill-down filters (checked strings from the URL). */
  drillDown?: Partial<
    Record<
      | 'receivedFrom'
      | 'receivedTo'
      | 'partnerOrganisationId'
      | 'awaitingFeedback'
      | 'caseworkerId'
      | 'neighbourhood',
      string
    >
  >;
  page?: number;
  pageSize?: number;
}

function listParams(query: SignalListQuery): HttpParams {
  let params = new HttpParams();
  if (query.status) params = params.set('status', query.status);
  if (query.category) params = params.set('category', query.category);
  for (const [key, value] of Object.entries(query.drillDown ?? {})) {
    if (value !== undefined) params = params.set(key, value);
  }
  if (query.page) params = params.set('page', query.page);
  if (query.pageSize) params = params.set('pageSize', query.pageSize);
  return params;
}

/**
 * `/api/signals`. Staff (coordinators, admins) get the full `Signal`; a partner gets its own signals as
 * `PartnerSignal`: the methods say which view they expect.
 */
@Injectable({ providedIn: 'root' })
export class SignalsService {
  private readonly http = inject(HttpClient);

  /** Coordinators and admins: every signal of the organisation, newest first. */
  list(query: SignalListQuery): Promise<Page<Signal>> {
    return firstValueFrom(this.http.get<Page<Signal>>(SIGNALS_PATH, { params: listParams(query) }));
  }

  get(id: string): Promise<Signal> {
    return firstValueFrom(this.http.get<Signal>(signalPath(id)));
  }

  /** Clients at an address signal's address. */
  candidates(id: string): Promise<SignalCandidate[]> {
    return firstValueFrom(this.http.get<SignalCandidate[]>(signalActionPath(id, 'candidates')));
  }

  triage(id: string, request: TriageSignalRequest): Promise<Signal> {
    return firstValueFrom(this.http.post<Signal>(signalActionPath(id, 'triage'), request));
  }

  handle(id: string, request: HandleSignalRequest): Promise<Signal> {
    return firstValueFrom(this.http.post<Signal>(signalActionPath(id, 'handle'), request));
  }

  /** A partner: its own organisation's signals, newest first. */
  listOwn(query: SignalListQuery): Promise<Page<PartnerSignal>> {
    return firstValueFrom(this.http.get<Page<PartnerSignal>>(SIGNALS_PATH, { params: listParams(query) }));
  }

  /** A partner: one of its own signals (404 for any other). */
  getOwn(id: string): Promise<PartnerSignal> {
    return firstValueFrom(this.http.get<PartnerSignal>(signalPath(id)));
  }

  /** A partner files a signal. */
  create(request: CreateSignalRequest): Promise<PartnerSignal> {
    return firstValueFrom(this.http.post<PartnerSignal>(SIGNALS_PATH, request));
  }
}

/** "1234 AB 12a" for an address as the API gives it. */
export function formatAddress(address: {
  postcode: string;
  houseNumber: string;
  houseNumberAddition?: string | null;
}): string {
  const postcode = /^\d{4}[A-Z]{2}$/.test(address.postcode)
    ? `${address.postcode.slice(0, 4)} ${address.postcode.slice(4)}`
    : address.postcode;
  const addition = address.houseNumberAddition ? `-${address.houseNumberAddition}` : '';
  return `${postcode} ${address.houseNumber}${addition}`;
}
