import { Injectable } from '@nestjs/common';
import type { ReactivationRequestDetail } from '@waakvlam/contracts';
import { DataSource } from 'typeorm';
import { updateReturning } from '../../core/database/update-returning.util';
import { conflictProblem, fieldProblem } from '../clients/field-problem.util';
import { ReactivationMailsService } from './reactivation-mails.service';
import { ReactivationNotifier } from './reactivation-notifier.service';
import { ReactivationQueriesService } from './reactivation-queries.service';
import { type ReactivationActor, readerOf } from './reactivation-transitions.service';

/**
 * A coordinator gives an open request (from the pool, or another caseworker's) to someone: an active caseworker or
 * coordinator of the organisation, who gets the e-mail on the urgent queue. The SLA deadline stays.
 */
@Injectable()
export class ReactivationAssignmentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly queries: ReactivationQueriesService,
    private readonly mails: ReactivationMailsService,
    private readonly notifier: ReactivationNotifier,
  ) {}

  /** Null when there is no such request in the organisation; 409 when it is resolved or cancelled. */
  async assign(
    actor: ReactivationActor,
    id: string,
    assigneeId: string,
    now = new Date(),
  ): Promise<ReactivationRequestDetail | null> {
    const organisationId = actor.scope.organisationId;
    const staff: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM users WHERE organisation_id = $1 AND id = $2 AND active AND role IN ('caseworker', 'coordinator')`,
      [organisationId, assigneeId],
    );
    if (staff.length === 0)
      throw fieldProblem('assigneeId', 'must be an active caseworker or coordinator of your organisation');
    const notificationIds = await this.dataSource.transaction(async (tx) => {
      const [row] = await updateReturning<{ id: string; updated_at: Date }>(
        tx,
        `UPDATE reactivation_requests SET assignee_id = $3, updated_at = $4
         WHERE organisation_id = $1 AND id = $2 AND status IN ('open', 'accepted', 'contacted')
         RETURNING id, updated_at`,
        [organisationId, id, assigneeId, now],
      );
      if (!row) {
        const [existing]: Array<{ status: string }> = await tx.query(
          `SELECT status FROM reactivation_requests WHERE organisation_id = $1 AND id = $2`,
          [organisationId, id],
        );
        if (!existing) return null;
        throw conflictProblem(`A request that is ${existing.status} cannot be assigned.`);
      }
      return this.mails.assigned(tx, id, `${assigneeId}-${new Date(row.updated_at).getTime()}`);
    });
    if (notificationIds === null) return null;
    await this.notifier.dispatch(notificationIds);
    return this.queries.get({ ...readerOf(actor), caseworkerId: null }, id, now);
  }
}
