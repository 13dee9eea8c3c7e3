import { Injectable } from '@nestjs/common';
import {
  PROBLEM_TYPES,
  type ReactivationRequestDetail,
  type ReactivationResolution,
  type ReactivationStatus,
  type UserRole,
} from '@waakvlam/contracts';
import { DataSource } from 'typeorm';
import type { TenantScope } from '../../core/database/tenant-scope.model';
import { ProblemException } from '../../core/http/problem.exception';
import { updateReturning } from '../../core/database/update-returning.util';
import { conflictProblem } from '../clients/field-problem.util';
import { ReactivationQueriesService, type ReactivationReader } from './reactivation-queries.service';
import type { ReactivationRow } from './reactivation-row.util';
import { ReactivationSlaTimers } from './reactivation-sla-timers.service';
import { REACTIVATION_TRANSITIONS, type ReactivationAction } from './reactivation-transitions.util';
import { ReactivationWatchEffects } from './reactivation-watch-effects.service';

/** Who acts on a request: their organisation (from the session), id and role. */
export interface ReactivationActor {
  scope: TenantScope;
  userId: string;
  role: UserRole;
}

export type TransitionInput =
  | { action: 'accept' }
  | { action: 'contacted' }
  | { action: 'resolve'; resolution: ReactivationResolution; note?: string | null }
  | { action: 'cancel'; reason: string };

const VERBS: Record<ReactivationAction, string> = {
  accept: 'accepted',
  contacted: 'marked contacted',
  resolve: 'resolved',
  cancel: 'cancelled',
};

export const readerOf = (actor: ReactivationActor): ReactivationReader => ({
  scope: actor.scope,
  userId: actor.userId,
  caseworkerId: actor.role === 'caseworker' ? actor.userId : null,
});

/** Coordinators and admins act on any request of their organisation; others only on requests assigned to them. */
export function assertMayAct(actor: ReactivationActor, row: ReactivationRow): void {
  if (actor.role === 'coordinator' || actor.role === 'admin' || row.assignee_id === actor.userId) return;
  throw new ProblemException(PROBLEM_TYPES.forbidden, 403, 'Not allowed', {
    detail: 'Only the assignee of this request or a coordinator can do this.',
  });
}

/**
 * accept, contacted, resolve, cancel. Each is one transaction whose conditional
 * `UPDATE reactivation_requests … WHERE status = ANY(from) RETURNING` decides, so of two concurrent requests only one
 * wins; the other (and any action not allowed from the current status) is 409 and changes nothing. Accept and resolve
 * change the watch too, and lock it first. The first contact, resolving and cancelling stop the SLA timers.
 */
@Injectable()
export class ReactivationTransitionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly queries: ReactivationQueriesService,
    private readonly watchEffects: ReactivationWatchEffects,
    private readonly slaTimers: ReactivationSlaTimers,
  ) {}

  /** Null when the actor may not see the request (404); 403 when they may see but not act; 409 when not allowed now. */
  async apply(
    actor: ReactivationActor,
    id: string,
    input: TransitionInput,
    now = new Date(),
  ): Promise<ReactivationRequestDetail | null> {
    const reader = readerOf(actor);
    const current = await this.queries.row(reader, id);
    if (!current) return null;
    assertMayAct(actor, current);
    const organisationId = actor.scope.organisationId;
    const t = REACTIVATION_TRANSITIONS[input.action];

    await this.dataSource.transaction(async (tx) => {
      const changesWatch =
        input.action === 'accept' || (input.action === 'resolve' && input.resolution === 'back_to_watch');
      const watchStatus = changesWatch
        ? await this.watchEffects.lock(tx, organisationId, current.watch_id)
        : null;
      const [set, params] = this.assignments(input, actor.userId);
      const rows = await updateReturning<{ id: string }>(
        tx,
        `UPDATE reactivation_requests SET status = $3, updated_at = $4, ${set}
         WHERE organisation_id = $1 AND id = $2 AND status = ANY($5::text[])
         RETURNING id`,
        [organisationId, id, t.to, now, t.from, ...params],
      );
      if (rows.length === 0) {
        const [row]: Array<{ status: ReactivationStatus }> = await tx.query(
          `SELECT status FROM reactivation_requests WHERE organisation_id = $1 AND id = $2`,
          [organisationId, id],
        );
        throw conflictProblem(`A request that is ${row?.status ?? 'gone'} cannot be ${VERBS[input.action]}.`);
      }
      if (input.action === 'accept' && watchStatus) {
        await this.watchEffects.reactivate(tx, organisationId, current.watch_id, watchStatus, {
          actorId: actor.userId,
          requestId: id,
        });
      } else {
        await this.slaTimers.cancel(tx, [id]);
      }
      if (input.action === 'resolve' && input.resolution === 'back_to_watch' && watchStatus) {
        await this.watchEffects.stepDown(
          tx,
          organisationId,
          current.watch_id,
          watchStatus,
          { actorId: actor.userId, requestId: id, note: input.note?.trim() || null },
          now,
        );
      }
    });
    // The actor may no longer see it as a caseworker only if it was never theirs: they could act, so they can read.
    return this.queries.get({ ...reader, caseworkerId: null }, id, now);
  }

  /** The columns each action sets besides status and updated_at ($6 onwards), with their values. */
  private assignments(input: TransitionInput, actorId: string): [string, unknown[]] {
    switch (input.action) {
      case 'accept':
        // A coordinator who accepts a request from the pool takes it.
        return ['accepted_at = $4, accepted_by = $6, assignee_id = coalesce(assignee_id, $6)', [actorId]];
      case 'contacted':
        return ['contacted_at = $4', []];
      case 'resolve':
        return [
          'resolved_at = $4, resolution = $6, resolution_note = $7',
          [input.resolution, input.note?.trim() || null],
        ];
      case 'cancel':
        return ['cancelled_at = $4, cancel_reason = $6', [input.reason.trim()]];
    }
  }
}
