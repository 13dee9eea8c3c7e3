import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import {
  DEFAULT_PAGE_SIZE,
  NOTIFICATION_STATUSES,
  type NotificationStatus,
  type NotificationSummary,
} from '@waakvlam/contracts';
import { DateFormatService } from '../../shared/dates/date-format.service';
import { PaginationComponent } from '../../shared/pagination/pagination.component';
import { NotificationsService } from './notifications.service';

/** "Berichten": the e-mail outbox, with a retry for messages that gave up. */
@Component({
  selector: 'wv-notification-list',
  imports: [TranslocoPipe, PaginationComponent],
  templateUrl: './notification-list.component.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NotificationListComponent {
  private readonly notifications = inject(NotificationsService);
  protected readonly dates = inject(DateFormatService);

  protected readonly statuses = NOTIFICATION_STATUSES;
  protected readonly status = signal<NotificationStatus | null>(null);
  protected readonly items = signal<NotificationSummary[]>([]);
  protected readonly page = signal(1);
  protected readonly pageSize = signal(DEFAULT_PAGE_SIZE);
  protected readonly total = signal(0);
  protected readonly loaded = signal(false);
  protected readonly loadError = signal(false);
  /** Translation key of the polite announcement. */
  protected readonly announcement = signal<string | null>(null);
  /** Translation key of a retry that failed. */
  protected readonly retryError = signal<string | null>(null);
  protected readonly retrying = signal<string | null>(null);

  constructor() {
    void this.load(1);
  }

  protected chooseStatus(event: Event): void {
    const value = (event.target as HTMLSelectElement).value;
    this.status.set(
      (NOTIFICATION_STATUSES as readonly string[]).includes(value) ? (value as NotificationStatus) : null,
    );
    void this.load(1);
  }

  protected async load(page: number): Promise<void> {
    this.loadError.set(false);
    try {
      const result = await this.notifications.list({
        status: this.status(),
        page,
        pageSize: this.pageSize(),
      });
      this.items.set(result.items);
      this.page.set(result.page);
      this.total.set(result.total);
    } catch {
      this.loadError.set(true);
    } finally {
      this.loaded.set(true);
    }
  }

  protected async retry(notification: NotificationSummary): Promise<void> {
    if (this.retrying()) {
      return;
    }
    this.retrying.set(notification.id);
    this.announcement.set(null);
    this.retryError.set(null);
    try {
      const updated = await this.notifications.retry(notification.id);
      this.items.update((items) => items.map((item) => (item.id === updated.id ? updated : item)));
      this.announcement.set('notifications.retried');
    } catch (error) {
      if (error instanceof HttpErrorResponse && error.status === 409) {
        this.retryError.set('notifications.retryConflict');
        await this.load(this.page());
      } else {
        this.retryError.set('notifications.retryFailed');
      }
    } finally {
      this.retrying.set(null);
    }
  }
}
