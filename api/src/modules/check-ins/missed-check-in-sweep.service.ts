import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { OrganisationCalendars } from '../watches/organisation-calendars.service';
import { updateReturning } from '../../core/database/update-returning.util';
import { WatchEventsService } from '../watches/watch-events.service';
import { CheckInPlanner, type PlannedCheckIn } from './check-in-planner.service';

const BATCH = 500;

interface MissedRow {
  id: string;
  watch_id: string;
  organisation_id: string;
  due_date: string;
  time_zone: string;
  extra_days_off: string[];
  primary_caseworker_id: string;
  grace_period_days: number;
}

/**
 * Marks planned check-ins whose grace period has passed (in each organisation's time zone) as missed, writes a
 * `check_in_missed` event and plans a retry 2 working days later. Safe to run twice and concurrently: the
 * conditional `UPDATE … WHERE status = 'planned'` lets each check-in be missed once.
 */
@Injectable()
export class MissedCheckInSweep {
  constructor(
    private readonly dataSource: DataSource,
    private readonly calendars: OrganisationCalendars,
    private readonly planner: CheckInPlanner,
    private readonly events: WatchEventsService,
  ) {}

  /** Returns how many check-ins it marked missed. */
  async run(now = new Date()): Promise<number> {
    let total = 0;
    for (;;) {
      const { candidates, missed } = await this.dataSource.transaction((tx) => this.batch(tx, now));
      total += missed;
      if (candidates < BATCH) return total;
    }
  }

  private async batch(tx: EntityManager, now: Date): Promise<{ candidates: number; missed: number }> {
    // The first condition is a cheap index range on check_ins_grace_idx: no zone's today is after UTC's tomorrow.
    const candidates: Array<{ id: string; watch_id: string }> = await tx.query(
      `SELECT ci.id, ci.watch_id FROM check_ins ci JOIN organisations o ON o.id = ci.organisation_id
       WHERE ci.status = 'planned' AND ci.grace_ends_on < ($1::timestamptz AT TIME ZONE 'UTC')::date + 1
         AND ci.grace_ends_on < ($1::timestamptz AT TIME ZONE o.time_zone)::date
       ORDER BY ci.grace_ends_on, ci.id
       LIMIT ${BATCH}`,
      [now],
    );
    if (candidates.length === 0) return { candidates: 0, missed: 0 };
    // Lock the watches first, in id order, as transitions and completions do: no deadlock, no lost cancel.
    await tx.query(`SELECT id FROM watches WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`, [
      [...new Set(candidates.map((c) => c.watch_id))],
    ]);
    const missed = await updateReturning<MissedRow>(
      tx,
      `UPDATE check_ins ci SET status = 'missed', updated_at = now()
       FROM watches w, organisations o
       WHERE ci.id = ANY($1::uuid[]) AND ci.status = 'planned'
         AND w.id = ci.watch_id AND o.id = ci.organisation_id
         AND ci.grace_ends_on < ($2::timestamptz AT TIME ZONE o.time_zone)::date
       RETURNING ci.id, ci.watch_id, ci.organisation_id, ci.due_date::text AS due_date, o.time_zone,
                 o.extra_days_off::text[] AS extra_days_off, w.primary_caseworker_id, w.grace_period_days`,
      [candidates.map((c) => c.id), now],
    );
    const retries: PlannedCheckIn[] = missed.map((m) => {
      const calendar = this.calendars.calendar(m.time_zone, m.extra_days_off);
      return {
        organisationId: m.organisation_id,
        watchId: m.watch_id,
        caseworkerId: m.primary_caseworker_id,
        ...this.planner.retry(calendar, calendar.today(now), m.grace_period_days),
      };
    });
    await this.planner.plan(tx, retries);
    await this.events.record(
      tx,
      missed.map((m, i) => ({
        organisationId: m.organisation_id,
        watchId: m.watch_id,
        type: 'check_in_missed' as const,
        actorId: null,
        details: { checkInId: m.id, dueDate: m.due_date, retryDueDate: retries[i].dueDate },
      })),
    );
    return { candidates: candidates.length, missed: missed.length };
  }
}
