import { randomUUID } from 'node:crypto';
import { base32Decode, totpCode } from '../../api/src/core/auth/totp.util';
import type { AuthorisationFactory, AuthorisationFixtures, Persona } from '../support/authorisation-fixtures';
import { TEST_PASSWORD } from '../support/factories';
import type { HttpClient } from '../support/http-client';
import { createSelfCheckIn } from '../support/self-check-in-factories';

/** What one cell of the matrix needs to build its request. */
export interface Cell {
  persona: Persona;
  f: AuthorisationFixtures;
  /** Fresh resources of organisation A, for requests that change what they act on. */
  make: AuthorisationFactory;
  /** The persona's signed-in client (anonymous: a client with a CSRF cookie only). */
  client: HttpClient;
  /** A new account of the persona's role, organisation and partner, signed in (anonymous: a new anonymous client). */
  twin(): Promise<HttpClient>;
  /** A new client with a CSRF cookie only. */
  anonymous(): Promise<HttpClient>;
}

export interface CellRequest {
  /** The path with its query; every UUID in it addresses a resource (the leak check swaps them for random ones). */
  path: string;
  body?: unknown;
  /** Another client than the persona's shared one (a sign-in, a sign-out, a password change). */
  client?: HttpClient;
}

type Build = (cell: Cell) => CellRequest | Promise<CellRequest>;

const today = (): string => new Date().toISOString().slice(0, 10);
let absenceDay = 100;
/** A unique future day per call: absences of one person never overlap. */
const futureDay = (): string => {
  absenceDay += 3;
  return new Date(Date.now() + absenceDay * 86_400_000).toISOString().slice(0, 10);
};

/** A twin with two-factor authentication on; answers its client and a code of the next step (not used yet). */
async function twinWithTwoFactor(cell: Cell): Promise<{ client: HttpClient; nextCode: string }> {
  const client = await cell.twin();
  const started = await client.post<{ secret?: string }>('/api/auth/two-factor/enrolment');
  if (started.status !== 200 || !started.body.secret) return { client, nextCode: '000000' };
  const secret = base32Decode(started.body.secret);
  await client.post('/api/auth/two-factor/enrolment/confirm', { code: totpCode(secret, Date.now()) });
  return { client, nextCode: totpCode(secret, Date.now() + 30_000) };
}

/**
 * One valid request per OpenAPI operation (`METHOD /path` as the document names it): what an allowed persona needs
 * for its real success. Requests that change state act on fresh resources, so no cell changes another's outcome.
 */
export const REQUESTS: Readonly<Record<string, Build>> = {
  // Development mailbox
  'GET /api/dev/mailbox': () => ({ path: '/api/dev/mailbox' }),
  'DELETE /api/dev/mailbox': () => ({ path: '/api/dev/mailbox' }),
  'POST /api/dev/mailbox/test-message': () => ({ path: '/api/dev/mailbox/test-message' }),

  // Sign-in and the account itself
  'GET /api/auth/csrf': () => ({ path: '/api/auth/csrf' }),
  'POST /api/auth/login': async (c) => {
    const user = c.persona === 'anonymous' ? null : c.f.users[c.persona];
    return {
      path: '/api/auth/login',
      body: user
        ? { email: user.email, password: user.password }
        : { email: 'niemand@test.waakvlam.nl', password: 'x' },
      client: await c.anonymous(),
    };
  },
  'POST /api/auth/logout': async (c) => ({ path: '/api/auth/logout', client: await c.twin() }),
  'GET /api/auth/me': () => ({ path: '/api/auth/me' }),
  'POST /api/auth/two-factor/verify': () => ({
    path: '/api/auth/two-factor/verify',
    body: { code: '123456' },
  }),
  'GET /api/auth/two-factor': () => ({ path: '/api/auth/two-factor' }),
  'POST /api/auth/two-factor/enrolment': async (c) => ({
    path: '/api/auth/two-factor/enrolment',
    client: await c.twin(),
  }),
  'POST /api/auth/two-factor/enrolment/confirm': async (c) => {
    const client = await c.twin();
    const started = await client.post<{ secret?: string }>('/api/auth/two-factor/enrolment');
    const code = started.body.secret ? totpCode(base32Decode(started.body.secret), Date.now()) : '123456';
    return { path: '/api/auth/two-factor/enrolment/confirm', body: { code }, client };
  },
  'POST /api/auth/two-factor/recovery-codes': async (c) => {
    const { client, nextCode } = await twinWithTwoFactor(c);
    return { path: '/api/auth/two-factor/recovery-codes', body: { code: nextCode }, client };
  },
  'POST /api/auth/two-factor/disable': async (c) => {
    const { client, nextCode } = await twinWithTwoFactor(c);
    return { path: '/api/auth/two-factor/disable', body: { code: nextCode }, client };
  },
  'GET /api/auth/two-factor/policy': () => ({ path: '/api/auth/two-factor/policy' }),
  'PUT /api/auth/two-factor/policy': () => ({
    path: '/api/auth/two-factor/policy',
    body: { required: false },
  }),
  'POST /api/auth/password': async (c) => ({
    path: '/api/auth/password',
    body: { currentPassword: TEST_PASSWORD, newPassword: `een nieuw wachtwoord ${randomUUID()}` },
    client: await c.twin(),
  }),
  'GET /api/auth/providers': () => ({ path: '/api/auth/providers' }),
  'GET /api/auth/oidc/start': () => ({ path: '/api/auth/oidc/start' }),
  'GET /api/auth/oidc/callback': () => ({ path: '/api/auth/oidc/callback?code=abc&state=def' }),

  // Health
  'GET /api/health/live': () => ({ path: '/api/health/live' }),
  'GET /api/health/ready': () => ({ path: '/api/health/ready' }),

  // Accounts and absences
  'GET /api/users': () => ({ path: '/api/users' }),
  'GET /api/users/{id}': (c) => ({ path: `/api/users/${c.f.users.caseworker.id}` }),
  'PATCH /api/users/{id}': (c) => ({
    path: `/api/users/${c.f.users.caseworker.id}`,
    body: { reactivationCapacity: 8 },
  }),
  'POST /api/users/{id}/deactivate': async (c) => ({
    path: `/api/users/${(await c.make.user('caseworker')).id}/deactivate`,
  }),
  'POST /api/users/{id}/activate': async (c) => {
    const user = await c.make.user('caseworker');
    await c.make.deactivate(user.id);
    return { path: `/api/users/${user.id}/activate` };
  },
  'GET /api/users/{userId}/absences': (c) => ({ path: `/api/users/${c.f.users.caseworker.id}/absences` }),
  'POST /api/users/{userId}/absences': (c) => {
    const startsOn = futureDay();
    return {
      path: `/api/users/${c.f.users.caseworker.id}/absences`,
      body: { startsOn, endsOn: startsOn, reason: 'verlof' },
    };
  },
  'DELETE /api/users/{userId}/absences/{absenceId}': async (c) => ({
    path: `/api/users/${c.f.users.caseworker.id}/absences/${await c.make.absence()}`,
  }),

  // The organisation
  'GET /api/partner-organisations': () => ({ path: '/api/partner-organisations' }),
  'GET /api/organisation/settings': () => ({ path: '/api/organisation/settings' }),
  'PUT /api/organisation/settings': () => ({
    path: '/api/organisation/settings',
    body: { slaNormalWorkingHours: 16 },
  }),
  'GET /api/organisation/privacy-settings': () => ({ path: '/api/organisation/privacy-settings' }),
  'PUT /api/organisation/privacy-settings': () => ({
    path: '/api/organisation/privacy-settings',
    body: { careFileRetentionYears: null },
  }),

  // Clients
  'GET /api/clients': () => ({ path: '/api/clients' }),
  'POST /api/clients': () => ({
    path: '/api/clients',
    body: {
      reference: `AM-${randomUUID().slice(0, 12)}`,
      name: 'Inwoner Matrix',
      preferredChannel: 'phone',
      postcode: '1234 AB',
      houseNumber: '7',
      consent: { legalBasis: 'consent', emailReminders: false },
    },
  }),
  'GET /api/clients/export.csv': () => ({ path: '/api/clients/export.csv' }),
  'GET /api/clients/{id}': (c) => ({ path: `/api/clients/${c.f.clientId}` }),
  'PATCH /api/clients/{id}': (c) => ({
    path: `/api/clients/${c.f.clientId}`,
    body: { neighbourhood: 'Noord' },
  }),
  'GET /api/clients/{clientId}/partner-references': (c) => ({
    path: `/api/clients/${c.f.clientId}/partner-references`,
  }),
  'GET /api/clients/{clientId}/access-report': (c) => ({
    path: `/api/clients/${c.f.clientId}/access-report`,
  }),
  'GET /api/clients/{id}/data-export': (c) => ({ path: `/api/clients/${c.f.clientId}/data-export` }),
  'POST /api/clients/{id}/erasure': async (c) => ({
    path: `/api/clients/${await c.make.client()}/erasure`,
    body: { reason: 'client_request' },
  }),

  // Watches
  'GET /api/watches': () => ({ path: '/api/watches' }),
  'POST /api/watches': async (c) => ({
    path: '/api/watches',
    body: {
      clientId: await c.make.client(),
      primaryCaseworkerId: c.f.users.caseworker.id,
      intervalDays: 14,
      contactMode: 'phone',
      startDate: today(),
    },
  }),
  'GET /api/watches/export.csv': () => ({ path: '/api/watches/export.csv' }),
  'POST /api/watches/reassign': (c) => ({
    path: '/api/watches/reassign',
    body: {
      watchIds: [c.f.watchId],
      toCaseworkerId: c.f.users.caseworker.id,
      role: 'primary',
      preview: true,
    },
  }),
  'GET /api/watches/{id}': (c) => ({ path: `/api/watches/${c.f.watchId}` }),
  'PATCH /api/watches/{id}': (c) => ({
    path: `/api/watches/${c.f.watchId}`,
    body: { agreements: 'Elke maand bellen' },
  }),
  'GET /api/watches/{id}/events': (c) => ({ path: `/api/watches/${c.f.watchId}/events` }),
  'POST /api/watches/{id}/{action}': async (c) => ({
    path: `/api/watches/${(await c.make.watch()).watchId}/pause`,
    body: { reason: 'op vakantie' },
  }),

  // Check-ins
  'GET /api/check-ins/overview': () => ({ path: '/api/check-ins/overview' }),
  'GET /api/check-ins/overview/export.csv': () => ({ path: '/api/check-ins/overview/export.csv' }),
  'GET /api/check-ins': (c) => ({ path: `/api/check-ins?watchId=${c.f.watchId}` }),
  'POST /api/check-ins/{id}/complete': async (c) => ({
    path: `/api/check-ins/${(await c.make.watch()).checkInId}/complete`,
    body: { outcome: 'well', channel: 'phone' },
  }),
  'GET /api/public/check-in/{token}': (c) => ({ path: `/api/public/check-in/${c.f.selfCheckInToken}` }),
  'POST /api/public/check-in/{token}': async (c) => ({
    path: `/api/public/check-in/${(await createSelfCheckIn(c.make.dataSource)).token}`,
    body: { response: 'well' },
  }),

  // Outbox
  'GET /api/notifications': () => ({ path: '/api/notifications' }),
  'GET /api/notifications/export.csv': () => ({ path: '/api/notifications/export.csv' }),
  'POST /api/notifications/{id}/retry': async (c) => ({
    path: `/api/notifications/${await c.make.deadNotification()}/retry`,
  }),

  // Reactivations
  'GET /api/reactivations/metrics': () => ({ path: '/api/reactivations/metrics' }),
  'GET /api/reactivations': () => ({ path: '/api/reactivations' }),
  'POST /api/reactivations': async (c) => ({
    path: '/api/reactivations',
    body: { watchId: (await c.make.watch()).watchId, urgency: 'normal', reason: 'Zorgen van de buren' },
  }),
  'GET /api/reactivations/export.csv': () => ({ path: '/api/reactivations/export.csv' }),
  'GET /api/reactivations/{id}': (c) => ({ path: `/api/reactivations/${c.f.reactivations.accepted}` }),
  'POST /api/reactivations/{id}/accept': async (c) => ({
    path: `/api/reactivations/${await c.make.reactivation('open')}/accept`,
  }),
  'POST /api/reactivations/{id}/contacted': async (c) => ({
    path: `/api/reactivations/${await c.make.reactivation('accepted')}/contacted`,
  }),
  'POST /api/reactivations/{id}/resolve': async (c) => ({
    path: `/api/reactivations/${await c.make.reactivation('contacted')}/resolve`,
    body: { resolution: 'support_resumed' },
  }),
  'POST /api/reactivations/{id}/cancel': async (c) => ({
    path: `/api/reactivations/${await c.make.reactivation('open')}/cancel`,
    body: { reason: 'Dubbel aangemaakt' },
  }),
  'POST /api/reactivations/{id}/assign': async (c) => ({
    path: `/api/reactivations/${await c.make.reactivation('open')}/assign`,
    body: { assigneeId: c.f.users.caseworker.id },
  }),

  // Partner API keys
  'POST /api/partner-organisations/{partnerId}/api-keys': (c) => ({
    path: `/api/partner-organisations/${c.f.partnerId}/api-keys`,
    body: { name: 'Woningcorporatie koppeling' },
  }),
  'GET /api/partner-organisations/{partnerId}/api-keys': (c) => ({
    path: `/api/partner-organisations/${c.f.partnerId}/api-keys`,
  }),
  'DELETE /api/partner-organisations/{partnerId}/api-keys/{keyId}': async (c) => ({
    path: `/api/partner-organisations/${c.f.partnerId}/api-keys/${await c.make.apiKey(c.f.partnerId)}`,
  }),

  // Signals
  'POST /api/signals': () => ({
    path: '/api/signals',
    body: {
      address: { postcode: '1234 AB', houseNumber: '1' },
      category: 'nuisance',
      description: 'Veel lawaai in de nacht',
      observedOn: today(),
    },
  }),
  'GET /api/signals': () => ({ path: '/api/signals' }),
  'GET /api/signals/export.csv': () => ({ path: '/api/signals/export.csv' }),
  'GET /api/signals/metrics': () => ({ path: '/api/signals/metrics' }),
  'GET /api/signals/{id}': (c) => ({ path: `/api/signals/${c.f.signalId}` }),
  'GET /api/signals/{id}/candidates': (c) => ({ path: `/api/signals/${c.f.signalId}/candidates` }),
  'POST /api/signals/{id}/triage': async (c) => ({
    path: `/api/signals/${await c.make.signal(c.f.partnerId, c.f.users.partner.id)}/triage`,
    body: { decision: 'no_action', reason: 'Al bekend' },
  }),
  'POST /api/signals/{id}/handle': async (c) => ({
    path: `/api/signals/${await c.make.triagedSignal(c.f.partnerId, c.f.users.partner.id)}/handle`,
    body: {},
  }),

  // Figures and the audit log
  'GET /api/caseload-balance': () => ({ path: '/api/caseload-balance' }),
  'GET /api/dashboard': () => ({ path: '/api/dashboard' }),
  'GET /api/dashboard/neighbourhoods': () => ({ path: '/api/dashboard/neighbourhoods' }),
  'GET /api/dashboard/export.csv': () => ({ path: '/api/dashboard/export.csv' }),
  'GET /api/audit-events': () => ({ path: '/api/audit-events' }),
  'GET /api/audit-events/export.csv': () => ({ path: '/api/audit-events/export.csv' }),
};
