import { Injectable } from '@nestjs/common';
import type { OrganisationSettings } from '@waakvlam/contracts';
import { DataSource } from 'typeorm';
import type { TenantScope } from '../../core/database/tenant-scope.model';
import { updateReturning } from '../../core/database/update-returning.util';

/** A change of the settings: only the fields given change. */
export interface OrganisationSettingsChange {
  extraDaysOff?: readonly string[];
  /** Empty (after trimming) or null: discreet mode off. */
  discreetSenderName?: string | null;
  clientNamesInEmail?: boolean;
}

interface SettingsRow {
  time_zone: string;
  extra_days_off: string[];
  discreet_sender_name: string | null;
  client_names_in_email: boolean;
}

const COLUMNS = `time_zone, extra_days_off::text[] AS extra_days_off, discreet_sender_name, client_names_in_email`;

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

  /** Applies the fields given: extra days off deduplicated and sorted, the sender name trimmed (empty: null). */
  async update(scope: TenantScope, change: OrganisationSettingsChange): Promise<OrganisationSettings> {
    const senderName =
      change.discreetSenderName === undefined ? undefined : change.discreetSenderName?.trim() || null;
    const [row] = await updateReturning<SettingsRow>(
      this.dataSource.manager,
      `UPDATE organisations
       SET extra_days_off = CASE WHEN $2::date[] IS NULL THEN extra_days_off
                                 ELSE ARRAY(SELECT DISTINCT d FROM unnest($2::date[]) AS d ORDER BY d) END,
           discreet_sender_name = CASE WHEN $3::boolean THEN $4::text ELSE discreet_sender_name END,
           client_names_in_email = coalesce($5::boolean, client_names_in_email)
       WHERE id = $1
       RETURNING ${COLUMNS}`,
      [
        scope.organisationId,
        change.extraDaysOff ?? null,
        senderName !== undefined,
        senderName ?? null,
        change.clientNamesInEmail ?? null,
      ],
    );
    return toSettings(row);
  }
}

function toSettings(row: SettingsRow): OrganisationSettings {
  return {
    timeZone: row.time_zone,
    extraDaysOff: row.extra_days_off,
    discreetSenderName: row.discreet_sender_name,
    clientNamesInEmail: row.client_names_in_email,
  };
}
