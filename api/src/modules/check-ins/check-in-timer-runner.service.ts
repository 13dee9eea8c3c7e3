import { Injectable } from '@nestjs/common';
import type { WorkingCalendar } from '@waakvlam/schedule';
import { DataSource, type EntityManager } from 'typeorm';
import { NotificationsService } from '../notifications/notifications.service';
import { type TakenTimer, TimersService } from '../scheduling/timers.service';
import { OrganisationCalendars } from '../organisations/organisation-calendars.service';
import { type LadderKind, nextLadderStep } from './check-in-ladder.util';

export interface CheckInTimerContext {
  timer: TakenTimer;
  checkIn: {
    id: string;
    organisationId: string;
    watchId: string;
    dueDate: string;
    graceEndsOn: string;
    preNoticeWorkingDays: number;
    contactMode: string;
  };
  calendar: WorkingCalendar;
}

interface Row {
  id: string;
  organisation_id: string;
  watch_id: string;
  status: string;
  due_date: string;
  grace_ends_on: string;
  pre_notice_working_days: number;
  contact_mode: string;
  time_zone: string;
  extra_days_off: string[];
}

/**
 * Runs one step of a check-in's reminder ladder: in one transaction it locks the watch (the order every change of a
 * watch's check-ins uses), takes the timer, applies the step's effect if the check-in is still planned, and schedules
 * the next step. The effect's messages are queued after commit. A second run finds the timer done and does nothing.
 */
@Injectable()
export class CheckInTimerRunner {
  constructor(
    private readonly dataSource: DataSource,
    private readonly timers: TimersService,
    private readonly calendars: OrganisationCalendars,
    private readonly notifications: NotificationsService,
  ) {}

  /** Returns whether the effect ran. */
  async run(
    timerId: string,
    kind: LadderKind,
    effect: (tx: EntityManager, context: CheckInTimerContext) => Promise<string[]>,
  ): Promise<boolean> {
    const outcome = await this.dataSource.transaction(async (tx) => {
      const [row]: Row[] = await tx.query(
        `SELECT ci.id, ci.organisation_id, ci.watch_id, ci.status, ci.due_date::text AS due_date,
                ci.grace_ends_on::text AS grace_ends_on, w.pre_notice_working_days, w.contact_mode, o.time_zone,
                o.extra_days_off::text[] AS extra_days_off
         FROM timers t
         JOIN check_ins ci ON ci.id = t.subject_id
         JOIN watches w ON w.id = ci.watch_id
         JOIN organisations o ON o.id = ci.organisation_id
         WHERE t.id = $1
         FOR UPDATE OF w`,
        [timerId],
      );
      const timer = await this.timers.take(tx, timerId, kind);
      if (!timer) return null;
      if (!row || row.status !== 'planned') return { ran: false, ids: [] };
      const calendar = this.calendars.calendar(row.time_zone, row.extra_days_off);
      const checkIn = {
        id: row.id,
        organisationId: row.organisation_id,
        watchId: row.watch_id,
        dueDate: row.due_date,
        graceEndsOn: row.grace_ends_on,
        preNoticeWorkingDays: row.pre_notice_working_days,
        contactMode: row.contact_mode,
      };
      const ids = await effect(tx, { timer, checkIn, calendar });
      const next = nextLadderStep(calendar, checkIn, kind);
      if (next && kind !== 'check_in_missed')
        await this.timers.schedule(tx, [
          { organisationId: row.organisation_id, kind: next.kind, subjectId: row.id, fireAt: next.fireAt },
        ]);
      return { ran: true, ids };
    });
    if (!outcome) return false;
    await this.notifications.dispatch(outcome.ids);
    return outcome.ran;
  }
}
