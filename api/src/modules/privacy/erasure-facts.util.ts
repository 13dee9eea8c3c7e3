import type { WatchStatus } from '@waakvlam/contracts';
import type { EntityManager } from 'typeorm';
import type { ErasureFacts } from './erasure-rules.util';

export interface ClientErasureFacts extends ErasureFacts {
  clientId: string;
  organisationId: string;
}

interface FactsRow {
  id: string;
  organisation_id: string;
  anonymised_at: Date | null;
  updated_at: Date;
  care_years: number;
  watches: Array<{ status: WatchStatus; ended_at: string | null; reopen_period_months: number }>;
  open_reactivations: number;
  open_signals: number;
}

/**
 * What the erasure rules need for each client, in one statement: the client, its organisation's care-file retention
 * (or the service's default), its watches, and its open requests and signals.
 */
export async function loadErasureFacts(
  manager: EntityManager,
  clientIds: readonly string[],
  defaultCareFileRetentionYears: number,
): Promise<ClientErasureFacts[]> {
  if (clientIds.length === 0) return [];
  const rows: FactsRow[] = await manager.query(
    `SELECT c.id, c.organisation_id, c.anonymised_at, c.updated_at,
            coalesce(o.care_file_retention_years, $2)::int AS care_years,
            coalesce((SELECT jsonb_agg(jsonb_build_object('status', w.status, 'ended_at', w.ended_at,
                        'reopen_period_months', w.reopen_period_months))
                      FROM watches w WHERE w.client_id = c.id), '[]'::jsonb) AS watches,
            (SELECT count(*)::int FROM reactivation_requests r JOIN watches w ON w.id = r.watch_id
             WHERE w.client_id = c.id AND r.status IN ('open', 'accepted', 'contacted')) AS open_reactivations,
            (SELECT count(*)::int FROM signals s WHERE s.client_id = c.id AND s.status <> 'handled') AS open_signals
     FROM clients c JOIN organisations o ON o.id = c.organisation_id
     WHERE c.id = ANY($1::uuid[])
     ORDER BY c.id`,
    [clientIds, defaultCareFileRetentionYears],
  );
  return rows.map((r) => ({
    clientId: r.id,
    organisationId: r.organisation_id,
    anonymisedAt: r.anonymised_at,
    updatedAt: r.updated_at,
    careFileRetentionYears: r.care_years,
    watches: r.watches.map((w) => ({
      status: w.status,
      endedAt: w.ended_at ? new Date(w.ended_at) : null,
      reopenPeriodMonths: w.reopen_period_months,
    })),
    openReactivations: r.open_reactivations,
    openSignals: r.open_signals,
  }));
}
