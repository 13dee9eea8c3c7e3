import 'reflect-metadata';
import { AppConfig, ConfigError } from './core/config/app-config';
import { startWorkerProcess } from './worker-process';

/** Worker entry point: queue processors and job schedulers, whatever WAAKVLAM_ROLES says. */
async function worker(): Promise<void> {
  const config = AppConfig.fromEnv({ ...process.env, WAAKVLAM_ROLES: 'worker' });
  await startWorkerProcess(config);
}

worker().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
