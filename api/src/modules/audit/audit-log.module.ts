import { Module } from '@nestjs/common';
import { ClientsModule } from '../clients/clients.module';
import { AuditEventsController } from './audit-events.controller';
import { AuditEventsService } from './audit-events.service';
import { AuditModule } from './audit.module';
import { ClientAccessReportController } from './client-access-report.controller';
import { ClientAccessReportService } from './client-access-report.service';

/**
 * The read side of the audit log: `GET /api/audit-events` (and its export) for coordinators and admins, and the
 * client's access report. Apart from AuditModule, which every audited module imports (ClientsModule among them).
 */
@Module({
  imports: [AuditModule, ClientsModule],
  controllers: [AuditEventsController, ClientAccessReportController],
  providers: [AuditEventsService, ClientAccessReportService],
})
export class AuditLogModule {}
