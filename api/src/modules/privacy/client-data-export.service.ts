import { Injectable } from '@nestjs/common';
import type { ClientDataExport, ExportRecord } from '@waakvlam/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import type { TenantScope } from '../../core/database/tenant-scope.model';
import type { AuditEventInput } from '../audit/audit-event.model';
import { AuditService } from '../audit/audit.service';
import { notificationIdsFor, relatedIds, timerSubjects } from './client-related-rows.util';
import { exportRecord, groupBy, splitRecord } from './export-record.util';

/** Stored columns the export leaves out, and why. */
export const OMITTED_FIELDS: ClientDataExport['omitted'] = [
  {
    field: 'checkInTokens.tokenHash',
    reason: 'The hash of a self check-in link: a secret, says nothing about you',
  },
  { field: 'notifications.linkSecret', reason: 'The secret of a self check-in link, kept only until sent' },
  {
    field: 'auditTrail.ip',
    reason: "The staff member's network address: about the staff member, not about you",
  },
  {
    field: 'auditTrail.userAgent',
    reason: "The staff member's browser: about the staff member, not about you",
  },
];

/** The signal's columns about the organisation's own handling; the rest is what the partner reported and sees. */
const SIGNAL_INTERNAL = [
  'clientId',
  'triageDecision',
  'triageReason',
  'triagedBy',
  'triagedByName',
  'triagedAt',
  'watchId',
  'reactivationRequestId',
  'handledBy',
  'handledByName',
  'handledAt',
];

/** Tries of the REPEATABLE READ snapshot when a concurrent audited request moved the audit chain (40001). */
const SNAPSHOT_ATTEMPTS = 8;

const rowsOf = (rows: Array<{ row: Record<string, unknown> }>): ExportRecord[] =>
  rows.map((r) => exportRecord(r.row));

/**
 * Everything Waakvlam stores about one client (AVG art. 15). Each section is the stored rows column by column
 * (`to_jsonb`), so a column added later is exported without a change here; only secrets and staff data are left
 * out (OMITTED_FIELDS). Staff appear by display name. One consistent snapshot (REPEATABLE READ), and the export's
 * own audit event is written in it first, so the audit trail in the export includes the export itself.
 */
@Injectable()
export class ClientDataExportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Null when there is no such client in the organisation. */
  async export(
    scope: TenantScope,
    clientId: string,
    event: Omit<AuditEventInput, 'organisationId' | 'clientIds' | 'action' | 'resource'>,
    now = new Date(),
  ): Promise<ClientDataExport | null> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.snapshot(scope, clientId, event, now);
      } catch (error) {
        // The export's audit event locks the organisation's audit chain head, which another audited request may
        // have moved since this snapshot began: PostgreSQL refuses that (40001) and a new snapshot succeeds.
        if (attempt >= SNAPSHOT_ATTEMPTS || (error as { code?: unknown }).code !== '40001') throw error;
        // A little jitter, so that concurrent exports of one organisation do not collide again in step.
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
      }
    }
  }

  private snapshot(
    scope: TenantScope,
    clientId: string,
    event: Omit<AuditEventInput, 'organisationId' | 'clientIds' | 'action' | 'resource'>,
    now: Date,
  ): Promise<ClientDataExport | null> {
    return this.dataSource.transaction('REPEATABLE READ', async (tx) => {
      const [client]: Array<{ row: Record<string, unknown>; organisation_name: string }> = await tx.query(
        `SELECT to_jsonb(c) || jsonb_build_object('consent_recorded_by_name', u.display_name) AS row,
                o.name AS organisation_name
         FROM clients c JOIN organisations o ON o.id = c.organisation_id
         LEFT JOIN users u ON u.id = c.consent_recorded_by
         WHERE c.organisation_id = $1 AND c.id = $2`,
        [scope.organisationId, clientId],
      );
      if (!client) return null;
      await this.audit.record(
        {
          ...event,
          organisationId: scope.organisationId,
          action: 'export',
          resource: 'clients.data-export',
          purpose: 'accountability',
          clientIds: [clientId],
          details: { format: 'waakvlam-client-data-export', version: 1 },
        },
        tx,
      );
      return {
        format: 'waakvlam-client-data-export',
        version: 1,
        exportedAt: now.toISOString(),
        organisation: { id: scope.organisationId, name: client.organisation_name },
        client: exportRecord(client.row),
        ...(await this.sections(tx, scope, clientId)),
        omitted: OMITTED_FIELDS,
      };
    });
  }

  private async sections(
    tx: EntityManager,
    scope: TenantScope,
    clientId: string,
  ): Promise<
    Omit<ClientDataExport, 'format' | 'version' | 'exportedAt' | 'organisation' | 'client' | 'omitted'>
  > {
    const ids = await relatedIds(tx, [clientId]);
    const org = scope.organisationId;
    const q = async (sql: string, params: unknown[]): Promise<ExportRecord[]> =>
      rowsOf(await tx.query(sql, params));
    const partnerName = (alias: string): string =>
      `(SELECT p.name FROM partner_organisations p WHERE p.id = ${alias}.partner_organisation_id)`;
    const userName = (column: string): string =>
      `(SELECT u.display_name FROM users u WHERE u.id = ${column})`;

    const partnerConsents = await q(
      `SELECT to_jsonb(x) || jsonb_build_object('partner_name', ${partnerName('x')}) AS row
       FROM client_partner_consents x WHERE x.organisation_id = $1 AND x.client_id = $2 ORDER BY x.created_at`,
      [org, clientId],
    );
    const partnerReferences = await q(
      `SELECT to_jsonb(x) || jsonb_build_object('partner_name', ${partnerName('x')}) AS row
       FROM client_partner_references x WHERE x.organisation_id = $1 AND x.client_id = $2 ORDER BY x.created_at`,
      [org, clientId],
    );
    const watches = await q(
      `SELECT to_jsonb(w) || jsonb_build_object('primary_caseworker_name', ${userName('w.primary_caseworker_id')},
                'backup_caseworker_name', ${userName('w.backup_caseworker_id')}) AS row
       FROM watches w WHERE w.organisation_id = $1 AND w.id = ANY($2::uuid[]) ORDER BY w.created_at, w.id`,
      [org, ids.watchIds],
    );
    const events = groupBy(
      await q(
        `SELECT to_jsonb(e) || jsonb_build_object('actor_name', ${userName('e.actor_id')}) AS row
         FROM watch_events e WHERE e.organisation_id = $1 AND e.watch_id = ANY($2::uuid[]) ORDER BY e.at, e.seq`,
        [org, ids.watchIds],
      ),
      'watchId',
    );
    const tokens = groupBy(
      await q(
        `SELECT to_jsonb(t) - 'token_hash' AS row
         FROM check_in_tokens t WHERE t.organisation_id = $1 AND t.check_in_id = ANY($2::uuid[])
         ORDER BY t.created_at`,
        [org, ids.checkInIds],
      ),
      'checkInId',
    );
    const checkIns = groupBy(
      (
        await q(
          `SELECT to_jsonb(x) || jsonb_build_object('caseworker_name', ${userName('x.caseworker_id')},
                    'completed_by_name', ${userName('x.completed_by')},
                    'handed_over_from_name', ${userName('x.handed_over_from')}) AS row
           FROM check_ins x WHERE x.organisation_id = $1 AND x.id = ANY($2::uuid[]) ORDER BY x.due_date, x.id`,
          [org, ids.checkInIds],
        )
      ).map((c) => ({ ...c, tokens: tokens.get(String(c['id'])) ?? [] })),
      'watchId',
    );
    const reasons = groupBy(
      await q(
        `SELECT to_jsonb(x) || jsonb_build_object('actor_name', ${userName('x.actor_id')}) AS row
         FROM reactivation_reasons x WHERE x.organisation_id = $1 AND x.request_id = ANY($2::uuid[])
         ORDER BY x.created_at`,
        [org, ids.requestIds],
      ),
      'requestId',
    );
    const reactivations = await q(
      `SELECT to_jsonb(r) || jsonb_build_object('assignee_name', ${userName('r.assignee_id')},
                'created_by_name', ${userName('r.created_by')}, 'accepted_by_name', ${userName('r.accepted_by')}) AS row
       FROM reactivation_requests r WHERE r.organisation_id = $1 AND r.id = ANY($2::uuid[]) ORDER BY r.created_at`,
      [org, ids.requestIds],
    );
    const feedback = groupBy(
      await q(
        `SELECT to_jsonb(f) || jsonb_build_object('created_by_name', ${userName('f.created_by')}) AS row
         FROM signal_feedback f WHERE f.organisation_id = $1 AND f.signal_id = ANY($2::uuid[]) ORDER BY f.created_at`,
        [org, ids.signalIds],
      ),
      'signalId',
    );
    const signals = await q(
      `SELECT to_jsonb(s) || jsonb_build_object('partner_name', ${partnerName('s')},
                'reported_by_name', ${userName('s.reported_by_user_id')},
                'triaged_by_name', ${userName('s.triaged_by')}, 'handled_by_name', ${userName('s.handled_by')}) AS row
       FROM signals s WHERE s.organisation_id = $1 AND s.id = ANY($2::uuid[]) ORDER BY s.received_at`,
      [org, ids.signalIds],
    );
    const notifications = await q(
      `SELECT to_jsonb(n) - 'link_secret' AS row
       FROM notifications n WHERE n.organisation_id = $1 AND n.id = ANY($2::uuid[]) ORDER BY n.created_at, n.id`,
      [org, await notificationIdsFor(tx, ids)],
    );
    const plannedTimers = await q(
      `SELECT to_jsonb(t) AS row FROM timers t
       WHERE t.organisation_id = $1 AND t.subject_id = ANY($2::uuid[]) AND t.state IN ('pending', 'claimed')
       ORDER BY t.fire_at`,
      [org, timerSubjects(ids)],
    );
    const auditTrail = await q(
      `SELECT (to_jsonb(a) - 'ip' - 'user_agent') || jsonb_build_object('user_name', ${userName('a.user_id')}) AS row
       FROM audit_events a WHERE a.organisation_id = $1 AND a.client_ids @> ARRAY[$2::uuid]
       ORDER BY a.occurred_at, a.id`,
      [org, clientId],
    );

    return {
      partnerConsents,
      partnerReferences,
      watches: watches.map((w) => ({
        ...w,
        events: events.get(String(w['id'])) ?? [],
        checkIns: (checkIns.get(String(w['id'])) ?? []) as ClientDataExport['watches'][number]['checkIns'],
      })),
      reactivations: reactivations.map((r) => ({ ...r, reasons: reasons.get(String(r['id'])) ?? [] })),
      signals: signals.map((s) => {
        const { picked, rest } = splitRecord(s, SIGNAL_INTERNAL);
        return { partnerFacing: rest, internal: picked, feedback: feedback.get(String(s['id'])) ?? [] };
      }),
      notifications,
      plannedTimers,
      auditTrail,
    };
  }
}
