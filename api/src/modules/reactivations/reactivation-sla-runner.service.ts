import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { runTimerBatch } from '../scheduling/timer-batch.util';
import { TimersService } from '../scheduling/timers.service';
import { ReactivationMailsService } from './reactivation-mails.service';
import { ReactivationNotifier } from './reactivation-notifier.service';
import { SLA_BREACH_KIND, SLA_HALF_KIND } from './reactivation-sla-timers.service';

type SlaKind = typeof SLA_HALF_KIND | typeof SLA_BREACH_KIND;

/**
 * Runs a job's batch of SLA timers. In one transaction: lock the requests (in id order; a transition locks the
 * request before it cancels the timers, so the two never cross), take the timers (`takeMany`: a second run finds them
 * done and does nothing), and for the requests still waiting for their first contact (open or accepted) write the
 * e-mails: half time to the assignee (the coordinators for a pool request), the breach to the coordinators. The
 * e-mails go on the urgent queue after commit. A request contacted, resolved or cancelled meanwhile gets nothing.
 */
@Injectable()
export class ReactivationSlaRunner {
  constructor(
    private readonly dataSource: DataSource,
    private readonly timers: TimersService,
    private readonly mails: ReactivationMailsService,
    private readonly notifier: ReactivationNotifier,
  ) {}

  /** Returns how many requests got their e-mails. */
  async run(timerIds: readonly string[], kind: SlaKind): Promise<number> {
    let applied = 0;
    await runTimerBatch(timerIds, async (ids) => {
      const outcome = await this.dataSource.transaction(async (tx) => {
        const waiting: Array<{ timer_id: string; id: string; status: string }> = await tx.query(
          `SELECT t.id::text AS timer_id, r.id, r.status
           FROM timers t JOIN reactivation_requests r ON r.id = t.subject_id
           WHERE t.id = ANY($1::bigint[])
           ORDER BY r.id
           FOR UPDATE OF r`,
          [ids],
        );
        const taken = await this.timers.takeMany(tx, ids, kind);
        const live = new Map(
          waiting
            .filter((w) => w.status === 'open' || w.status === 'accepted')
            .map((w) => [w.timer_id, w.id]),
        );
        const items = taken.flatMap((t) => {
          const requestId = live.get(t.id);
          return requestId ? [{ requestId, timerId: t.id }] : [];
        });
        if (items.length === 0) return { applied: 0, notificationIds: [] };
        const notificationIds =
          kind === SLA_HALF_KIND
            ? await this.mails.slaHalf(tx, items)
            : await this.mails.slaBreach(tx, items);
        return { applied: items.length, notificationIds };
      });
      await this.notifier.dispatch(outcome.notificationIds);
      applied += outcome.applied;
    });
    return applied;
  }
}
