import { SetMetadata, applyDecorators } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import type { AuditPurpose } from '@waakvlam/contracts';
import type { AuditAction } from './audit-event.model';
import type { AuditSubjectsOf } from './audit-subjects.util';

export const AUDIT_ROUTE_METADATA = 'waakvlam:audit-route';
export const AUDIT_EXEMPT_METADATA = 'waakvlam:audit-exempt';
/** The key of the route's spec in its Fastify route config, where the refusal hook finds it. */
export const AUDIT_ROUTE_CONFIG = 'waakvlamAudit';

/** How an audited route is recorded. */
export interface AuditRouteSpec {
  action: AuditAction;
  /** What is acted on, `<domain>.<what>`, e.g. `clients.read`. */
  resource: string;
  /** Why; default by action and caller (AuditRequestRecorder). */
  purpose?: AuditPurpose;
  /** Whose data: from the request and the answer (ids only; no extra reads). */
  subjects?: AuditSubjectsOf;
}

export interface AuditRouteOptions {
  purpose?: AuditPurpose;
  subjects?: AuditSubjectsOf;
}

/**
 * The route reads or changes client data: after the handler the AuditInterceptor writes one audit event (success,
 * or failure with the status), with the clients from `subjects`; a refusal before the handler (403 of a guard) is
 * written by the refusal hook. A unit spec fails for a route that has neither this nor `@AuditExempt`.
 */
export function Audited(
  action: AuditAction,
  resource: string,
  options: AuditRouteOptions = {},
): MethodDecorator {
  const spec: AuditRouteSpec = { action, resource, ...options };
  return applyDecorators(
    SetMetadata(AUDIT_ROUTE_METADATA, spec),
    RouteConfig({ [AUDIT_ROUTE_CONFIG]: spec }),
  );
}

export const AuditedRead = (resource: string, options?: AuditRouteOptions): MethodDecorator =>
  Audited('read', resource, options);
/** A list or search: one event per request with the clients of the rows returned. */
export const AuditedSearch = (resource: string, options?: AuditRouteOptions): MethodDecorator =>
  Audited('search', resource, options);
export const AuditedCreate = (resource: string, options?: AuditRouteOptions): MethodDecorator =>
  Audited('create', resource, options);
export const AuditedUpdate = (resource: string, options?: AuditRouteOptions): MethodDecorator =>
  Audited('update', resource, options);
export const AuditedDelete = (resource: string, options?: AuditRouteOptions): MethodDecorator =>
  Audited('delete', resource, options);
/** An export: the handler records it (AuditedCsvExport); failures before it streams are recorded here. */
export const AuditedExport = (resource: string, options?: AuditRouteOptions): MethodDecorator =>
  Audited('export', resource, { purpose: 'accountability', ...options });

/** The route (or every route of the controller) touches no client data; `reason` says why. */
export const AuditExempt = (reason: string): MethodDecorator & ClassDecorator =>
  SetMetadata(AUDIT_EXEMPT_METADATA, reason);
