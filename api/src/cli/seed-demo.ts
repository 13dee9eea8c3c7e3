import 'reflect-metadata';
import { TenantContext } from '../core/database/tenant-context.store';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../app.module';
import { AppConfig } from '../core/config/app.config';
import { ConfigError } from '../core/config/config.error';
import { DEMO_USERS, DemoSeedService } from '../modules/demo/demo-seed.service';

/** `npm run seed:demo`: recreates the demo organisation and its accounts (never in production). */
async function seedDemo(): Promise<void> {
  // The HTTP role's modules without listening, and no seeding on bootstrap: this process seeds explicitly.
  const config = AppConfig.fromEnv({
    ...process.env,
    WAAKVLAM_ROLES: 'api',
    SEED_DEMO: 'false',
    LOG_LEVEL: 'warn',
  });
  if (config.isProduction) throw new Error('Demo data is never seeded in production.');
  const app = await NestFactory.createApplicationContext(AppModule.forConfig(config), {
    logger: ['error', 'warn'],
  });
  try {
    await TenantContext.asSystem('demo seed', () => app.get(DemoSeedService).seed({ recreate: true }));
    console.log(`Demo organisation recreated. Accounts: ${DEMO_USERS.map((u) => u.email).join(', ')}`);
    console.log('Their password is the value of DEMO_PASSWORD (default: waakvlam-demo-2026).');
  } finally {
    await app.close();
  }
}

seedDemo().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
