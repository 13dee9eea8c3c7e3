import { Module } from '@nestjs/common';
import { IdempotencyModule } from '../../core/http/idempotency.module';
import { AuditModule } from '../audit/audit.module';
import { CheckInsModule } from '../check-ins/check-ins.module';
import { ClientsModule } from '../clients/clients.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { OrganisationsModule } from '../organisations/organisations.module';
import { RemindersModule } from '../reminders/reminders.module';
import { WatchesModule } from '../watches/watches.module';
import { ReactivationAssignmentsService } from './reactivation-assignments.service';
import { ReactivationCreationService } from './reactivation-creation.service';
import { ReactivationMetricsService } from './reactivation-metrics.service';
import { ReactivationNotifyProcessor } from './reactivation-notify.processor';
import { ReactivationQueriesService } from './reactivation-queries.service';
import { ReactivationRequestsModule } from './reactivation-requests.module';
import { ReactivationSlaBreachProcessor } from './reactivation-sla-breach.processor';
import { ReactivationSlaHalfProcessor } from './reactivation-sla-half.processor';
import { ReactivationSlaRunner } from './reactivation-sla-runner.service';
import { ReactivationTransitionsService } from './reactivation-transitions.service';
import { ReactivationWatchEffects } from './reactivation-watch-effects.service';
import { ReactivationsController } from './reactivations.controller';

/**
 * Reactivation requests: `/api/reactivations`, the lifecycle (accept sets the watch reactivated, back_to_watch
 * steps it down with a fresh plan), assignment by coordinators, the SLA timers' processors, the urgent queue's
 * e-mail processor and the metrics. Owns reactivation_requests and reactivation_reasons; opening a request is
 * ReactivationRequestsModule's, which other modules import.
 */
@Module({
  imports: [
    IdempotencyModule,
    AuditModule,
    ReactivationRequestsModule,
    WatchesModule,
    CheckInsModule,
    ClientsModule,
    OrganisationsModule,
    RemindersModule,
    NotificationsModule,
  ],
  controllers: [ReactivationsController],
  providers: [
    ReactivationQueriesService,
    ReactivationCreationService,
    ReactivationTransitionsService,
    ReactivationWatchEffects,
    ReactivationAssignmentsService,
    ReactivationMetricsService,
    ReactivationSlaRunner,
    ReactivationSlaHalfProcessor,
    ReactivationSlaBreachProcessor,
    ReactivationNotifyProcessor,
  ],
  exports: [ReactivationRequestsModule, ReactivationQueriesService],
})
export class ReactivationsModule {}
