import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  selfCheckInPath,
  type SelfCheckInRecorded,
  type SelfCheckInRequest,
  type SelfCheckInResponse,
  type SelfCheckInStatus,
} from '@waakvlam/contracts';
import { firstValueFrom } from 'rxjs';

/**
 * `/api/public/check-in/{token}`: the client's self check-in, without a session. The GET also hands out the CSRF
 * cookie that HttpClient echoes on the POST.
 */
@Injectable({ providedIn: 'root' })
export class SelfCheckInService {
  private readonly http = inject(HttpClient);

  /** Resolves when the link can be used; rejects with a 404 when it is unknown, used or expired. */
  status(token: string): Promise<SelfCheckInStatus> {
    return firstValueFrom(this.http.get<SelfCheckInStatus>(selfCheckInPath(token)));
  }

  respond(token: string, response: SelfCheckInResponse): Promise<SelfCheckInRecorded> {
    const body: SelfCheckInRequest = { response };
    return firstValueFrom(this.http.post<SelfCheckInRecorded>(selfCheckInPath(token), body));
  }
}
