import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PendingSignIns } from '../../core/auth/pending-sign-in.service';
import { SessionService } from '../../core/auth/session.service';
import type { SessionUser } from '../../core/auth/session-user.interface';
import type { TenantScope } from '../../core/database/tenant-scope.model';
import { updateReturning } from '../../core/database/update-returning.util';
import { AuditService } from '../audit/audit.service';
import { conflictProblem } from '../clients/field-problem.util';
import type { UserSummaryDto } from './user-summary.dto';
import { UsersService } from './users.service';

/**
 * Deactivating an account ends every session and pending sign-in of it in the same transaction: the account cannot
 * act again from any browser. Activating it again lets it sign in (no session comes back).
 */
@Injectable()
export class UserActivationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly sessions: SessionService,
    private readonly pending: PendingSignIns,
    private readonly audit: AuditService,
  ) {}

  /** Null when there is no such account in the organisation (404). */
  async setActive(
    scope: TenantScope,
    actor: SessionUser,
    id: string,
    active: boolean,
    origin: { ip: string | null; userAgent: string | null },
  ): Promise<UserSummaryDto | null> {
    if (!active && id === actor.userId) throw conflictProblem('You cannot deactivate your own account.');
    const existing = await this.users.get(scope, id);
    if (!existing) return null;
    return this.dataSource.transaction(async (tx) => {
      const changed = await updateReturning(
        tx,
        `UPDATE users SET active = $3, updated_at = now()
         WHERE organisation_id = $1 AND id = $2 AND active <> $3 RETURNING id`,
        [scope.organisationId, id, active],
      );
      const sessionsEnded = active ? 0 : await this.sessions.revokeAllOf(id, tx);
      if (!active) await this.pending.endAllOf(id, tx);
      if (changed.length > 0) {
        await this.audit.record(
          {
            organisationId: scope.organisationId,
            action: 'update',
            userId: actor.userId,
            role: actor.role,
            resource: 'users.active',
            ip: origin.ip,
            userAgent: origin.userAgent,
            source: 'console',
            details: { targetUserId: id, active, sessionsEnded },
          },
          tx,
        );
      }
      return { ...existing, active };
    });
  }
}
