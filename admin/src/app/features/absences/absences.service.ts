import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  userAbsencePath,
  userAbsencesPath,
  type CreateUserAbsenceRequest,
  type UserAbsence,
} from '@waakvlam/contracts';
import { firstValueFrom } from 'rxjs';

/** `/api/users/{id}/absences`: a staff member's absences; assignment of reactivations skips absent caseworkers. */
@Injectable({ providedIn: 'root' })
export class AbsencesService {
  private readonly http = inject(HttpClient);

  /** Latest first. */
  list(userId: string): Promise<UserAbsence[]> {
    return firstValueFrom(this.http.get<UserAbsence[]>(userAbsencesPath(encodeURIComponent(userId))));
  }

  create(userId: string, request: CreateUserAbsenceRequest): Promise<UserAbsence> {
    return firstValueFrom(this.http.post<UserAbsence>(userAbsencesPath(encodeURIComponent(userId)), request));
  }

  remove(userId: string, absenceId: string): Promise<void> {
    return firstValueFrom(
      this.http.delete<void>(userAbsencePath(encodeURIComponent(userId), encodeURIComponent(absenceId))),
    );
  }
}
