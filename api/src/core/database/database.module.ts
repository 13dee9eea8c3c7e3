import { Global, Logger, Module, type OnApplicationShutdown, Inject } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app.config';
import { createDataSource } from './data-source.factory';
import { runPendingMigrations } from './migration-runner.util';

@Global()
@Module({
  providers: [
    {
      provide: DataSource,
      inject: [AppConfig],
      useFactory: async (config: AppConfig): Promise<DataSource> => {
        const dataSource = createDataSource(config, `waakvlam-${config.roles.join('+')}`);
        await dataSource.initialize();
        if (config.migrateOnStart) {
          const ran = await runPendingMigrations(dataSource);
          if (ran.length > 0) new Logger('Database').log(`Ran migrations: ${ran.join(', ')}`);
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
