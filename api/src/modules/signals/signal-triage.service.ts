import { Injectable } from '@nestjs/common';
import {
  PROBLEM_TYPES,
  type Signal,
  type SignalStatus,
  type SignalTriageDecision,
} from '@waakvlam/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import type { TenantScope } from '../../core/database/tenant-scope.model';
import { ProblemException } from '../../core/http/problem.exception';
import { fieldProblem } from '../clients/field-problem.util';
import { NotificationsService } from '../notifications/notifications.service';
import { ReactivationRequestsService } from '../reactivations/reactivation-requests.service';
import type { HandleSignalDto } from './handle-signal.dto';
import { SignalFeedbackService } from './signal-feedback.service';
import { STANDARD_FEEDBACK } from './signal-labels.util';
import { SignalViews } from './signal-views.service';
import type { TriageSignalDto } from './triage-signal.dto';

const DECISIONS: Readonly<Record<TriageSignalDto['decision'], SignalTriageDecision>> = {
  link: 'linked',
  forward: 'forwarded',
  no_action: 'no_action',
};

interface LockedSignal {
  id: string;
  status: SignalStatus;
  client_id: string | null;
  category: string;
}

interface Outcome {
  feedbackIds: string[];
  reactivationIds: string[];
}

/**
 * Coordinators move a signal on: triage (`received` → `triaged`: link to a watch, forward, or no action, each with
 * an internal reason) and handling (`triaged` → `handled`). Each is one transaction on the locked signal, with the
 * feedback to the partner; linking opens or joins the watch's reactivation request in the same transaction.
 * E-mails are queued after commit.
 */
@Injectable()
export class SignalTriageService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly feedback: SignalFeedbackService,
    private readonly reactivations: ReactivationRequestsService,
    private readonly notifications: NotificationsService,
    private readonly views: SignalViews,
  ) {}

  /** Null when there is no such signal in the organisation; 409 when it is not `received`. */
  async triage(
    scope: TenantScope,
    actorId: string,
    id: string,
    dto: TriageSignalDto,
    now: Date,
  ): Promise<Signal | null> {
    if (dto.decision === 'link' && !dto.watchId) throw fieldProblem('watchId', 'is required to link');
    if (dto.decision !== 'link' && dto.watchId) throw fieldProblem('watchId', 'is only for link');
    if (dto.decision !== 'link' && dto.urgency) throw fieldProblem('urgency', 'is only for link');
    const decision = DECISIONS[dto.decision];

    const outcome = await this.dataSource.transaction(async (tx): Promise<Outcome | null> => {
      const signal = await this.lock(tx, scope, id);
      if (!signal) return null;
      if (signal.status !== 'received')
        throw notNow(`Only a received signal can be triaged; this one is ${signal.status}.`);

      let watch: { id: string; client_id: string } | null = null;
      let reactivation: { id: string; notificationIds: string[] } | null = null;
      if (dto.decision === 'link') {
        [watch] = await tx.query(`SELECT id, client_id FROM watches WHERE organisation_id = $1 AND id = $2`, [
          scope.organisationId,
          dto.watchId,
        ]);
        if (!watch) throw fieldProblem('watchId', 'must be a watch of your organisation');
        if (signal.client_id && signal.client_id !== watch.client_id)
          throw fieldProblem('watchId', 'must be a watch of the client this signal is about');
        reactivation = await this.reactivations.request(
          tx,
          {
            organisationId: scope.organisationId,
            watchId: watch.id,
            source: 'partner_signal',
            urgency: dto.urgency ?? (signal.category === 'safety' ? 'urgent' : 'normal'),
            reason: dto.reason.trim(),
            actorId,
          },
          now,
        );
      }
      await tx.query(
        `UPDATE signals SET status = 'triaged', triage_decision = $2, triage_reason = $3, triaged_by = $4,
           triaged_at = $5, watch_id = $6, client_id = coalesce(client_id, $7), reactivation_request_id = $8,
           updated_at = $5
         WHERE id = $1`,
        [
          id,
          decision,
          dto.reason.trim(),
          actorId,
          now,
          watch?.id ?? null,
          watch?.client_id ?? null,
          reactivation?.id ?? null,
        ],
      );
      const feedbackIds = await this.feedback.give(
        tx,
        {
          signalId: id,
          status: 'triaged',
          text: dto.feedback,
          standardText: STANDARD_FEEDBACK[decision],
          actorId,
        },
        now,
      );
      return { feedbackIds, reactivationIds: reactivation?.notificationIds ?? [] };
    });
    if (!outcome) return null;
    await this.reactivations.dispatch(outcome.reactivationIds);
    await this.notifications.dispatch(outcome.feedbackIds);
    return this.views.get(scope, id);
  }

  /** Null when there is no such signal in the organisation; 409 when it is not `triaged`. */
  async handle(
    scope: TenantScope,
    actorId: string,
    id: string,
    dto: HandleSignalDto,
    now: Date,
  ): Promise<Signal | null> {
    const ids = await this.dataSource.transaction(async (tx): Promise<string[] | null> => {
      const signal = await this.lock(tx, scope, id);
      if (!signal) return null;
      if (signal.status !== 'triaged')
        throw notNow(`Only a triaged signal can be handled; this one is ${signal.status}.`);
      await tx.query(
        `UPDATE signals SET status = 'handled', handled_at = $2, handled_by = $3, updated_at = $2 WHERE id = $1`,
        [id, now, actorId],
      );
      return this.feedback.give(
        tx,
        {
          signalId: id,
          status: 'handled',
          text: dto.feedback,
          standardText: STANDARD_FEEDBACK.handled,
          actorId,
        },
        now,
      );
    });
    if (!ids) return null;
    await this.notifications.dispatch(ids);
    return this.views.get(scope, id);
  }

  private async lock(tx: EntityManager, scope: TenantScope, id: string): Promise<LockedSignal | null> {
    const [row]: LockedSignal[] = await tx.query(
      `SELECT id, status, client_id, category FROM signals WHERE organisation_id = $1 AND id = $2 FOR UPDATE`,
      [scope.organisationId, id],
    );
    return row ?? null;
  }
}

function notNow(detail: string): ProblemException {
  return new ProblemException(PROBLEM_TYPES.conflict, 409, 'Conflict', { detail });
}
