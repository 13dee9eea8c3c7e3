import 'reflect-metadata';
import { AppConfig } from './core/config/app.config';
import { ConfigError } from './core/config/config.error';
import { startWorkerProcess } from './worker-process.bootstrap';

/** Worker entry point: queue processors and job schedulers, whatever WAAKVLAM_ROLES says. */
async function worker(): Promise<void> {
  const config = AppConfig.fromEnv({ ...process.env, WAAKVLAM_ROLES: 'worker' });
  await startWorkerProcess(config);
}

worker().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
