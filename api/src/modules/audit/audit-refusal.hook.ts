import { Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AUDIT_ROUTE_CONFIG, type AuditRouteSpec } from './audit-route.decorator';
import { AuditRequestRecorder } from './audit-request-recorder.service';
import { AuditScope } from './audit-scope.store';

/**
 * Records refusals that happen before an audited route's handler (and so before the AuditInterceptor): a role the
 * route does not allow (403), a missing CSRF token. Runs before the answer is sent; a request without a session
 * or key (401) names no organisation and is not logged here.
 */
export function attachAuditRefusals(app: NestFastifyApplication): void {
  const recorder = app.get(AuditRequestRecorder);
  const logger = new Logger('AuditRefusals');
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onSend', async (request, reply, payload) => {
      const config = request.routeOptions.config as unknown as Record<string, unknown> | undefined;
      const spec = config?.[AUDIT_ROUTE_CONFIG] as AuditRouteSpec | undefined;
      if (spec && reply.statusCode >= 400 && !AuditScope.of(request)) {
        await recorder.record(spec, request, null, { status: reply.statusCode }).catch((error: unknown) => {
          logger.error(`Could not audit a refusal of ${spec.resource}: ${(error as Error).message}`);
        });
      }
      return payload;
    });
}
