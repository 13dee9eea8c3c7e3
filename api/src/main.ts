import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { AppConfig } from './core/config/app.config';
import { ConfigError } from './core/config/config.error';
import { createHttpApp } from './core/http/http-app.factory';
import { closeOnSignals } from './core/lifecycle/graceful-shutdown.util';
import { startWorkerProcess } from './worker-process.bootstrap';

/** HTTP entry point. With WAAKVLAM_ROLES=api,worker (the default) it also runs the queue workers. */
async function main(): Promise<void> {
  const config = AppConfig.fromEnv(process.env);
  if (!config.hasRole('api')) {
    await startWorkerProcess(config);
    return;
  }
  const app = await createHttpApp(config);
  closeOnSignals(app, config.shutdownTimeoutMs, (m) => console.log(m));
  await app.listen({ port: config.port, host: config.host });
  const { port } = app.getHttpServer().address() as AddressInfo;
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
  console.log(`Waakvlam (${config.roles.join(' + ')}) listens on ${url}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
