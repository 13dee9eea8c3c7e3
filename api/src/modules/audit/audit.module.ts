import { Module } from '@nestjs/common';
import { AuditService } from './audit.service';
import { AuditedCsvExport } from './audited-csv-export.service';

/**
 * The audit log: `AuditService.record` writes audit_events rows; `AuditedCsvExport` streams a list as CSV and
 * records the export. Import it where an action must be audited.
 */
@Module({
  providers: [AuditService, AuditedCsvExport],
  exports: [AuditService, AuditedCsvExport],
})
export class AuditModule {}
