import { Global, Inject, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app.config';
import { applicationRoleProblems } from './application-role.util';
import { createDataSource, createMigrationDataSource } from './data-source.factory';
import { runPendingMigrations } from './migration-runner.util';

const logger = new Logger('Database');

/** Runs the pending migrations as the owner role (DATABASE_MIGRATION_URL), on connections of their own. */
async function migrate(config: AppConfig): Promise<void> {
  const owner = createMigrationDataSource(config, `waakvlam-migrate-${config.roles.join('+')}`);
  await owner.initialize();
  try {
    const ran = await runPendingMigrations(owner);
    if (ran.length > 0) logger.log(`Ran migrations: ${ran.join(', ')}`);
  } finally {
    await owner.destroy();
  }
}

@Global()
@Module({
  providers: [
    {
      provide: DataSource,
      inject: [AppConfig],
      useFactory: async (config: AppConfig): Promise<DataSource> => {
        if (config.migrateOnStart) await migrate(config);
        const dataSource = createDataSource(config, `waakvlam-${config.roles.join('+')}`);
        await dataSource.initialize();
        const problems = await applicationRoleProblems(dataSource);
        if (problems.length > 0) {
          const message =
            `Row-level security does not hold for DATABASE_URL: ${problems.join('; ')}. Connect as a role ` +
            'that is a member of waakvlam_app (docs/security.md) and migrate with DATABASE_MIGRATION_URL.';
          if (config.isProduction) {
            await dataSource.destroy();
            throw new Error(message);
          }
          logger.warn(message);
        }
        return dataSource;
      },
    },
  ],
  exports: [DataSource],
})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}
