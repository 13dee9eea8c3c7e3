import { Injectable } from '@nestjs/common';
import { MIN_WORKING_DAY_MINUTES, type OrganisationSettings } from '@waakvlam/contracts';
import { DataSource } from 'typeorm';
import type { TenantScope } from '../../core/database/tenant-scope.model';
import { updateReturning } from '../../core/database/update-returning.util';
import { fieldProblem } from '../clients/field-problem.util';

/** A change of the settings: only the fields given change. */
export interface OrganisationSettingsChange {
  extraDaysOff?: readonly string[];
  /** Empty (after trimming) or null: discreet mode off. */
  discreetSenderName?: string | null;
  clientNamesInEmail?: boolean;
  slaUrgentWorkingHours?: number;
  slaNormalWorkingHours?: number;
  /** `HH:mm`; with the end (given or stored) a working day of at least MIN_WORKING_DAY_MINUTES. */
  workingHoursStart?: string;
  workingHoursEnd?: string;
}

interface SettingsRow {
  time_zone: string;
  extra_days_off: string[];
  discreet_sender_name: string | null;
  client_names_in_email: boolean;
  sla_urgent_working_hours: number;
  sla_normal_working_hours: number;
  working_hours_start: string;
  working_hours_end: string;
}

const COLUMNS = `time_zone, extra_days_off::text[] AS extra_days_off, discreet_sender_name, client_names_in_email,
  sla_urgent_working_hours, sla_normal_working_hours, working_hours_start, working_hours_end`;

/**
 * The organisation's planning and e-mail settings. Calendars and e-mails read them from the database each time, so
 * changes apply at once (to check-ins planned and e-mails written from then on).
 */
@Injectable()
export class OrganisationSettingsService {
  constructor(private readonly dataSource: DataSource) {}

  async get(scope: TenantScope): Promise<OrganisationSettings> {
    const [row]: SettingsRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM organisations WHERE id = $1`,
      [scope.organisationId],
    );
    return toSettings(row);
  }

  /**
   * Applies the fields given: extra days off deduplicated and sorted, the sender name trimmed (empty: null). A new
   * start or end of the working day must leave, with the other one as sent or stored, a working day of at least an
   * hour (400 naming the field sent; nothing changes). SLA settings apply to requests opened from now on.
   */
  async update(scope: TenantScope, change: OrganisationSettingsChange): Promise<OrganisationSettings> {
    const senderName =
      change.discreetSenderName === undefined ? undefined : change.discreetSenderName?.trim() || null;
    const start = change.workingHoursStart ?? null;
    const end = change.workingHoursEnd ?? null;
    const [row] = await updateReturning<SettingsRow>(
      this.dataSource.manager,
      `UPDATE organisations
       SET extra_days_off = CASE WHEN $2::date[] IS NULL THEN extra_days_off
                                 ELSE ARRAY(SELECT DISTINCT d FROM unnest($2::date[]) AS d ORDER BY d) END,
           discreet_sender_name = CASE WHEN $3::boolean THEN $4::text ELSE discreet_sender_name END,
           client_names_in_email = coalesce($5::boolean, client_names_in_email),
           sla_urgent_working_hours = coalesce($6::integer, sla_urgent_working_hours),
           sla_normal_working_hours = coalesce($7::integer, sla_normal_working_hours),
           working_hours_start = coalesce($8::text, working_hours_start),
           working_hours_end = coalesce($9::text, working_hours_end)
       WHERE id = $1
         AND (($8::text IS NULL AND $9::text IS NULL)
              OR coalesce($9::text, working_hours_end)::time - coalesce($8::text, working_hours_start)::time
                 >= make_interval(mins => $10::integer))
       RETURNING ${COLUMNS}`,
      [
        scope.organisationId,
        change.extraDaysOff ?? null,
        senderName !== undefined,
        senderName ?? null,
        change.clientNamesInEmail ?? null,
        change.slaUrgentWorkingHours ?? null,
        change.slaNormalWorkingHours ?? null,
        start,
        end,
        MIN_WORKING_DAY_MINUTES,
      ],
    );
    if (!row) {
      throw fieldProblem(
        end !== null ? 'workingHoursEnd' : 'workingHoursStart',
        end !== null
          ? 'must be at least an hour after workingHoursStart'
          : 'must be at least an hour before workingHoursEnd',
      );
    }
    return toSettings(row);
  }
}

function toSettings(row: SettingsRow): OrganisationSettings {
  return {
    timeZone: row.time_zone,
    extraDaysOff: row.extra_days_off,
    discreetSenderName: row.discreet_sender_name,
    clientNamesInEmail: row.client_names_in_email,
    slaUrgentWorkingHours: row.sla_urgent_working_hours,
    slaNormalWorkingHours: row.sla_normal_working_hours,
    workingHoursStart: row.working_hours_start,
    workingHoursEnd: row.working_hours_end,
  };
}
