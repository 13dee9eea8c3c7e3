import { Injectable } from '@nestjs/common';
import type { OrganisationSettings } from '@waakvlam/contracts';
import { DataSource } from 'typeorm';
import type { TenantScope } from '../../core/database/tenant-scope.model';
import { updateReturning } from '../../core/database/update-returning.util';

/** The organisation's planning settings. Calendars read them from the database each time, so changes apply at once. */
@Injectable()
export class OrganisationSettingsService {
  constructor(private readonly dataSource: DataSource) {}

  async get(scope: TenantScope): Promise<OrganisationSettings> {
    const [row]: Array<{ time_zone: string; extra_days_off: string[] }> = await this.dataSource.query(
      `SELECT time_zone, extra_days_off::text[] AS extra_days_off FROM organisations WHERE id = $1`,
      [scope.organisationId],
    );
    return { timeZone: row.time_zone, extraDaysOff: row.extra_days_off };
  }

  /** Replaces the extra days off (deduplicated, sorted). Future check-ins already planned keep their dates. */
  async setExtraDaysOff(scope: TenantScope, days: readonly string[]): Promise<OrganisationSettings> {
    const [row] = await updateReturning<{ time_zone: string; extra_days_off: string[] }>(
      this.dataSource.manager,
      `UPDATE organisations
       SET extra_days_off = ARRAY(SELECT DISTINCT d FROM unnest($2::date[]) AS d ORDER BY d)
       WHERE id = $1
       RETURNING time_zone, extra_days_off::text[] AS extra_days_off`,
      [scope.organisationId, days],
    );
    return { timeZone: row.time_zone, extraDaysOff: row.extra_days_off };
  }
}
