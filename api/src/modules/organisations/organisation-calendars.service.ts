import { Injectable } from '@nestjs/common';
import { WorkingCalendar } from '@waakvlam/schedule';
import { DataSource, type EntityManager } from 'typeorm';

/** The WorkingCalendar of an organisation: its time zone and extra days off, Dutch public holidays. */
@Injectable()
export class OrganisationCalendars {
  /** Calendars are pure and immutable: one per distinct configuration for the process. */
  private readonly cache = new Map<string, WorkingCalendar>();

  constructor(private readonly dataSource: DataSource) {}

  async forOrganisation(
    organisationId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<WorkingCalendar> {
    const [row]: Array<{ time_zone: string; extra_days_off: string[] }> = await manager.query(
      `SELECT time_zone, extra_days_off::text[] AS extra_days_off FROM organisations WHERE id = $1`,
      [organisationId],
    );
    if (!row) throw new Error(`Organisation ${organisationId} does not exist`);
    return this.calendar(row.time_zone, row.extra_days_off);
  }

  calendar(timeZone: string, extraDaysOff: readonly string[]): WorkingCalendar {
    const key = `${timeZone}|${[...extraDaysOff].sort().join(',')}`;
    let calendar = this.cache.get(key);
    if (!calendar) {
      calendar = new WorkingCalendar({ timeZone, extraDaysOff });
      if (this.cache.size > 1000) this.cache.clear();
      this.cache.set(key, calendar);
    }
    return calendar;
  }
}
