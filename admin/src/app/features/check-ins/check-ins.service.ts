import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  API_PATHS,
  completeCheckInPath,
  type CaseworkerView,
  type CheckIn,
  type CompleteCheckInRequest,
} from '@waakvlam/contracts';
import { firstValueFrom } from 'rxjs';

/** `/api/check-ins`: contactmomenten. */
@Injectable({ providedIn: 'root' })
export class CheckInsService {
  private readonly http = inject(HttpClient);

  /** The signed-in caseworker's check-ins for a view. */
  view(view: CaseworkerView): Promise<CheckIn[]> {
    return firstValueFrom(
      this.http.get<CheckIn[]>(API_PATHS.checkIns, { params: new HttpParams().set('view', view) }),
    );
  }

  /** Every check-in of a watch (history). */
  forWatch(watchId: string): Promise<CheckIn[]> {
    return firstValueFrom(
      this.http.get<CheckIn[]>(API_PATHS.checkIns, { params: new HttpParams().set('watchId', watchId) }),
    );
  }

  complete(id: string, request: CompleteCheckInRequest): Promise<CheckIn> {
    return firstValueFrom(this.http.post<CheckIn>(completeCheckInPath(id), request));
  }
}

/** Overdue first, oldest first; one row per check-in. */
export function byUrgency(checkIns: readonly CheckIn[]): CheckIn[] {
  const unique = new Map<string, CheckIn>();
  for (const checkIn of checkIns) {
    unique.set(checkIn.id, checkIn);
  }
  return [...unique.values()].sort(
    (a, b) => a.dueDate.localeCompare(b.dueDate) || a.client.name.localeCompare(b.client.name),
  );
}
