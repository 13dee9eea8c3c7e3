import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { TimerKind } from '../../core/queue/queue.constants';
import { updateReturning } from '../../core/database/update-returning.util';

export interface NewTimer {
  organisationId: string;
  kind: TimerKind;
  subjectId: string;
  fireAt: Date;
}

/** A timer taken by its processor: the effect belongs in the same transaction. */
export interface TakenTimer {
  id: string;
  organisation_id: string;
  kind: TimerKind;
  subject_id: string;
  fire_at: Date;
}

/**
 * Durable timers: every moment the system must act is a row, written in the caller's transaction together with the
 * change that causes it. The planner turns due timers into jobs; a processor takes its timer and applies its effect
 * in one transaction.
 */
@Injectable()
export class TimersService {
  /**
   * Inserts timers in one statement. A subject has at most one live timer per kind: a second one for the same
   * kind and subject is ignored, so scheduling is safe to repeat.
   */
  async schedule(tx: EntityManager, timers: readonly NewTimer[]): Promise<void> {
    if (timers.length === 0) return;
    await tx.query(
      `INSERT INTO timers (organisation_id, kind, subject_id, fire_at)
       SELECT t.organisation_id, t.kind, t.subject_id, t.fire_at
       FROM jsonb_to_recordset($1::jsonb) AS t(organisation_id uuid, kind text, subject_id uuid, fire_at timestamptz)
       ON CONFLICT (subject_id, kind) WHERE state IN ('pending', 'claimed') DO NOTHING`,
      [
        JSON.stringify(
          timers.map((t) => ({
            organisation_id: t.organisationId,
            kind: t.kind,
            subject_id: t.subjectId,
            fire_at: t.fireAt.toISOString(),
          })),
        ),
      ],
    );
  }

  /** Cancels every live timer of these subjects (a check-in done or cancelled, a watch paused). */
  async cancelForSubjects(tx: EntityManager, subjectIds: readonly string[]): Promise<void> {
    if (subjectIds.length === 0) return;
    await tx.query(
      `UPDATE timers SET state = 'cancelled', lease_until = NULL, completed_at = now()
       WHERE subject_id = ANY($1::uuid[]) AND state IN ('pending', 'claimed')`,
      [subjectIds],
    );
  }

  /**
   * Takes the claimed timers of a job for its processor in one statement: marks them done and returns them; a timer
   * already done, cancelled or gone (a second run of the same job, or a cancelled timer) is left out. Call it inside
   * the transaction that applies the effect: if the effect fails, the timers stay claimed and are retried.
   */
  async takeMany(tx: EntityManager, timerIds: readonly string[], kind: TimerKind): Promise<TakenTimer[]> {
    if (timerIds.length === 0) return [];
    return updateReturning<TakenTimer>(
      tx,
      `UPDATE timers SET state = 'done', lease_until = NULL, completed_at = now()
       WHERE id = ANY($1::bigint[]) AND kind = $2 AND state IN ('claimed', 'pending')
       RETURNING id::text AS id, organisation_id, kind, subject_id, fire_at`,
      [timerIds, kind],
    );
  }
}
