import { Injectable } from '@nestjs/common';
import type {
  ReassignWatchesRequest,
  ReassignWatchesResult,
  UserRef,
  WatchStatus,
} from '@waakvlam/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import type { TenantScope } from '../../core/database/tenant-scope.model';
import { updateReturning } from '../../core/database/update-returning.util';
import { handOverAfterCaseworkerChange } from '../check-ins/check-in-handover.util';
import { CheckInPlanner } from '../check-ins/check-in-planner.service';
import { fieldProblem } from '../clients/field-problem.util';
import { DigestSchedulerService } from '../reminders/digest-scheduler.service';
import { WatchEventsService } from './watch-events.service';
import { planReassignment } from './watch-reassignment.util';

interface WatchRow {
  id: string;
  status: WatchStatus;
  primary_caseworker_id: string;
  backup_caseworker_id: string | null;
  client_reference: string;
  primary_name: string;
  backup_name: string | null;
}

interface ChangedRow {
  id: string;
  old_primary: string;
  old_backup: string | null;
  new_primary: string;
  new_backup: string | null;
}

/**
 * Bulk reassignment (`POST /api/watches/reassign`): one caseworker becomes the primary or backup of many watches.
 * A preview reads and changes nothing. Applying is one transaction of set-based statements: lock the watches in id
 * order, one conditional UPDATE … RETURNING (it matches only watches that still need the change, so a retry
 * changes nothing more), the planned check-ins follow (CheckInPlanner, absence handover), one `caseworkers_changed`
 * event per changed watch with the same details as a single PATCH, and her morning digest is ensured.
 */
@Injectable()
export class WatchReassignmentService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly planner: CheckInPlanner,
    private readonly events: WatchEventsService,
    private readonly digests: DigestSchedulerService,
  ) {}

  async reassign(
    scope: TenantScope,
    actorId: string,
    request: ReassignWatchesRequest,
    now = new Date(),
  ): Promise<ReassignWatchesResult> {
    const preview = request.preview === true;
    const run = async (tx: EntityManager): Promise<ReassignWatchesResult> => {
      const target = await this.target(tx, scope, request.toCaseworkerId);
      const rows = await this.read(tx, scope, request.watchIds, !preview);
      const plan = planReassignment(
        request.watchIds,
        rows.map((r) => ({
          id: r.id,
          status: r.status,
          primaryCaseworkerId: r.primary_caseworker_id,
          backupCaseworkerId: r.backup_caseworker_id,
        })),
        target.id,
        request.role,
      );
      const byId = new Map(rows.map((r) => [r.id, r]));
      const fromRef = (row: WatchRow, fromId: string | null): UserRef | null =>
        fromId === null
          ? null
          : {
              id: fromId,
              displayName: (request.role === 'primary' ? row.primary_name : row.backup_name) ?? '',
            };
      let changes = plan.changes;
      if (!preview) {
        const changed = await this.apply(
          tx,
          scope,
          actorId,
          changes.map((c) => c.watch.id),
          request,
          now,
        );
        changes = changes.filter((c) => changed.has(c.watch.id));
      }
      return {
        preview,
        role: request.role,
        changes: changes.map((c) => {
          const row = byId.get(c.watch.id) as WatchRow;
          return {
            watchId: row.id,
            clientReference: row.client_reference,
            from: fromRef(row, c.fromId),
            to: target,
          };
        }),
        skipped: plan.skipped,
      };
    };
    return preview ? run(this.dataSource.manager) : this.dataSource.transaction(run);
  }

  private async target(tx: EntityManager, scope: TenantScope, id: string): Promise<UserRef> {
    const [row]: Array<{ id: string; display_name: string }> = await tx.query(
      `SELECT id, display_name FROM users
       WHERE organisation_id = $1 AND id = $2 AND role = 'caseworker' AND active`,
      [scope.organisationId, id],
    );
    if (!row) throw fieldProblem('toCaseworkerId', 'must be an active caseworker of your organisation');
    return { id: row.id, displayName: row.display_name };
  }

  /** The organisation's watches among the ids; locked in id order when applying. */
  private read(
    tx: EntityManager,
    scope: TenantScope,
    ids: readonly string[],
    lock: boolean,
  ): Promise<WatchRow[]> {
    return tx.query(
      `SELECT w.id, w.status, w.primary_caseworker_id, w.backup_caseworker_id, c.reference AS client_reference,
              p.display_name AS primary_name, b.display_name AS backup_name
       FROM watches w
       JOIN clients c ON c.id = w.client_id AND c.organisation_id = w.organisation_id
       JOIN users p ON p.id = w.primary_caseworker_id
       LEFT JOIN users b ON b.id = w.backup_caseworker_id
       WHERE w.organisation_id = $1 AND w.id = ANY($2::uuid[])
       ORDER BY w.id${lock ? ' FOR UPDATE OF w' : ''}`,
      [scope.organisationId, ids],
    );
  }

  /** Returns the ids of the watches that changed. */
  private async apply(
    tx: EntityManager,
    scope: TenantScope,
    actorId: string,
    watchIds: readonly string[],
    request: ReassignWatchesRequest,
    now: Date,
  ): Promise<Set<string>> {
    if (watchIds.length === 0) return new Set();
    const [column, other] =
      request.role === 'primary'
        ? ['primary_caseworker_id', 'backup_caseworker_id']
        : ['backup_caseworker_id', 'primary_caseworker_id'];
    // `o` is the row as it was before this statement: the event's "from".
    const changed = await updateReturning<ChangedRow>(
      tx,
      `UPDATE watches w SET ${column} = $3, updated_at = now()
       FROM watches o
       WHERE o.id = w.id AND w.organisation_id = $1 AND w.id = ANY($2::uuid[]) AND w.status <> 'ended'
         AND w.${column} IS DISTINCT FROM $3::uuid AND w.${other} IS DISTINCT FROM $3::uuid
       RETURNING w.id, o.primary_caseworker_id AS old_primary, o.backup_caseworker_id AS old_backup,
                 w.primary_caseworker_id AS new_primary, w.backup_caseworker_id AS new_backup`,
      [scope.organisationId, watchIds, request.toCaseworkerId],
    );
    const ids = changed.map((c) => c.id);
    if (request.role === 'primary')
      await this.planner.reassignPlannedMany(
        tx,
        ids.map((watchId) => ({ watchId, caseworkerId: request.toCaseworkerId })),
      );
    await handOverAfterCaseworkerChange(tx, scope.organisationId, ids);
    await this.events.record(
      tx,
      changed.map((c) => ({
        organisationId: scope.organisationId,
        watchId: c.id,
        type: 'caseworkers_changed' as const,
        actorId,
        reason: request.reason?.trim() || null,
        details: {
          from: { primaryCaseworkerId: c.old_primary, backupCaseworkerId: c.old_backup },
          to: { primaryCaseworkerId: c.new_primary, backupCaseworkerId: c.new_backup },
        },
      })),
    );
    if (changed.length > 0)
      await this.digests.ensure(tx, scope.organisationId, [request.toCaseworkerId], now);
    return new Set(ids);
  }
}
