import 'reflect-metadata';
import { AppConfig, ConfigError } from './core/config/app-config';
import { createHttpApp } from './core/http/http-app.factory';
import { startWorkerProcess } from './worker-process';

/** HTTP entry point. With WAAKVLAM_ROLES=api,worker (the default) it also runs the queue workers. */
async function main(): Promise<void> {
  const config = AppConfig.fromEnv(process.env);
  if (!config.hasRole('api')) {
    await startWorkerProcess(config);
    return;
  }
  const app = await createHttpApp(config);
  armShutdownTimeout(config.shutdownTimeoutMs);
  await app.listen({ port: config.port, host: config.host });
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}`;
  console.log(`Waakvlam (${config.roles.join(' + ')}) listens on ${url}`);
}

/** If graceful shutdown takes longer than allowed, leave anyway. */
export function armShutdownTimeout(ms: number): void {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => setTimeout(() => process.exit(1), ms).unref());
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
