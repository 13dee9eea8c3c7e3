import { Injectable } from '@nestjs/common';
import {
  SIGNAL_CATEGORIES,
  SIGNAL_STATUSES,
  type SignalCategory,
  type SignalMetrics,
  type SignalStatus,
} from '@waakvlam/contracts';
import { DataSource } from 'typeorm';
import type { TenantScope } from '../../core/database/tenant-scope.model';
import { fieldProblem } from '../clients/field-problem.util';
import { OrganisationCalendars } from '../organisations/organisation-calendars.service';

/** The default period: the last 30 days, today included. */
const DEFAULT_DAYS = 30;
/** A period longer than this is refused (400). */
const MAX_DAYS = 731;

const dayMs = 86_400_000;
const addDays = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * dayMs).toISOString().slice(0, 10);

/**
 * For the dashboard: how fast partners hear back (time from a signal's receipt to its first feedback, median and
 * 90th percentile), and the signals of a period per category and status. One range scan of the organisation's
 * signals by receipt time.
 */
@Injectable()
export class SignalMetricsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly calendars: OrganisationCalendars,
  ) {}

  async metrics(
    scope: TenantScope,
    query: { from?: string; to?: string },
    now: Date,
  ): Promise<SignalMetrics> {
    const calendar = await this.calendars.forOrganisation(scope.organisationId);
    const to = query.to ?? calendar.today(now);
    const from = query.from ?? addDays(to, -(DEFAULT_DAYS - 1));
    if (from > to) throw fieldProblem('from', 'must not be after to');
    if (Date.parse(to) - Date.parse(from) > MAX_DAYS * dayMs)
      throw fieldProblem('from', `spans at most ${MAX_DAYS} days`);
    const start = calendar.instantAt(from, '00:00');
    const end = calendar.instantAt(addDays(to, 1), '00:00');

    const [totals]: Array<{
      received: number;
      with_feedback: number;
      median: number | null;
      p90: number | null;
    }> = await this.dataSource.query(
      `SELECT count(*)::int AS received, count(first_feedback_at)::int AS with_feedback,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM first_feedback_at - received_at))
                FILTER (WHERE first_feedback_at IS NOT NULL) AS median,
              percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM first_feedback_at - received_at))
                FILTER (WHERE first_feedback_at IS NOT NULL) AS p90
       FROM signals WHERE organisation_id = $1 AND received_at >= $2 AND received_at < $3`,
      [scope.organisationId, start, end],
    );
    const groups: Array<{ category: SignalCategory; status: SignalStatus; n: number }> =
      await this.dataSource.query(
        `SELECT category, status, count(*)::int AS n
       FROM signals WHERE organisation_id = $1 AND received_at >= $2 AND received_at < $3
       GROUP BY category, status`,
        [scope.organisationId, start, end],
      );
    const byCategory = Object.fromEntries(SIGNAL_CATEGORIES.map((c) => [c, 0])) as Record<
      SignalCategory,
      number
    >;
    const byStatus = Object.fromEntries(SIGNAL_STATUSES.map((s) => [s, 0])) as Record<SignalStatus, number>;
    for (const g of groups) {
      byCategory[g.category] += g.n;
      byStatus[g.status] += g.n;
    }
    const seconds = (v: number | null): number | null => (v === null ? null : Math.round(Number(v)));
    return {
      from,
      to,
      received: totals.received,
      firstFeedback: {
        count: totals.with_feedback,
        medianSeconds: seconds(totals.median),
        p90Seconds: seconds(totals.p90),
      },
      awaitingFeedback: totals.received - totals.with_feedback,
      byCategory,
      byStatus,
    };
  }
}
