import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  API_PATHS,
  retryNotificationPath,
  type NotificationStatus,
  type NotificationSummary,
  type Page,
} from '@waakvlam/contracts';
import { firstValueFrom } from 'rxjs';

export const NOTIFICATIONS_PATH = API_PATHS.notifications;
export const notificationRetryPath = (id: string): string => retryNotificationPath(encodeURIComponent(id));

export interface NotificationQuery {
  status?: NotificationStatus | null;
  page?: number;
  pageSize?: number;
}

/** `/api/notifications`: the e-mail outbox. */
@Injectable({ providedIn: 'root' })
export class NotificationsService {
  private readonly http = inject(HttpClient);

  list(query: NotificationQuery): Promise<Page<NotificationSummary>> {
    let params = new HttpParams();
    if (query.status) params = params.set('status', query.status);
    if (query.page) params = params.set('page', query.page);
    if (query.pageSize) params = params.set('pageSize', query.pageSize);
    return firstValueFrom(this.http.get<Page<NotificationSummary>>(NOTIFICATIONS_PATH, { params }));
  }

  /** Only for a `dead` notification; 409 otherwise. */
  retry(id: string): Promise<NotificationSummary> {
    return firstValueFrom(this.http.post<NotificationSummary>(notificationRetryPath(id), null));
  }
}
