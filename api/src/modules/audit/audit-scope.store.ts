import { AsyncLocalStorage } from 'node:async_hooks';

/** What one audited request has gathered so far. */
export interface AuditScopeState {
  /** Set once an event for the request is written (by the interceptor, or by the handler itself: an export). */
  recorded: boolean;
  /** Clients a handler or service names for the event (beyond those in its answer). */
  readonly clientIds: Set<string>;
  /** Check-ins whose clients the event concerns (looked up in the event's INSERT). */
  readonly checkInIds: Set<string>;
  /** The organisation, on a route without a session (the self check-in link), once the service knows it. */
  organisationId: string | null;
}

const SCOPE = Symbol.for('waakvlam.auditScope');
type WithScope = { [SCOPE]?: AuditScopeState };

/**
 * The audit state of the current request (AsyncLocalStorage), opened by the AuditInterceptor around an audited
 * handler. A service that knows more than the answer shows (the client behind a self check-in link) adds it here;
 * `AuditService.record` marks the request recorded, so a handler that records itself is not recorded twice.
 */
export class AuditScope {
  private static readonly storage = new AsyncLocalStorage<AuditScopeState>();

  /** Opens the state of a request and remembers it on the request (the refusal hook looks there). */
  static open(request: object): AuditScopeState {
    const state: AuditScopeState = {
      recorded: false,
      clientIds: new Set(),
      checkInIds: new Set(),
      organisationId: null,
    };
    (request as WithScope)[SCOPE] = state;
    return state;
  }

  /** The state the interceptor opened on this request, if it ran. */
  static of(request: object): AuditScopeState | null {
    return (request as WithScope)[SCOPE] ?? null;
  }

  static run<T>(state: AuditScopeState, fn: () => T): T {
    return this.storage.run(state, fn);
  }

  static current(): AuditScopeState | null {
    return this.storage.getStore() ?? null;
  }

  /** Names clients (and, without a session, the organisation) the current request's event concerns. */
  static identify(organisationId: string | null, clientIds: Iterable<string | null | undefined>): void {
    const state = this.current();
    if (!state) return;
    if (organisationId) state.organisationId = organisationId;
    for (const id of clientIds) if (id) state.clientIds.add(id);
  }

  /** The same for a check-in (the resident's link): its client is looked up when the event is written. */
  static identifyCheckIn(organisationId: string, checkInId: string): void {
    const state = this.current();
    if (!state) return;
    state.organisationId = organisationId;
    state.checkInIds.add(checkInId);
  }

  static markRecorded(): void {
    const state = this.current();
    if (state) state.recorded = true;
  }
}
