import { Injectable } from '@nestjs/common';
import type { PrivacySettings } from '@waakvlam/contracts';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../core/config/app.config';
import type { TenantScope } from '../../core/database/tenant-scope.model';
import { updateReturning } from '../../core/database/update-returning.util';

/**
 * The organisation's care-file retention (`organisations.care_file_retention_years`): how many years after a watch
 * ended its care file must be kept, so an erasure is refused and the retention job waits. Null: the service's
 * CARE_FILE_RETENTION_YEARS.
 */
@Injectable()
export class PrivacySettingsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  async get(scope: TenantScope): Promise<PrivacySettings> {
    const [row]: Array<{ years: number | null }> = await this.dataSource.query(
      `SELECT care_file_retention_years AS years FROM organisations WHERE id = $1`,
      [scope.organisationId],
    );
    return this.toSettings(row?.years ?? null);
  }

  async update(scope: TenantScope, years: number | null): Promise<PrivacySettings> {
    const [row] = await updateReturning<{ years: number | null }>(
      this.dataSource.manager,
      `UPDATE organisations SET care_file_retention_years = $2 WHERE id = $1
       RETURNING care_file_retention_years AS years`,
      [scope.organisationId, years],
    );
    return this.toSettings(row?.years ?? null);
  }

  private toSettings(years: number | null): PrivacySettings {
    return {
      careFileRetentionYears: years,
      effectiveCareFileRetentionYears: years ?? this.config.careFileRetentionYears,
      clientRetentionMonths: this.config.clientRetentionMonths,
    };
  }
}
