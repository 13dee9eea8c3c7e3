import { Injectable } from '@nestjs/common';
import type { WorkingCalendar } from '@waakvlam/schedule';
import { DataSource, type EntityManager } from 'typeorm';
import { NotificationsService } from '../notifications/notifications.service';
import { runTimerBatch } from '../scheduling/timer-batch.util';
import { type NewTimer, type TakenTimer, TimersService } from '../scheduling/timers.service';
import { OrganisationCalendars } from '../organisations/organisation-calendars.service';
import { type LadderKind, type LadderStep, nextLadderStep } from './check-in-ladder.util';

/** A planned check-in whose ladder step is due, as a step's effect sees it. */
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

/** A step's effect on the planned check-ins of a batch, in the batch's transaction; returns notification ids. */
export type CheckInStepEffect = (
  tx: EntityManager,
  steps: readonly CheckInTimerContext[],
) => Promise<string[]>;

interface Row {
  timer_id: string;
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
 * Runs one step of the reminder ladder for a job's batch of check-in timers. In one transaction it locks the
 * watches (in id order, the order every change of a watch's check-ins takes), takes the timers with one statement,
 * applies the step's effect to the check-ins still planned, and schedules their next steps with one statement. The
 * effect's messages are queued after commit. A second run finds the timers done and does nothing; a batch that fails
 * is retried timer by timer (runTimerBatch).
 */
@Injectable()
export class CheckInTimerRunner {
  constructor(
    private readonly dataSource: DataSource,
    private readonly timers: TimersService,
    private readonly calendars: OrganisationCalendars,
    private readonly notifications: NotificationsService,
  ) {}

  /** Returns how many check-ins the effect was applied to. */
  async run(timerIds: readonly string[], kind: LadderKind, effect: CheckInStepEffect): Promise<number> {
    let applied = 0;
    await runTimerBatch(timerIds, async (ids) => {
      applied += await this.runBatch(ids, kind, effect);
    });
    return applied;
  }

  private async runBatch(
    timerIds: readonly string[],
    kind: LadderKind,
    effect: CheckInStepEffect,
  ): Promise<number> {
    const outcome = await this.dataSource.transaction(async (tx) => {
      const rows: Row[] = await tx.query(
        `SELECT t.id::text AS timer_id, ci.id, ci.organisation_id, ci.watch_id, ci.status,
                ci.due_date::text AS due_date, ci.grace_ends_on::text AS grace_ends_on, w.pre_notice_working_days,
                w.contact_mode, o.time_zone, o.extra_days_off::text[] AS extra_days_off
         FROM timers t
         JOIN check_ins ci ON ci.id = t.subject_id
         JOIN watches w ON w.id = ci.watch_id
         JOIN organisations o ON o.id = ci.organisation_id
         WHERE t.id = ANY($1::bigint[])
         ORDER BY w.id
         FOR UPDATE OF w`,
        [timerIds],
      );
      const taken = await this.timers.takeMany(tx, timerIds, kind);
      const rowOf = new Map(rows.filter((r) => r.status === 'planned').map((r) => [r.timer_id, r]));
      const steps: CheckInTimerContext[] = [];
      for (const timer of taken) {
        const row = rowOf.get(timer.id);
        if (!row) continue;
        steps.push({
          timer,
          checkIn: {
            id: row.id,
            organisationId: row.organisation_id,
            watchId: row.watch_id,
            dueDate: row.due_date,
            graceEndsOn: row.grace_ends_on,
            preNoticeWorkingDays: row.pre_notice_working_days,
            contactMode: row.contact_mode,
          },
          calendar: this.calendars.calendar(row.time_zone, row.extra_days_off),
        });
      }
      if (steps.length === 0) return { applied: 0, ids: [] };
      const ids = await effect(tx, steps);
      if (kind !== 'check_in_missed') {
        const next: NewTimer[] = [];
        // Check-ins of a batch share a few calendars and due dates: each distinct ladder is worked out once.
        const ladders = new Map<WorkingCalendar, Map<string, LadderStep | null>>();
        for (const { checkIn, calendar } of steps) {
          const ofCalendar = ladders.get(calendar) ?? new Map<string, LadderStep | null>();
          ladders.set(calendar, ofCalendar);
          const key = `${checkIn.dueDate}|${checkIn.graceEndsOn}|${checkIn.preNoticeWorkingDays}`;
          let step = ofCalendar.get(key);
          if (step === undefined) {
            step = nextLadderStep(calendar, checkIn, kind);
            ofCalendar.set(key, step);
          }
          if (step)
            next.push({
              organisationId: checkIn.organisationId,
              kind: step.kind,
              subjectId: checkIn.id,
              fireAt: step.fireAt,
            });
        }
        await this.timers.schedule(tx, next);
      }
      return { applied: steps.length, ids };
    });
    await this.notifications.dispatch(outcome.ids);
    return outcome.applied;
  }
}
