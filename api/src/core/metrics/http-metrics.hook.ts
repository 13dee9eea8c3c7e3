import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { httpRequestLabels } from './http-route-label.util';
import { MetricsRegistry } from './metrics-registry.service';

/** Times every response of the app (Nest routes and Fastify plugins alike) into the latency histogram. */
export function attachHttpMetrics(app: NestFastifyApplication): void {
  const metrics = app.get(MetricsRegistry);
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onResponse', async (request, reply) => {
      const labels = httpRequestLabels(request.method, request.routeOptions.url, reply.statusCode);
      metrics.observeRequest(labels, reply.elapsedTime / 1000);
    });
}
