import { Injectable } from '@nestjs/common';
import type {
  Page,
  PartnerSignal,
  PartnerSignalFeedback,
  SignalCategory,
  SignalStatus,
} from '@waakvlam/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { type SignalListFilter, signalListWhere } from './signal-list-filter.util';

/** Who reads: the partner organisation, within its organisation. Made only from a partner principal. */
export interface PartnerScope {
  organisationId: string;
  partnerOrganisationId: string;
}

/** Exactly the columns a partner may see: what it reported, the status and the times. */
interface PartnerSignalRow {
  id: string;
  category: SignalCategory;
  observed_on: string;
  description: string;
  client_reference: string | null;
  postcode: string | null;
  house_number: string | null;
  house_number_addition: string | null;
  status: SignalStatus;
  received_at: Date;
  updated_at: Date;
}

const PARTNER_COLUMNS = `s.id, s.category, s.observed_on::text AS observed_on, s.description, s.client_reference,
  s.postcode, s.house_number, s.house_number_addition, s.status, s.received_at, s.updated_at`;

/**
 * The partner-facing view of signals: its own queries, selecting only what the partner may see, so no internal
 * field (client, watch, triage reason, staff names) can reach a partner. A signal of another partner organisation
 * is not found.
 */
@Injectable()
export class PartnerSignalViews {
  constructor(private readonly dataSource: DataSource) {}

  async list(
    scope: PartnerScope,
    query: SignalListFilter & { page: number; pageSize: number },
  ): Promise<Page<PartnerSignal>> {
    // The staff list's filter, held to the partner's own signals.
    const where = signalListWhere(scope.organisationId, scope.partnerOrganisationId, query);
    const params = where.params;
    const limit = where.param(query.pageSize);
    const offset = where.param((query.page - 1) * query.pageSize);
    const filter = where.sql;
    const rows: PartnerSignalRow[] = await this.dataSource.query(
      `SELECT ${PARTNER_COLUMNS} FROM signals s WHERE ${filter}
       ORDER BY s.received_at DESC, s.id DESC LIMIT ${limit} OFFSET ${offset}`,
      where.params,
    );
    const [{ total }]: Array<{ total: number }> = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM signals s WHERE ${filter}`,
      params,
    );
    return {
      items: await this.withFeedback(this.dataSource.manager, rows),
      page: query.page,
      pageSize: query.pageSize,
      total,
    };
  }

  /** Null when there is no such signal of this partner organisation. */
  async get(
    scope: PartnerScope,
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<PartnerSignal | null> {
    const rows: PartnerSignalRow[] = await manager.query(
      `SELECT ${PARTNER_COLUMNS} FROM signals s
       WHERE s.organisation_id = $1 AND s.partner_organisation_id = $2 AND s.id = $3`,
      [scope.organisationId, scope.partnerOrganisationId, id],
    );
    const [signal] = await this.withFeedback(manager, rows);
    return signal ?? null;
  }

  private async withFeedback(manager: EntityManager, rows: PartnerSignalRow[]): Promise<PartnerSignal[]> {
    if (rows.length === 0) return [];
    const feedback: Array<{ signal_id: string; status: SignalStatus; text: string; created_at: Date }> =
      await manager.query(
        `SELECT signal_id, status, text, created_at FROM signal_feedback
         WHERE signal_id = ANY($1::uuid[]) ORDER BY created_at, id`,
        [rows.map((r) => r.id)],
      );
    const bySignal = new Map<string, PartnerSignalFeedback[]>();
    for (const f of feedback) {
      const list = bySignal.get(f.signal_id) ?? [];
      list.push({ status: f.status, text: f.text, createdAt: f.created_at.toISOString() });
      bySignal.set(f.signal_id, list);
    }
    return rows.map((r) => ({
      id: r.id,
      category: r.category,
      observedOn: r.observed_on,
      description: r.description,
      clientReference: r.client_reference,
      address:
        r.postcode && r.house_number
          ? {
              postcode: r.postcode,
              houseNumber: r.house_number,
              houseNumberAddition: r.house_number_addition,
            }
          : null,
      status: r.status,
      receivedAt: r.received_at.toISOString(),
      updatedAt: r.updated_at.toISOString(),
      feedback: bySignal.get(r.id) ?? [],
    }));
  }
}
