import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ClientAnonymiser } from './client-anonymiser.service';
import { ClientDataExportService } from './client-data-export.service';
import { ClientErasureService } from './client-erasure.service';
import { ClientPrivacyController } from './client-privacy.controller';
import { ClientRetentionProcessor } from './client-retention.processor';
import { ClientRetentionService } from './client-retention.service';
import { PrivacySettingsController } from './privacy-settings.controller';
import { PrivacySettingsService } from './privacy-settings.service';

/**
 * Residents' rights under the AVG: the export of everything about a client (art. 15), erasure by anonymisation
 * (art. 17) with its refusal rules, the organisation's care-file retention, and the daily retention job.
 */
@Module({
  imports: [AuditModule],
  controllers: [ClientPrivacyController, PrivacySettingsController],
  providers: [
    ClientAnonymiser,
    ClientDataExportService,
    ClientErasureService,
    ClientRetentionService,
    ClientRetentionProcessor,
    PrivacySettingsService,
  ],
})
export class PrivacyModule {}
