import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type NewTimer, TimersService } from '../scheduling/timers.service';

export const SLA_HALF_KIND = 'reactivation_sla_half' as const;
export const SLA_BREACH_KIND = 'reactivation_sla_breach' as const;

/**
 * The SLA timers of a request (subject: the request): half time reminds the assignee, the deadline escalates to the
 * coordinators. Written in the transaction that opens the request; cancelled when the first contact is made or the
 * request ends. One live timer per kind and request, so scheduling twice is harmless.
 */
@Injectable()
export class ReactivationSlaTimers {
  constructor(private readonly timers: TimersService) {}

  async schedule(
    tx: EntityManager,
    requests: ReadonlyArray<{ organisationId: string; requestId: string; halfAt: Date; dueAt: Date }>,
  ): Promise<void> {
    const timers: NewTimer[] = requests.flatMap((r) => [
      { organisationId: r.organisationId, kind: SLA_HALF_KIND, subjectId: r.requestId, fireAt: r.halfAt },
      { organisationId: r.organisationId, kind: SLA_BREACH_KIND, subjectId: r.requestId, fireAt: r.dueAt },
    ]);
    await this.timers.schedule(tx, timers);
  }

  /** A new deadline (the request became urgent): the live timers are replaced. */
  async reschedule(
    tx: EntityManager,
    requests: ReadonlyArray<{ organisationId: string; requestId: string; halfAt: Date; dueAt: Date }>,
  ): Promise<void> {
    await this.cancel(
      tx,
      requests.map((r) => r.requestId),
    );
    await this.schedule(tx, requests);
  }

  async cancel(tx: EntityManager, requestIds: readonly string[]): Promise<void> {
    await this.timers.cancelForSubjects(tx, requestIds);
  }
}
