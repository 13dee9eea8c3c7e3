import { Injectable } from '@nestjs/common';
import type { CheckInListDrillDown, CheckInOverviewItem, CheckInTimeliness, Page } from '@waakvlam/contracts';
import { DataSource } from 'typeorm';
import { organisationTimeZoneSql } from '../../core/database/sql-where.util';
import type { TenantScope } from '../../core/database/tenant-scope.model';
import { checkInOverviewWhere } from './check-in-overview-filter.util';
import { CHECK_IN_SELECT, toCheckIn, type CheckInRow } from './check-in-row.util';
import { checkInTimelinessSql } from './check-in-timeliness.util';

export type CheckInOverviewRow = CheckInRow & { timeliness: CheckInTimeliness };

/** CHECK_IN_SELECT with the timeliness of each row (`$1` is the organisation). */
export const CHECK_IN_OVERVIEW_SELECT = CHECK_IN_SELECT.replace(
  'SELECT ',
  `SELECT ${checkInTimelinessSql('ci', organisationTimeZoneSql('$1'))} AS timeliness, `,
);

/** Newest due first; check_ins_org_due_idx serves it. */
export const CHECK_IN_OVERVIEW_ORDER = 'ci.due_date DESC, ci.id DESC';

/** The coordinator's overview of check-ins due in a period (the dashboard's drill-down). */
@Injectable()
export class CheckInOverviewService {
  constructor(private readonly dataSource: DataSource) {}

  async list(
    scope: TenantScope,
    query: CheckInListDrillDown & { page: number; pageSize: number },
  ): Promise<Page<CheckInOverviewItem>> {
    const where = checkInOverviewWhere(scope, query);
    const filters = where.params;
    const limit = where.param(query.pageSize);
    const offset = where.param((query.page - 1) * query.pageSize);
    // The page is chosen and counted on check_ins alone (an index scan); only its rows are joined.
    const rows: Array<CheckInOverviewRow & { total: string }> = await this.dataSource.query(
      `WITH page AS (
         SELECT ci.id, count(*) OVER () AS total FROM check_ins ci
         WHERE ${where.sql}
         ORDER BY ${CHECK_IN_OVERVIEW_ORDER}
         LIMIT ${limit} OFFSET ${offset})
       ${CHECK_IN_OVERVIEW_SELECT.replace('SELECT ', 'SELECT page.total, ')}
       JOIN page ON page.id = ci.id
       ORDER BY ${CHECK_IN_OVERVIEW_ORDER}`,
      where.params,
    );
    let total = rows.length > 0 ? Number(rows[0].total) : 0;
    if (rows.length === 0 && query.page > 1) {
      const [row]: Array<{ n: string }> = await this.dataSource.query(
        `SELECT count(*) AS n FROM check_ins ci WHERE ${where.sql}`,
        filters,
      );
      total = Number(row.n);
    }
    return {
      items: rows.map((r) => ({ ...toCheckIn(r), timeliness: r.timeliness })),
      page: query.page,
      pageSize: query.pageSize,
      total,
    };
  }
}
