import type { INestApplicationContext } from '@nestjs/common';

/**
 * On SIGTERM or SIGINT: stop taking work, let HTTP requests and active jobs finish, close every connection,
 * then exit 0. If that takes longer than `timeoutMs`, exit 1 anyway.
 */
export function closeOnSignals(
  app: INestApplicationContext,
  timeoutMs: number,
  log: (message: string) => void,
): void {
  let closing = false;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      if (closing) return;
      closing = true;
      log(`${signal} received: finishing current work and shutting down`);
      setTimeout(() => {
        log(`Shutdown took longer than ${timeoutMs} ms; exiting anyway`);
        process.exit(1);
      }, timeoutMs).unref();
      app.close().then(
        () => {
          log('Shut down cleanly');
          process.exit(0);
        },
        (error: unknown) => {
          log(`Shutdown failed: ${String(error)}`);
          process.exit(1);
        },
      );
    });
  }
}
