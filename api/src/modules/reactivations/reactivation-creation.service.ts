import { Injectable, NotFoundException } from '@nestjs/common';
import type { ReactivationCreated, ReactivationSource } from '@waakvlam/contracts';
import { DataSource } from 'typeorm';
import { fieldProblem } from '../clients/field-problem.util';
import type { CreateReactivationDto } from './create-reactivation.dto';
import { ReactivationQueriesService } from './reactivation-queries.service';
import { ReactivationRequestsService } from './reactivation-requests.service';
import { toReactivation } from './reactivation-row.util';
import { type ReactivationActor, readerOf } from './reactivation-transitions.service';

/**
 * "Heractiveren" from the console: a caseworker of the watch (primary or backup) or a coordinator opens a request,
 * or adds their reason to the open one. No intake data: everything already agreed on the watch carries over.
 */
@Injectable()
export class ReactivationCreationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly requests: ReactivationRequestsService,
    private readonly queries: ReactivationQueriesService,
  ) {}

  /** 404 when there is no such watch in the organisation (for a caseworker: not one of theirs); 409 when ended. */
  async create(
    actor: ReactivationActor,
    dto: CreateReactivationDto,
    now = new Date(),
  ): Promise<ReactivationCreated> {
    const isCaseworker = actor.role === 'caseworker';
    const source: ReactivationSource = dto.source ?? (isCaseworker ? 'caseworker' : 'coordinator');
    if (isCaseworker && source !== 'caseworker')
      throw fieldProblem('source', 'must be caseworker for a caseworker');
    const outcome = await this.dataSource.transaction(async (tx) => {
      const mine: unknown[] = await tx.query(
        `SELECT 1 FROM watches w WHERE w.organisation_id = $1 AND w.id = $2
           AND ($3::uuid IS NULL OR w.primary_caseworker_id = $3::uuid OR w.backup_caseworker_id = $3::uuid)`,
        [actor.scope.organisationId, dto.watchId, isCaseworker ? actor.userId : null],
      );
      if (mine.length === 0) throw new NotFoundException();
      return this.requests.request(
        tx,
        {
          organisationId: actor.scope.organisationId,
          watchId: dto.watchId,
          source,
          urgency: dto.urgency,
          reason: dto.reason,
          actorId: actor.userId,
        },
        now,
      );
    });
    await this.requests.dispatch(outcome.notificationIds);
    const row = await this.queries.row({ ...readerOf(actor), caseworkerId: null }, outcome.id);
    if (!row) throw new NotFoundException();
    return { request: toReactivation(row, now), merged: outcome.merged };
  }
}
