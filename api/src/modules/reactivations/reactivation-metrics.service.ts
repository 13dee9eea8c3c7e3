import { Injectable } from '@nestjs/common';
import { REACTIVATION_SOURCES, type ReactivationMetrics, type ReactivationSource } from '@waakvlam/contracts';
import { DataSource } from 'typeorm';
import type { TenantScope } from '../../core/database/tenant-scope.model';

interface MetricsRow {
  requests: number;
  accepted: number;
  accepted_median: number | null;
  accepted_p90: number | null;
  contacted: number;
  contacted_median: number | null;
  contacted_p90: number | null;
  sla_breached: number;
  per_source: Partial<Record<ReactivationSource, number>> | null;
}

/**
 * The dashboard's reactivation numbers for requests created in a period [from, to): how long from the request to
 * acceptance and to the first contact (median and 90th percentile, in seconds of wall-clock time), requests per
 * source, and SLA breaches. One range scan of reactivation_requests_org_created_idx.
 */
@Injectable()
export class ReactivationMetricsService {
  constructor(private readonly dataSource: DataSource) {}

  async forPeriod(scope: TenantScope, from: Date, to: Date, now = new Date()): Promise<ReactivationMetrics> {
    const [row]: MetricsRow[] = await this.dataSource.query(
      `WITH period AS (
         SELECT * FROM reactivation_requests
         WHERE organisation_id = $1 AND created_at >= $2 AND created_at < $3
       )
       SELECT
         (SELECT count(*)::int FROM period) AS requests,
         count(accepted_at)::int AS accepted,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM accepted_at - created_at))
           FILTER (WHERE accepted_at IS NOT NULL) AS accepted_median,
         percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM accepted_at - created_at))
           FILTER (WHERE accepted_at IS NOT NULL) AS accepted_p90,
         count(contacted_at)::int AS contacted,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM contacted_at - created_at))
           FILTER (WHERE contacted_at IS NOT NULL) AS contacted_median,
         percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM contacted_at - created_at))
           FILTER (WHERE contacted_at IS NOT NULL) AS contacted_p90,
         count(*) FILTER (WHERE contacted_at > sla_due_at
           OR (contacted_at IS NULL AND status IN ('open', 'accepted') AND sla_due_at < $4))::int AS sla_breached,
         (SELECT jsonb_object_agg(source, n) FROM (
            SELECT s.source, count(*)::int AS n FROM period p, unnest(p.sources) AS s(source) GROUP BY s.source) x
         ) AS per_source
       FROM period`,
      [scope.organisationId, from, to, now],
    );
    const perSource = Object.fromEntries(
      REACTIVATION_SOURCES.map((s) => [s, row.per_source?.[s] ?? 0]),
    ) as Record<ReactivationSource, number>;
    const seconds = (v: number | null): number | null => (v === null ? null : Math.round(Number(v)));
    return {
      from: from.toISOString(),
      to: to.toISOString(),
      requests: row.requests,
      toAccepted: {
        median: seconds(row.accepted_median),
        p90: seconds(row.accepted_p90),
        count: row.accepted,
      },
      toContacted: {
        median: seconds(row.contacted_median),
        p90: seconds(row.contacted_p90),
        count: row.contacted,
      },
      perSource,
      slaBreached: row.sla_breached,
    };
  }
}
