import { Injectable } from '@nestjs/common';
import type {
  Page,
  PartnerKind,
  Signal,
  SignalCandidate,
  SignalCategory,
  SignalFeedback,
  SignalStatus,
  SignalTriageDecision,
  WatchStatusRef,
} from '@waakvlam/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import type { TenantScope } from '../../core/database/tenant-scope.model';
import { type SignalListFilter, signalListWhere } from './signal-list-filter.util';

export interface SignalRow {
  id: string;
  category: SignalCategory;
  observed_on: string;
  description: string;
  partner_id: string;
  partner_name: string;
  partner_kind: PartnerKind;
  reported_by_user_id: string | null;
  reported_by_name: string | null;
  reported_via_key_id: string | null;
  key_name: string | null;
  client_reference: string | null;
  postcode: string | null;
  house_number: string | null;
  house_number_addition: string | null;
  client_id: string | null;
  client_ref: string | null;
  client_name: string | null;
  open_watch_id: string | null;
  open_watch_status: WatchStatusRef | null;
  status: SignalStatus;
  triage_decision: SignalTriageDecision | null;
  triage_reason: string | null;
  watch_id: string | null;
  reactivation_request_id: string | null;
  triaged_by: string | null;
  triaged_by_name: string | null;
  received_at: Date;
  triaged_at: Date | null;
  handled_at: Date | null;
  first_feedback_at: Date | null;
  updated_at: Date;
}

export const SIGNAL_COLUMNS = `s.id, s.category, s.observed_on::text AS observed_on, s.description,
  p.id AS partner_id, p.name AS partner_name, p.kind AS partner_kind,
  s.reported_by_user_id, ru.display_name AS reported_by_name, s.reported_via_key_id, k.name AS key_name,
  s.client_reference, s.postcode, s.house_number, s.house_number_addition,
  s.client_id, c.reference AS client_ref, c.name AS client_name, ow.id AS open_watch_id,
  ow.status AS open_watch_status, s.status, s.triage_decision, s.triage_reason, s.watch_id, s.reactivation_request_id,
  s.triaged_by, tu.display_name AS triaged_by_name,
  s.received_at, s.triaged_at, s.handled_at, s.first_feedback_at, s.updated_at`;
export const SIGNAL_FROM = `signals s
  JOIN partner_organisations p ON p.id = s.partner_organisation_id
  LEFT JOIN users ru ON ru.id = s.reported_by_user_id
  LEFT JOIN partner_api_keys k ON k.id = s.reported_via_key_id
  LEFT JOIN clients c ON c.id = s.client_id
  LEFT JOIN watches ow ON ow.client_id = s.client_id AND ow.organisation_id = s.organisation_id
    AND ow.status <> 'ended'
  LEFT JOIN users tu ON tu.id = s.triaged_by`;

/** Newest first. */
export const SIGNAL_ORDER = 's.received_at DESC, s.id DESC';

const iso = (d: Date | null): string | null => d?.toISOString() ?? null;

/**
 * The internal view of signals, for coordinators and admins: with the matched client and their open watch (to link
 * at triage). Partners read through PartnerSignalViews, which has none of this.
 */
@Injectable()
export class SignalViews {
  constructor(private readonly dataSource: DataSource) {}

  async list(
    scope: TenantScope,
    query: SignalListFilter & { page: number; pageSize: number },
  ): Promise<Page<Signal>> {
    // One filter for the page, the count and the export (signal-list-filter.util).
    const where = signalListWhere(scope.organisationId, null, query);
    const filters = where.params;
    const limit = where.param(query.pageSize);
    const offset = where.param((query.page - 1) * query.pageSize);
    const rows: SignalRow[] = await this.dataSource.query(
      `SELECT ${SIGNAL_COLUMNS} FROM ${SIGNAL_FROM} WHERE ${where.sql}
       ORDER BY ${SIGNAL_ORDER} LIMIT ${limit} OFFSET ${offset}`,
      where.params,
    );
    const [{ total }]: Array<{ total: number }> = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM signals s WHERE ${where.sql}`,
      filters,
    );
    return {
      items: await this.withFeedback(this.dataSource.manager, rows),
      page: query.page,
      pageSize: query.pageSize,
      total,
    };
  }

  /** Null when there is no such signal in the organisation. */
  async get(
    scope: TenantScope,
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Signal | null> {
    const rows: SignalRow[] = await manager.query(
      `SELECT ${SIGNAL_COLUMNS} FROM ${SIGNAL_FROM} WHERE s.organisation_id = $1 AND s.id = $2`,
      [scope.organisationId, id],
    );
    const [signal] = await this.withFeedback(manager, rows);
    return signal ?? null;
  }

  /**
   * The organisation's clients at an address signal's address: the exact house number and addition first, then
   * the same number with another addition. Empty for a signal about a client reference; null when there is no such
   * signal.
   */
  async candidates(scope: TenantScope, id: string): Promise<SignalCandidate[] | null> {
    const [signal]: Array<{ postcode: string | null; house_number: string | null; full: string | null }> =
      await this.dataSource.query(
        `SELECT postcode, house_number, house_number || coalesce(house_number_addition, '') AS full
         FROM signals WHERE organisation_id = $1 AND id = $2`,
        [scope.organisationId, id],
      );
    if (!signal) return null;
    if (!signal.postcode || !signal.house_number) return [];
    const rows: Array<{
      id: string;
      reference: string;
      name: string;
      postcode: string;
      house_number: string;
      exact: boolean;
      watch_id: string | null;
      watch_status: 'active' | 'paused' | 'lapsed' | 'reactivated' | null;
    }> = await this.dataSource.query(
      `SELECT c.id, c.reference, c.name, c.postcode, c.house_number,
              lower(regexp_replace(c.house_number, '[\\s-]', '', 'g')) = $4 AS exact,
              w.id AS watch_id, w.status AS watch_status
       FROM clients c
       LEFT JOIN watches w ON w.client_id = c.id AND w.status <> 'ended'
       WHERE c.organisation_id = $1 AND c.postcode = $2 AND substring(c.house_number from '^\\s*(\\d+)') = $3
       ORDER BY exact DESC, c.house_number, c.name, c.id
       LIMIT 50`,
      [scope.organisationId, signal.postcode, signal.house_number, signal.full],
    );
    return rows.map((r) => ({
      clientId: r.id,
      reference: r.reference,
      name: r.name,
      postcode: r.postcode,
      houseNumber: r.house_number,
      exactMatch: r.exact,
      openWatch: r.watch_id && r.watch_status ? { id: r.watch_id, status: r.watch_status } : null,
    }));
  }

  private async withFeedback(manager: EntityManager, rows: SignalRow[]): Promise<Signal[]> {
    if (rows.length === 0) return [];
    const feedback: Array<{
      id: string;
      signal_id: string;
      status: SignalStatus;
      text: string;
      created_by: string;
      created_by_name: string;
      created_at: Date;
    }> = await manager.query(
      `SELECT f.id, f.signal_id, f.status, f.text, f.created_by, u.display_name AS created_by_name, f.created_at
       FROM signal_feedback f JOIN users u ON u.id = f.created_by
       WHERE f.signal_id = ANY($1::uuid[]) ORDER BY f.created_at, f.id`,
      [rows.map((r) => r.id)],
    );
    const bySignal = new Map<string, SignalFeedback[]>();
    for (const f of feedback) {
      const list = bySignal.get(f.signal_id) ?? [];
      list.push({
        id: f.id,
        status: f.status,
        text: f.text,
        createdAt: f.created_at.toISOString(),
        createdBy: { id: f.created_by, displayName: f.created_by_name },
      });
      bySignal.set(f.signal_id, list);
    }
    return rows.map((r) => toSignal(r, bySignal.get(r.id) ?? []));
  }
}

function toSignal(r: SignalRow, feedback: SignalFeedback[]): Signal {
  return {
    id: r.id,
    category: r.category,
    observedOn: r.observed_on,
    description: r.description,
    partnerOrganisation: { id: r.partner_id, name: r.partner_name, kind: r.partner_kind },
    reportedBy:
      r.reported_by_user_id !== null
        ? { id: r.reported_by_user_id, displayName: r.reported_by_name ?? '' }
        : null,
    reportedVia:
      r.reported_via_key_id !== null ? { id: r.reported_via_key_id, name: r.key_name ?? '' } : null,
    clientReference: r.client_reference,
    address:
      r.postcode && r.house_number
        ? { postcode: r.postcode, houseNumber: r.house_number, houseNumberAddition: r.house_number_addition }
        : null,
    client:
      r.client_id && r.client_ref !== null && r.client_name !== null
        ? {
            id: r.client_id,
            reference: r.client_ref,
            name: r.client_name,
            // A client has at most one watch that has not ended (watches_one_open_per_client).
            openWatch:
              r.open_watch_id && r.open_watch_status
                ? { id: r.open_watch_id, status: r.open_watch_status }
                : null,
          }
        : null,
    status: r.status,
    triage:
      r.triage_decision && r.triage_reason !== null && r.triaged_by
        ? {
            decision: r.triage_decision,
            reason: r.triage_reason,
            watchId: r.watch_id,
            reactivationRequestId: r.reactivation_request_id,
            triagedBy: { id: r.triaged_by, displayName: r.triaged_by_name ?? '' },
          }
        : null,
    receivedAt: r.received_at.toISOString(),
    triagedAt: iso(r.triaged_at),
    handledAt: iso(r.handled_at),
    firstFeedbackAt: iso(r.first_feedback_at),
    updatedAt: r.updated_at.toISOString(),
    feedback,
  };
}
