import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { Observable, catchError, concatMap, from, throwError } from 'rxjs';
import { AUDIT_ROUTE_METADATA, type AuditRouteSpec } from './audit-route.decorator';
import { AuditScope } from './audit-scope.store';
import { AuditRequestRecorder } from './audit-request-recorder.service';

/**
 * Around every route marked `@Audited…`: runs the handler in an AuditScope, then writes one audit event with the
 * clients of its answer (success) or the status of its error (failure: 404 on another's client, 400, 409), before
 * the answer goes out. No event, no answer: when the audit log cannot be written the request fails.
 */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly recorder: AuditRequestRecorder,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const spec = this.reflector.get<AuditRouteSpec | undefined>(AUDIT_ROUTE_METADATA, context.getHandler());
    if (!spec) return next.handle();
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const scope = AuditScope.open(request);
    return new Observable((subscriber) =>
      AuditScope.run(scope, () =>
        next
          .handle()
          .pipe(
            concatMap(async (result: unknown) => {
              await this.recorder.record(spec, request, scope, { result });
              return result;
            }),
            catchError((error: unknown) =>
              from(this.recorder.record(spec, request, scope, { error })).pipe(
                concatMap(() => throwError(() => error)),
              ),
            ),
          )
          .subscribe(subscriber),
      ),
    );
  }
}
