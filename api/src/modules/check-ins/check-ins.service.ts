import { Injectable } from '@nestjs/common';
import type { CaseworkerView, CheckIn } from '@waakvlam/contracts';
import { DataSource } from 'typeorm';
import type { TenantScope } from '../../core/database/tenant-scope.model';
import { OrganisationCalendars } from '../organisations/organisation-calendars.service';
import { CHECK_IN_SELECT, toCheckIn, type CheckInRow } from './check-in-row.util';
import { viewDueRange } from './check-in-views.util';

/** The caseworker views of check-ins and a watch's history. */
@Injectable()
export class CheckInsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly calendars: OrganisationCalendars,
  ) {}

  /**
   * The caseworker's planned check-ins (as the watch's primary caseworker, or as its backup when one was handed
   * over to her for the primary's absence) for a view, oldest due date first:
   * one range scan of check_ins_caseworker_due_idx.
   */
  async view(
    scope: TenantScope,
    caseworkerId: string,
    view: CaseworkerView,
    now = new Date(),
  ): Promise<CheckIn[]> {
    const calendar = await this.calendars.forOrganisation(scope.organisationId);
    const range = viewDueRange(view, calendar.today(now));
    const rows: CheckInRow[] = await this.dataSource.query(
      `${CHECK_IN_SELECT}
       WHERE ci.organisation_id = $1 AND ci.caseworker_id = $2 AND ci.status = 'planned'
         AND ($3::date IS NULL OR ci.due_date >= $3::date) AND ($4::date IS NULL OR ci.due_date <= $4::date)
       ORDER BY ci.due_date, c.name, ci.id
       LIMIT 1000`,
      [scope.organisationId, caseworkerId, range.from, range.to],
    );
    return rows.map(toCheckIn);
  }

  /** Every check-in of a watch, newest first. Null when the reader may not see the watch. */
  async history(scope: TenantScope, caseworkerId: string | null, watchId: string): Promise<CheckIn[] | null> {
    const watch: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM watches w WHERE w.organisation_id = $1 AND w.id = $2
         AND ($3::uuid IS NULL OR w.primary_caseworker_id = $3::uuid OR w.backup_caseworker_id = $3::uuid)`,
      [scope.organisationId, watchId, caseworkerId],
    );
    if (watch.length === 0) return null;
    const rows: CheckInRow[] = await this.dataSource.query(
      `${CHECK_IN_SELECT}
       WHERE ci.organisation_id = $1 AND ci.watch_id = $2
       ORDER BY ci.due_date DESC, ci.created_at DESC
       LIMIT 1000`,
      [scope.organisationId, watchId],
    );
    return rows.map(toCheckIn);
  }

  async get(scope: TenantScope, id: string): Promise<CheckIn | null> {
    const rows: CheckInRow[] = await this.dataSource.query(
      `${CHECK_IN_SELECT} WHERE ci.organisation_id = $1 AND ci.id = $2`,
      [scope.organisationId, id],
    );
    return rows[0] ? toCheckIn(rows[0]) : null;
  }
}
