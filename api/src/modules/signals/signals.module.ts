import { Module } from '@nestjs/common';
import { IdempotencyModule } from '../../core/http/idempotency.module';
import { AuditModule } from '../audit/audit.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { OrganisationsModule } from '../organisations/organisations.module';
import { ReactivationRequestsModule } from '../reactivations/reactivation-requests.module';
import { ClientPartnerReferencesController } from './client-partner-references.controller';
import { ClientPartnerReferencesService } from './client-partner-references.service';
import { PartnerSignalViews } from './partner-signal-views.service';
import { SignalFeedbackDueProcessor } from './signal-feedback-due.processor';
import { SignalFeedbackService } from './signal-feedback.service';
import { SignalIntakeService } from './signal-intake.service';
import { SignalMetricsService } from './signal-metrics.service';
import { SignalNudgesService } from './signal-nudges.service';
import { SignalTriageService } from './signal-triage.service';
import { SignalViews } from './signal-views.service';
import { SignalsController } from './signals.controller';

/**
 * Partner signals (owns `signals`, `signal_feedback`, `client_partner_references`): intake from partner users and
 * partner systems (API keys: PartnerKeysModule), triage by coordinators, feedback to the partner, the nudge when
 * feedback is late, and the metrics. Needs the global SchedulingModule (TimersService). The templates are read at
 * start-up.
 */
@Module({
  imports: [
    IdempotencyModule,
    AuditModule,
    NotificationsModule,
    OrganisationsModule,
    ReactivationRequestsModule,
  ],
  controllers: [SignalsController, ClientPartnerReferencesController],
  providers: [
    ClientPartnerReferencesService,
    SignalIntakeService,
    SignalFeedbackService,
    SignalTriageService,
    SignalViews,
    PartnerSignalViews,
    SignalMetricsService,
    SignalNudgesService,
    SignalFeedbackDueProcessor,
  ],
  exports: [SignalMetricsService],
})
export class SignalsModule {}
