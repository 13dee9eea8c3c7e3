import { Injectable } from '@nestjs/common';
import { OPEN_WATCH_STATUSES, type CaseloadBalance, type CaseloadRow } from '@waakvlam/contracts';
import { DataSource } from 'typeorm';
import type { TenantScope } from '../../core/database/tenant-scope.model';
import { OrganisationCalendars } from '../organisations/organisation-calendars.service';
import { calendarWeek } from './caseload-week.util';

interface BalanceRow {
  id: string;
  display_name: string;
  reactivation_capacity: number | null;
  primary_watches: number;
  backup_watches: number;
  due_this_week: number;
  overdue: number;
  open_reactivations: number;
  absence_starts_on: string | null;
  absence_ends_on: string | null;
}

/**
 * The caseload balance: per active caseworker her watches, check-ins due and overdue, open reactivations and
 * absence. Two queries whatever the number of caseworkers: the organisation's calendar, then one statement that
 * aggregates each table once per organisation (grouped by caseworker) and joins the groups to the caseworkers.
 */
@Injectable()
export class CaseloadBalanceService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly calendars: OrganisationCalendars,
  ) {}

  async balance(scope: TenantScope, now = new Date()): Promise<CaseloadBalance> {
    const today = (await this.calendars.forOrganisation(scope.organisationId)).today(now);
    const week = calendarWeek(today);
    const rows: BalanceRow[] = await this.dataSource.query(
      `WITH open_watches AS (
         SELECT primary_caseworker_id, backup_caseworker_id FROM watches
         WHERE organisation_id = $1 AND status = ANY($5::text[])
       ), prim AS (
         SELECT primary_caseworker_id AS id, count(*)::int AS n FROM open_watches GROUP BY 1
       ), back AS (
         SELECT backup_caseworker_id AS id, count(*)::int AS n FROM open_watches
         WHERE backup_caseworker_id IS NOT NULL GROUP BY 1
       ), due AS (
         SELECT caseworker_id AS id,
                count(*) FILTER (WHERE due_date >= $3::date)::int AS week,
                count(*) FILTER (WHERE due_date < $2::date)::int AS overdue
         FROM check_ins
         WHERE organisation_id = $1 AND status = 'planned' AND due_date <= $4::date
         GROUP BY 1
       ), reactivations AS (
         SELECT assignee_id AS id, count(*)::int AS n FROM reactivation_requests
         WHERE organisation_id = $1 AND assignee_id IS NOT NULL AND status IN ('open', 'accepted', 'contacted')
         GROUP BY 1
       ), absence AS (
         -- The earliest-starting absence not over yet: the one covering today when there is one, else the next.
         SELECT DISTINCT ON (user_id) user_id AS id, starts_on::text AS starts_on, ends_on::text AS ends_on
         FROM user_absences
         WHERE organisation_id = $1 AND ends_on >= $2::date
         ORDER BY user_id, starts_on, ends_on DESC
       )
       SELECT u.id, u.display_name, u.reactivation_capacity,
              coalesce(prim.n, 0) AS primary_watches, coalesce(back.n, 0) AS backup_watches,
              coalesce(due.week, 0) AS due_this_week, coalesce(due.overdue, 0) AS overdue,
              coalesce(reactivations.n, 0) AS open_reactivations,
              absence.starts_on AS absence_starts_on, absence.ends_on AS absence_ends_on
       FROM users u
       LEFT JOIN prim ON prim.id = u.id
       LEFT JOIN back ON back.id = u.id
       LEFT JOIN due ON due.id = u.id
       LEFT JOIN reactivations ON reactivations.id = u.id
       LEFT JOIN absence ON absence.id = u.id
       WHERE u.organisation_id = $1 AND u.role = 'caseworker' AND u.active
       ORDER BY u.display_name, u.id`,
      [scope.organisationId, today, week.startsOn, week.endsOn, OPEN_WATCH_STATUSES],
    );
    return {
      today,
      weekStartsOn: week.startsOn,
      weekEndsOn: week.endsOn,
      caseworkers: rows.map((r): CaseloadRow => {
        const absence =
          r.absence_starts_on && r.absence_ends_on
            ? { startsOn: r.absence_starts_on, endsOn: r.absence_ends_on }
            : null;
        return {
          caseworker: { id: r.id, displayName: r.display_name },
          primaryWatches: r.primary_watches,
          backupWatches: r.backup_watches,
          dueThisWeek: r.due_this_week,
          overdue: r.overdue,
          openReactivations: r.open_reactivations,
          reactivationCapacity: r.reactivation_capacity,
          absentToday: absence !== null && absence.startsOn <= today,
          absence,
        };
      }),
    };
  }
}
