import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Whose data the current unit of work may touch: one organisation (a signed-in request), the system (a job across
 * organisations, a look-up before the organisation is known), or nobody yet.
 */
export type TenantContextValue =
  | { readonly kind: 'organisation'; readonly organisationId: string }
  | { readonly kind: 'system'; readonly reason: string };

/** The holder of one request's or job's context; a request's starts empty and is filled in once signed in. */
export interface TenantContextStore {
  value: TenantContextValue | null;
}

/**
 * The tenant context of the current async call chain (AsyncLocalStorage). Every transaction the application opens
 * sets it in PostgreSQL (`SET LOCAL`), where row-level security uses it: a query without a context sees no rows.
 */
export class TenantContext {
  private static readonly storage = new AsyncLocalStorage<TenantContextStore>();
  private static fallback: TenantContextValue | null = null;

  /**
   * The context now, or null when there is none. Inside a request or job that is its own context; outside any (a
   * test calling a service directly) the fallback, which is none unless a test harness set one.
   */
  static current(): TenantContextValue | null {
    const store = this.storage.getStore();
    return store ? store.value : this.fallback;
  }

  /** The context of work outside any request or job. Only test harnesses set one; production has none. */
  static setFallback(value: TenantContextValue | null): void {
    this.fallback = value;
  }

  /** Runs `fn` in a new, empty store (a request: filled in by the session guard once it knows the user). */
  static runEmpty<T>(fn: () => T): T {
    return this.storage.run({ value: null }, fn);
  }

  /** Fills in the store of the current request (see runEmpty); false when there is no store to fill. */
  static enter(value: TenantContextValue): boolean {
    const store = this.storage.getStore();
    if (!store) return false;
    store.value = value;
    return true;
  }

  /** Runs `fn` for one organisation. */
  static forOrganisation<T>(organisationId: string, fn: () => T): T {
    return this.storage.run({ value: { kind: 'organisation', organisationId } }, fn);
  }

  /**
   * Runs `fn` across organisations: jobs that serve every organisation, and look-ups by a secret (session token,
   * API key, check-in link, e-mail address at sign-in) before the organisation is known. `reason` says which.
   */
  static asSystem<T>(reason: string, fn: () => T): T {
    return this.storage.run({ value: { kind: 'system', reason } }, fn);
  }
}
