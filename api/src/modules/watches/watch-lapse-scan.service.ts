import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { updateReturning } from '../../core/database/update-returning.util';
import { NotificationsService } from '../notifications/notifications.service';
import { ReactivationRequestsService } from '../reactivations/reactivation-requests.service';
import { CheckInRemindersService } from '../reminders/check-in-reminders.service';
import { WatchEventsService } from './watch-events.service';

const BATCH = 500;

/**
 * The lapse scan: an active watch whose streak of consecutive missed or not reached check-ins (`missed_in_row`,
 * kept by the missed timer and by completion) has reached its threshold becomes `lapsed`, with an event and an
 * e-mail to its caseworker and the coordinators, and a reactivation request (source `lapse`) opens for it in the same
 * transaction, set-based. It reads PostgreSQL only, so a Redis outage delays it and loses nothing. Safe to run twice
 * and concurrently: the conditional update lapses each watch once.
 */
@Injectable()
export class WatchLapseScanService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: WatchEventsService,
    private readonly reminders: CheckInRemindersService,
    private readonly notifications: NotificationsService,
    private readonly reactivations: ReactivationRequestsService,
  ) {}

  /** Returns the ids of the watches it lapsed. */
  async run(now = new Date()): Promise<string[]> {
    const lapsed: string[] = [];
    for (;;) {
      const { ids, notificationIds, reactivationIds } = await this.dataSource.transaction(async (tx) => {
        const rows = await updateReturning<{ id: string; organisation_id: string; missed_in_row: number }>(
          tx,
          `UPDATE watches w SET status = 'lapsed', updated_at = now()
           WHERE w.id IN (
             SELECT id FROM watches
             WHERE status = 'active' AND missed_in_row > 0 AND missed_in_row >= lapse_threshold
             ORDER BY id LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)
             AND w.status = 'active'
           RETURNING w.id, w.organisation_id, w.missed_in_row`,
          [],
        );
        await this.events.record(
          tx,
          rows.map((r) => ({
            organisationId: r.organisation_id,
            watchId: r.id,
            type: 'lapsed' as const,
            actorId: null,
            details: { missedInRow: r.missed_in_row },
          })),
        );
        const notificationIds =
          rows.length > 0
            ? await this.reminders.lapsed(
                tx,
                rows.map((r) => r.id),
              )
            : [];
        const reactivations = await this.reactivations.requestMany(
          tx,
          rows.map((r) => ({
            organisationId: r.organisation_id,
            watchId: r.id,
            source: 'lapse' as const,
            urgency: 'normal' as const,
            reason: `Contact verloren: ${r.missed_in_row} contactmomenten op rij niet gelukt.`,
            actorId: null,
          })),
          now,
        );
        const reactivationIds = reactivations.flatMap((o) =>
          typeof o === 'string' ? [] : o.notificationIds,
        );
        return { ids: rows.map((r) => r.id), notificationIds, reactivationIds };
      });
      await this.notifications.dispatch(notificationIds);
      await this.reactivations.dispatch(reactivationIds);
      lapsed.push(...ids);
      if (ids.length < BATCH) return lapsed;
    }
  }
}
