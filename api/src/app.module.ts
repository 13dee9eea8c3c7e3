import { type DynamicModule, Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { AuthModule } from './core/auth/auth.module';
import { AppConfig } from './core/config/app.config';
import { ConfigModule } from './core/config/config.module';
import { DatabaseModule } from './core/database/database.module';
import { HealthModule } from './core/health/health.module';
import { LoggingModule } from './core/logging/logging.module';
import { MailModule } from './core/mail/mail.module';
import { MetricsModule } from './core/metrics/metrics.module';
import { IdempotencyModule } from './core/http/idempotency.module';
import { QueueModule } from './core/queue/queue.module';
import { QueueBoardModule } from './core/queue-board/queue-board.module';
import { WorkerModule } from './core/queue/worker.module';
import { CaseloadModule } from './modules/caseload/caseload.module';
import { CheckInsModule } from './modules/check-ins/check-ins.module';
import { ClientsModule } from './modules/clients/clients.module';
import { DashboardModule } from './modules/dashboard/dashboard.module';
import { AuditLogModule } from './modules/audit/audit-log.module';
import { DemoModule } from './modules/demo/demo.module';
import { PrivacyModule } from './modules/privacy/privacy.module';
import { NotificationsModule } from './modules/notifications/notifications.module';
import { ReactivationsModule } from './modules/reactivations/reactivations.module';
import { RemindersModule } from './modules/reminders/reminders.module';
import { SchedulingModule } from './modules/scheduling/scheduling.module';
import { SelfCheckInModule } from './modules/self-check-in/self-check-in.module';
import { OrganisationsModule } from './modules/organisations/organisations.module';
import { PartnerKeysModule } from './modules/partner-keys/partner-keys.module';
import { SignalsModule } from './modules/signals/signals.module';
import { UserAbsencesModule } from './modules/users/user-absences.module';
import { UsersModule } from './modules/users/users.module';
import { WatchesModule } from './modules/watches/watches.module';

/** The whole service. The config's roles decide whether this process also runs the queue workers. */
@Module({})
export class AppModule {
  static forConfig(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule,
        ScheduleModule.forRoot(),
        DatabaseModule,
        QueueModule,
        IdempotencyModule,
        MailModule,
        AuthModule,
        HealthModule,
        UsersModule,
        UserAbsencesModule,
        OrganisationsModule,
        ClientsModule,
        WatchesModule,
        CheckInsModule,
        NotificationsModule,
        SchedulingModule,
        RemindersModule,
        SelfCheckInModule,
        ReactivationsModule,
        PartnerKeysModule,
        SignalsModule,
        CaseloadModule,
        DashboardModule,
        AuditLogModule,
        DemoModule,
        PrivacyModule,
        // HTTP only: /metrics and Bull Board (a worker-only process serves no HTTP).
        ...(config.hasRole('api') ? [MetricsModule, QueueBoardModule] : []),
        ...(config.hasRole('worker') ? [WorkerModule] : []),
      ],
    };
  }
}
