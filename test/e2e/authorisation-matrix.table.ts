import { PERSONAS, type Persona } from '../support/authorisation-fixtures';

/** One expected status per persona, in the order of PERSONAS (see the column heads above the table). */
export type Row = readonly [number, number, number, number, number, number, number, number, number, number];

/**
 * The expected answer of every OpenAPI operation to every persona. Organisation A owns the targets: the client, its
 * watch (primary: `caseworker`), its check-in, reactivation requests assigned to `caseworker`, a signal of
 * `partner`'s partner organisation, `caseworker`'s absence, an API key of that partner, a dead e-mail. `otherCw`
 * is a caseworker of A not on the target watch; `otherPtnr` a user of another partner organisation of A; the `...B`
 * columns are staff of organisation B acting on A's targets (a list answers B's own rows).
 *
 * 401: not signed in. 403: the role may never use the route (the same whatever the id). 404: not found, also for a
 * resource of another organisation or off a caseworker's caseload (the answer for a random id). 400/409: a
 * documented business rule (e.g. a caseworker has no two-factor: her codes are wrong).
 */
// prettier-ignore
export const AUTHORISATION_MATRIX: Readonly<Record<string, Row>> = {
  // anon: anonymous · admn: admin · crd: coordinator · cw: caseworker (primary of the target watch, assignee of its
  // requests) · cwX: other caseworker of A · ptn: partner user owning the target signal · ptnX: partner user of
  // another partner organisation of A · admB, crdB, cwB: admin, coordinator, caseworker of organisation B
  //                                                                  anon admn crd  cw   cwX  ptn  ptnX admB crdB cwB
  // Development mailbox (empty and off in production; not per organisation)
  'GET /api/dev/mailbox':                                            [401, 200, 200, 200, 200, 403, 403, 200, 200, 200],
  'DELETE /api/dev/mailbox':                                         [401, 204, 204, 204, 204, 403, 403, 204, 204, 204],
  'POST /api/dev/mailbox/test-message':                              [401, 204, 204, 403, 403, 403, 403, 204, 204, 403],
  // Sign-in, the own account, two-factor and OIDC (OIDC is off in tests: 404)
  'GET /api/auth/csrf':                                              [204, 204, 204, 204, 204, 204, 204, 204, 204, 204],
  'POST /api/auth/login':                                            [401, 200, 200, 200, 200, 200, 200, 200, 200, 200],
  'POST /api/auth/logout':                                           [204, 204, 204, 204, 204, 204, 204, 204, 204, 204],
  'GET /api/auth/me':                                                [401, 200, 200, 200, 200, 200, 200, 200, 200, 200],
  'POST /api/auth/two-factor/verify':                                [401, 401, 401, 401, 401, 401, 401, 401, 401, 401],
  'GET /api/auth/two-factor':                                        [401, 200, 200, 200, 200, 200, 200, 200, 200, 200],
  'POST /api/auth/two-factor/enrolment':                             [401, 200, 200, 403, 403, 403, 403, 200, 200, 403],
  'POST /api/auth/two-factor/enrolment/confirm':                     [401, 200, 200, 400, 400, 400, 400, 200, 200, 400],
  'POST /api/auth/two-factor/recovery-codes':                        [401, 200, 200, 400, 400, 400, 400, 200, 200, 400],
  'POST /api/auth/two-factor/disable':                               [401, 204, 204, 400, 400, 400, 400, 204, 204, 400],
  'GET /api/auth/two-factor/policy':                                 [401, 200, 403, 403, 403, 403, 403, 200, 403, 403],
  'PUT /api/auth/two-factor/policy':                                 [401, 200, 403, 403, 403, 403, 403, 200, 403, 403],
  'POST /api/auth/password':                                         [401, 200, 200, 200, 200, 200, 200, 200, 200, 200],
  'GET /api/auth/providers':                                         [200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
  'GET /api/auth/oidc/start':                                        [404, 404, 404, 404, 404, 404, 404, 404, 404, 404],
  'GET /api/auth/oidc/callback':                                     [404, 404, 404, 404, 404, 404, 404, 404, 404, 404],
  // Health (public)
  'GET /api/health/live':                                            [200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
  'GET /api/health/ready':                                           [200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
  // Accounts and absences
  'GET /api/users':                                                  [401, 200, 200, 403, 403, 403, 403, 200, 200, 403],
  'GET /api/users/{id}':                                             [401, 200, 200, 403, 403, 403, 403, 404, 404, 403],
  'PATCH /api/users/{id}':                                           [401, 200, 200, 403, 403, 403, 403, 404, 404, 403],
  'POST /api/users/{id}/deactivate':                                 [401, 200, 403, 403, 403, 403, 403, 404, 403, 403],
  'POST /api/users/{id}/activate':                                   [401, 200, 403, 403, 403, 403, 403, 404, 403, 403],
  'GET /api/users/{userId}/absences':                                [401, 200, 200, 200, 404, 403, 403, 404, 404, 404],
  'POST /api/users/{userId}/absences':                               [401, 201, 201, 201, 404, 403, 403, 404, 404, 404],
  'DELETE /api/users/{userId}/absences/{absenceId}':                 [401, 204, 204, 204, 404, 403, 403, 404, 404, 404],
  // Partner organisations
  'GET /api/partner-organisations':                                  [401, 200, 200, 200, 200, 403, 403, 200, 200, 200],
  // The organisation's settings
  'GET /api/organisation/settings':                                  [401, 200, 200, 200, 200, 403, 403, 200, 200, 200],
  'PUT /api/organisation/settings':                                  [401, 200, 403, 403, 403, 403, 403, 200, 403, 403],
  // Clients
  'GET /api/clients':                                                [401, 200, 200, 200, 200, 403, 403, 200, 200, 200],
  'POST /api/clients':                                               [401, 201, 201, 403, 403, 403, 403, 201, 201, 403],
  'GET /api/clients/export.csv':                                     [401, 200, 200, 403, 403, 403, 403, 200, 200, 403],
  'GET /api/clients/{id}':                                           [401, 200, 200, 200, 404, 403, 403, 404, 404, 404],
  'PATCH /api/clients/{id}':                                         [401, 200, 200, 403, 403, 403, 403, 404, 404, 403],
  // Watches
  'GET /api/watches':                                                [401, 200, 200, 200, 200, 403, 403, 200, 200, 200],
  'POST /api/watches':                                               [401, 201, 201, 403, 403, 403, 403, 400, 400, 403],
  'GET /api/watches/export.csv':                                     [401, 200, 200, 403, 403, 403, 403, 200, 200, 403],
  'POST /api/watches/reassign':                                      [401, 200, 200, 403, 403, 403, 403, 400, 400, 403],
  'GET /api/watches/{id}':                                           [401, 200, 200, 200, 404, 403, 403, 404, 404, 404],
  'PATCH /api/watches/{id}':                                         [401, 200, 200, 403, 403, 403, 403, 404, 404, 403],
  'GET /api/watches/{id}/events':                                    [401, 200, 200, 200, 404, 403, 403, 404, 404, 404],
  'POST /api/watches/{id}/{action}':                                 [401, 200, 200, 403, 403, 403, 403, 404, 404, 403],
  // Check-ins
  'GET /api/check-ins/overview':                                     [401, 200, 200, 403, 403, 403, 403, 200, 200, 403],
  'GET /api/check-ins/overview/export.csv':                          [401, 200, 200, 403, 403, 403, 403, 200, 200, 403],
  'GET /api/check-ins':                                              [401, 200, 200, 200, 404, 403, 403, 404, 404, 404],
  'POST /api/check-ins/{id}/complete':                               [401, 200, 200, 200, 404, 403, 403, 404, 404, 404],
  // The outbox
  'GET /api/notifications':                                          [401, 200, 200, 403, 403, 403, 403, 200, 200, 403],
  'GET /api/notifications/export.csv':                               [401, 200, 200, 403, 403, 403, 403, 200, 200, 403],
  'POST /api/notifications/{id}/retry':                              [401, 200, 200, 403, 403, 403, 403, 404, 404, 403],
  // The client's self check-in link (public: the link is the credential)
  'GET /api/public/check-in/{token}':                                [200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
  'POST /api/public/check-in/{token}':                               [200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
  // Reactivations
  'GET /api/reactivations/metrics':                                  [401, 200, 200, 403, 403, 403, 403, 200, 200, 403],
  'GET /api/reactivations':                                          [401, 200, 200, 200, 200, 403, 403, 200, 200, 200],
  'POST /api/reactivations':                                         [401, 201, 201, 201, 404, 403, 403, 404, 404, 404],
  'GET /api/reactivations/export.csv':                               [401, 200, 200, 403, 403, 403, 403, 200, 200, 403],
  'GET /api/reactivations/{id}':                                     [401, 200, 200, 200, 404, 403, 403, 404, 404, 404],
  'POST /api/reactivations/{id}/accept':                             [401, 200, 200, 200, 404, 403, 403, 404, 404, 404],
  'POST /api/reactivations/{id}/contacted':                          [401, 200, 200, 200, 404, 403, 403, 404, 404, 404],
  'POST /api/reactivations/{id}/resolve':                            [401, 200, 200, 200, 404, 403, 403, 404, 404, 404],
  'POST /api/reactivations/{id}/cancel':                             [401, 200, 200, 200, 404, 403, 403, 404, 404, 404],
  'POST /api/reactivations/{id}/assign':                             [401, 200, 200, 403, 403, 403, 403, 400, 400, 403],
  // Partner API keys (admins only)
  'POST /api/partner-organisations/{partnerId}/api-keys':            [401, 201, 403, 403, 403, 403, 403, 404, 403, 403],
  'GET /api/partner-organisations/{partnerId}/api-keys':             [401, 200, 403, 403, 403, 403, 403, 404, 403, 403],
  'DELETE /api/partner-organisations/{partnerId}/api-keys/{keyId}':  [401, 204, 403, 403, 403, 403, 403, 404, 403, 403],
  // Signals
  'POST /api/signals':                                               [401, 403, 403, 403, 403, 201, 201, 403, 403, 403],
  'GET /api/signals':                                                [401, 200, 200, 403, 403, 200, 200, 200, 200, 403],
  'GET /api/signals/export.csv':                                     [401, 200, 200, 403, 403, 403, 403, 200, 200, 403],
  'GET /api/signals/metrics':                                        [401, 200, 200, 403, 403, 403, 403, 200, 200, 403],
  'GET /api/signals/{id}':                                           [401, 200, 200, 403, 403, 200, 404, 404, 404, 403],
  'GET /api/signals/{id}/candidates':                                [401, 200, 200, 403, 403, 403, 403, 404, 404, 403],
  'POST /api/signals/{id}/triage':                                   [401, 200, 200, 403, 403, 403, 403, 404, 404, 403],
  'POST /api/signals/{id}/handle':                                   [401, 200, 200, 403, 403, 403, 403, 404, 404, 403],
  // Clients
  'GET /api/clients/{clientId}/partner-references':                  [401, 200, 200, 403, 403, 403, 403, 404, 404, 403],
  // Caseload balance
  'GET /api/caseload-balance':                                       [401, 200, 200, 403, 403, 403, 403, 200, 200, 403],
  // Dashboard
  'GET /api/dashboard':                                              [401, 200, 200, 403, 403, 403, 403, 200, 200, 403],
  'GET /api/dashboard/neighbourhoods':                               [401, 200, 200, 403, 403, 403, 403, 200, 200, 403],
  'GET /api/dashboard/export.csv':                                   [401, 200, 200, 403, 403, 403, 403, 200, 200, 403],
  // Audit log
  'GET /api/audit-events':                                           [401, 200, 200, 403, 403, 403, 403, 200, 200, 403],
  'GET /api/audit-events/export.csv':                                [401, 200, 200, 403, 403, 403, 403, 200, 200, 403],
  // Clients
  'GET /api/clients/{clientId}/access-report':                       [401, 200, 200, 200, 404, 403, 403, 404, 404, 404],
  'GET /api/clients/{id}/data-export':                               [401, 200, 200, 403, 403, 403, 403, 404, 404, 403],
  'POST /api/clients/{id}/erasure':                                  [401, 200, 200, 403, 403, 403, 403, 404, 404, 403],
  // The organisation's settings
  'GET /api/organisation/privacy-settings':                          [401, 200, 200, 403, 403, 403, 403, 200, 200, 403],
  'PUT /api/organisation/privacy-settings':                          [401, 200, 403, 403, 403, 403, 403, 200, 403, 403],
};

export function expectedStatus(operation: string, persona: Persona): number | undefined {
  return AUTHORISATION_MATRIX[operation]?.[PERSONAS.indexOf(persona)];
}

/** A row in the table's own syntax (for a failing run's report). */
export function formatRow(operation: string, statuses: readonly number[]): string {
  return `  ${`'${operation}':`.padEnd(66)} [${statuses.map((s) => String(s).padStart(3)).join(', ')}],`;
}
