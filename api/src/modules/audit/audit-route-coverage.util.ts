import type { DynamicModule, ForwardReference, Type } from '@nestjs/common';
import { METHOD_METADATA, MODULE_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { AUDIT_EXEMPT_METADATA, AUDIT_ROUTE_METADATA } from './audit-route.decorator';

/**
 * Infrastructure controllers in `core/` that hold no client data (sign-in, health, metrics, the dev mailbox):
 * exempt by name, so the audit log needs no decorator in files it does not own. Every controller under
 * `modules/` declares each route itself.
 */
export const INFRASTRUCTURE_CONTROLLERS: Readonly<Record<string, string>> = {
  AuthController: 'sign-in and the session (its own sign-in log)',
  TwoFactorController: 'two-factor sign-in of staff accounts',
  PasswordController: "a user's own password",
  OidcController: 'sign-in through an identity provider',
  HealthController: 'liveness and readiness',
  MetricsController: 'Prometheus figures',
  DevMailboxController: 'the development mailbox (outside production)',
};

type Importable = Type | DynamicModule | ForwardReference | Promise<DynamicModule>;

/** Every controller class reachable from a module (static metadata, dynamic modules, forward references). */
export function controllersOf(root: Importable): Type[] {
  const seen = new Set<unknown>();
  const controllers = new Set<Type>();
  const visit = (entry: Importable | undefined): void => {
    if (!entry || entry instanceof Promise) return;
    const forward = (entry as ForwardReference).forwardRef;
    const target = forward ? (forward() as Importable) : entry;
    if (!target || seen.has(target)) return;
    seen.add(target);
    const dynamic = (target as DynamicModule).module ? (target as DynamicModule) : null;
    const moduleClass = dynamic ? dynamic.module : (target as Type);
    const staticImports = (Reflect.getMetadata(MODULE_METADATA.IMPORTS, moduleClass) ?? []) as Importable[];
    const staticControllers = (Reflect.getMetadata(MODULE_METADATA.CONTROLLERS, moduleClass) ?? []) as Type[];
    for (const c of [...staticControllers, ...(dynamic?.controllers ?? [])]) controllers.add(c);
    if (dynamic && !seen.has(moduleClass)) visit(moduleClass);
    for (const i of [...staticImports, ...((dynamic?.imports ?? []) as Importable[])]) visit(i);
  };
  visit(root);
  return [...controllers];
}

/** The routes (`Class.method`) that neither declare an audit (`@Audited…`) nor an exemption (`@AuditExempt`). */
export function unauditedRoutes(controllers: readonly Type[]): string[] {
  const missing: string[] = [];
  for (const controller of controllers) {
    if (INFRASTRUCTURE_CONTROLLERS[controller.name]) continue;
    const classExempt = Reflect.getMetadata(AUDIT_EXEMPT_METADATA, controller) !== undefined;
    const proto = controller.prototype as Record<string, unknown>;
    for (const name of Object.getOwnPropertyNames(proto)) {
      const handler = Object.getOwnPropertyDescriptor(proto, name)?.value as object | undefined;
      if (typeof handler !== 'function' || name === 'constructor') continue;
      const isRoute =
        Reflect.getMetadata(PATH_METADATA, handler) !== undefined &&
        Reflect.getMetadata(METHOD_METADATA, handler) !== undefined;
      if (!isRoute || classExempt) continue;
      const declared =
        Reflect.getMetadata(AUDIT_ROUTE_METADATA, handler) !== undefined ||
        Reflect.getMetadata(AUDIT_EXEMPT_METADATA, handler) !== undefined;
      if (!declared) missing.push(`${controller.name}.${name}`);
    }
  }
  return missing;
}
