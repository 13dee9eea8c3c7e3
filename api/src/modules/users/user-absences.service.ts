import { Injectable } from '@nestjs/common';
import type { UserAbsence } from '@waakvlam/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import type { TenantScope } from '../../core/database/tenant-scope.model';
import { updateReturning } from '../../core/database/update-returning.util';
import { giveBackAfterAbsence, handOverForAbsence } from '../check-ins/check-in-handover.util';
import { fieldProblem } from '../clients/field-problem.util';

/** Who manages absences: coordinators and admins anyone's of their organisation, a caseworker only their own. */
export interface AbsenceActor {
  scope: TenantScope;
  userId: string;
  /** Set for a caseworker: they may only read and change their own absences. */
  selfOnly: boolean;
}

interface AbsenceRow {
  id: string;
  user_id: string;
  starts_on: string;
  ends_on: string;
  reason: string | null;
  created_by: string;
  created_by_name: string;
  created_at: Date;
}

const SELECT = `SELECT a.id, a.user_id, a.starts_on::text AS starts_on, a.ends_on::text AS ends_on, a.reason,
    a.created_by, u.display_name AS created_by_name, a.created_at
  FROM user_absences a JOIN users u ON u.id = a.created_by`;

const toAbsence = (r: AbsenceRow): UserAbsence => ({
  id: r.id,
  userId: r.user_id,
  startsOn: r.starts_on,
  endsOn: r.ends_on,
  reason: r.reason,
  createdBy: { id: r.created_by, displayName: r.created_by_name },
  createdAt: new Date(r.created_at).toISOString(),
});

/**
 * Staff absences (from–to, both days included). Reactivation assignment skips a caseworker who is absent today
 * (`absentOn`). Creating one hands the absent primary's planned check-ins due in it to the watches' backups;
 * removing one gives them back (check-in-handover.util). Owns the user_absences table.
 */
@Injectable()
export class UserAbsencesService {
  constructor(private readonly dataSource: DataSource) {}

  /** Null when the user is not a staff member of the organisation, or not the caseworker's own account. */
  async list(actor: AbsenceActor, userId: string): Promise<UserAbsence[] | null> {
    if (!(await this.mayManage(actor, userId))) return null;
    const rows: AbsenceRow[] = await this.dataSource.query(
      `${SELECT} WHERE a.organisation_id = $1 AND a.user_id = $2 ORDER BY a.starts_on DESC, a.id LIMIT 500`,
      [actor.scope.organisationId, userId],
    );
    return rows.map(toAbsence);
  }

  async create(
    actor: AbsenceActor,
    userId: string,
    input: { startsOn: string; endsOn: string; reason?: string },
  ): Promise<UserAbsence | null> {
    if (input.endsOn < input.startsOn) throw fieldProblem('endsOn', 'must not be before startsOn');
    if (!(await this.mayManage(actor, userId))) return null;
    return this.dataSource.transaction(async (tx) => {
      const [row]: Array<{ id: string }> = await tx.query(
        `INSERT INTO user_absences (organisation_id, user_id, starts_on, ends_on, reason, created_by)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [
          actor.scope.organisationId,
          userId,
          input.startsOn,
          input.endsOn,
          input.reason?.trim() || null,
          actor.userId,
        ],
      );
      await handOverForAbsence(tx, {
        organisationId: actor.scope.organisationId,
        userId,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
      });
      const [created]: AbsenceRow[] = await tx.query(`${SELECT} WHERE a.id = $1`, [row.id]);
      return toAbsence(created);
    });
  }

  /** False when there is no such absence of this user that the actor may manage. */
  async remove(actor: AbsenceActor, userId: string, absenceId: string): Promise<boolean> {
    if (!(await this.mayManage(actor, userId))) return false;
    return this.dataSource.transaction(async (tx) => {
      const [deleted] = await updateReturning<{ starts_on: string; ends_on: string }>(
        tx,
        `DELETE FROM user_absences WHERE organisation_id = $1 AND user_id = $2 AND id = $3
         RETURNING starts_on::text AS starts_on, ends_on::text AS ends_on`,
        [actor.scope.organisationId, userId, absenceId],
      );
      if (!deleted) return false;
      await giveBackAfterAbsence(tx, {
        organisationId: actor.scope.organisationId,
        userId,
        startsOn: deleted.starts_on,
        endsOn: deleted.ends_on,
      });
      return true;
    });
  }

  /** Of these users, the ones with an absence covering `date` (the organisation's today), in one query. */
  async absentOn(
    tx: EntityManager,
    organisationId: string,
    date: string,
    userIds: readonly string[],
  ): Promise<Set<string>> {
    if (userIds.length === 0) return new Set();
    const rows: Array<{ user_id: string }> = await tx.query(
      `SELECT DISTINCT user_id FROM user_absences
       WHERE organisation_id = $1 AND user_id = ANY($2::uuid[]) AND ends_on >= $3::date AND starts_on <= $3::date`,
      [organisationId, [...new Set(userIds)], date],
    );
    return new Set(rows.map((r) => r.user_id));
  }

  private async mayManage(actor: AbsenceActor, userId: string): Promise<boolean> {
    if (actor.selfOnly && userId !== actor.userId) return false;
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM users WHERE organisation_id = $1 AND id = $2 AND role <> 'partner'`,
      [actor.scope.organisationId, userId],
    );
    return rows.length > 0;
  }
}
