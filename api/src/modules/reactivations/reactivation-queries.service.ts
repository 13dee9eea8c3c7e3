import { Injectable } from '@nestjs/common';
import type {
  Page,
  ReactivationRequest,
  ReactivationListSort,
  ReactivationRequestDetail,
} from '@waakvlam/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import type { TenantScope } from '../../core/database/tenant-scope.model';
import { CheckInsService } from '../check-ins/check-ins.service';
import { ClientsService } from '../clients/clients.service';
import { WatchEventsService } from '../watches/watch-events.service';
import { WatchesService } from '../watches/watches.service';
import {
  REACTIVATION_SELECT,
  type ReactivationReasonRow,
  type ReactivationRow,
  caseworkerRequestFilter,
  toReactivation,
  toReactivationReason,
} from './reactivation-row.util';
import { type ReactivationListFilter, reactivationListWhere } from './reactivation-list-filter.util';

/** Who reads: the organisation, their id, and for a caseworker their id again (they see only their requests). */
export interface ReactivationReader {
  scope: TenantScope;
  userId: string;
  caseworkerId: string | null;
}

export type ReactivationListQuery = ReactivationListFilter & {
  page: number;
  pageSize: number;
  /** Default `created` (newest first). */
  sort?: ReactivationListSort;
};

/** `created`: newest first. `sla`: still waiting for the first contact first, by deadline; then newest first. */
export const REACTIVATION_ORDER_BY: Record<ReactivationListSort, string> = {
  created: `r.created_at DESC, r.id DESC`,
  sla: `(r.status IN ('open', 'accepted')) DESC,
    CASE WHEN r.status IN ('open', 'accepted') THEN r.sla_due_at END ASC, r.created_at DESC, r.id DESC`,
};

const RECENT_EVENTS = 20;
const RECENT_CHECK_INS = 10;

/**
 * Lists and reads reactivation requests. The detail carries over everything already agreed on the watch (consent,
 * agreements, signaleringsplan, recent timeline and check-ins), read through the services of their modules.
 */
@Injectable()
export class ReactivationQueriesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly watches: WatchesService,
    private readonly events: WatchEventsService,
    private readonly checkIns: CheckInsService,
    private readonly clients: ClientsService,
  ) {}

  async list(
    reader: ReactivationReader,
    query: ReactivationListQuery,
    now = new Date(),
  ): Promise<Page<ReactivationRequest>> {
    // One filter for the page, the count and the export (reactivation-list-filter.util).
    const where = reactivationListWhere(reader, query, now);
    const filters = where.params;
    const limit = where.param(query.pageSize);
    const offset = where.param((query.page - 1) * query.pageSize);
    const rows: Array<ReactivationRow & { total: string }> = await this.dataSource.query(
      `${REACTIVATION_SELECT.replace('SELECT ', 'SELECT count(*) OVER () AS total, ')}
       WHERE ${where.sql}
       ORDER BY ${REACTIVATION_ORDER_BY[query.sort ?? 'created']}
       LIMIT ${limit} OFFSET ${offset}`,
      where.params,
    );
    let total = rows.length > 0 ? Number(rows[0].total) : 0;
    if (rows.length === 0 && query.page > 1) {
      const [row]: Array<{ n: string }> = await this.dataSource.query(
        `SELECT count(*) AS n FROM reactivation_requests r JOIN watches w ON w.id = r.watch_id
         JOIN clients c ON c.id = r.client_id WHERE ${where.sql}`,
        filters,
      );
      total = Number(row.n);
    }
    return {
      items: rows.map((r) => toReactivation(r, now)),
      page: query.page,
      pageSize: query.pageSize,
      total,
    };
  }

  /** The request's row when the reader may see it; null when missing, of another organisation or not theirs. */
  async row(
    reader: ReactivationReader,
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<ReactivationRow | null> {
    const rows: ReactivationRow[] = await manager.query(
      `${REACTIVATION_SELECT} WHERE r.organisation_id = $1 AND r.id = $2 AND ${caseworkerRequestFilter('$3')}`,
      [reader.scope.organisationId, id, reader.caseworkerId],
    );
    return rows[0] ?? null;
  }

  /** Null when the reader may not see the request (callers answer 404). */
  async get(
    reader: ReactivationReader,
    id: string,
    now = new Date(),
  ): Promise<ReactivationRequestDetail | null> {
    const row = await this.row(reader, id);
    if (!row) return null;
    // The reader may see the request, so the watch's context too (an assignee need not be on the watch).
    const all = { scope: reader.scope, caseworkerId: null };
    const [reasons, watch, client, events, checkIns] = await Promise.all([
      this.dataSource.query(
        `SELECT e.id, e.source, e.urgency, e.reason, e.actor_id, u.display_name AS actor_name, e.created_at
         FROM reactivation_reasons e LEFT JOIN users u ON u.id = e.actor_id
         WHERE e.organisation_id = $1 AND e.request_id = $2
         ORDER BY e.created_at, e.id`,
        [reader.scope.organisationId, id],
      ) as Promise<ReactivationReasonRow[]>,
      this.watches.get(all, row.watch_id),
      this.clients.get(all, row.client_id),
      this.events.list(reader.scope.organisationId, row.watch_id),
      this.checkIns.history(reader.scope, null, row.watch_id),
    ]);
    if (!watch || !client) return null;
    return {
      ...toReactivation(row, now),
      reasons: reasons.map(toReactivationReason),
      resolutionNote: row.resolution_note,
      cancelReason: row.cancel_reason,
      watch: {
        status: watch.status,
        primaryCaseworker: watch.primaryCaseworker,
        backupCaseworker: watch.backupCaseworker,
        agreements: watch.agreements,
        signaleringsplan: watch.signaleringsplan,
        startDate: watch.startDate,
      },
      consent: client.consent,
      recentEvents: events.slice(0, RECENT_EVENTS),
      recentCheckIns: (checkIns ?? []).slice(0, RECENT_CHECK_INS),
    };
  }
}
