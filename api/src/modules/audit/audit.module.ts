import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { AuditInterceptor } from './audit.interceptor';
import { AuditRequestRecorder } from './audit-request-recorder.service';
import { AuditRetentionProcessor } from './audit-retention.processor';
import { AuditRetentionService } from './audit-retention.service';
import { AuditService } from './audit.service';
import { AuditedCsvExport } from './audited-csv-export.service';

/**
 * The audit log: `AuditService.record` writes audit_events rows; `AuditedCsvExport` streams a list as CSV and
 * records the export; the AuditInterceptor records every route marked `@Audited…`; the retention job purges
 * events past their retention. Import it where an action must be audited.
 */
@Module({
  providers: [
    AuditService,
    AuditedCsvExport,
    AuditRequestRecorder,
    AuditRetentionService,
    AuditRetentionProcessor,
    { provide: APP_INTERCEPTOR, useClass: AuditInterceptor },
  ],
  exports: [AuditService, AuditedCsvExport, AuditRequestRecorder],
})
export class AuditModule {}
