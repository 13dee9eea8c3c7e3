import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import type { AppConfig } from './core/config/app.config';
import { closeOnSignals } from './core/lifecycle/graceful-shutdown.util';

/** Starts a process that runs queue processors and job schedulers only (no HTTP). */
export async function startWorkerProcess(config: AppConfig): Promise<void> {
  const app = await NestFactory.createApplicationContext(AppModule.forConfig(config), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.flushLogs();
  await app.init();
  closeOnSignals(app, config.shutdownTimeoutMs, (m) => console.log(m));
}
