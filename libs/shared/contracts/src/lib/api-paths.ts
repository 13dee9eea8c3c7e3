/** Paths of the HTTP API, relative to the origin. */
export const API_PATHS = {
  login: '/api/auth/login',
  logout: '/api/auth/logout',
  me: '/api/auth/me',
  csrf: '/api/auth/csrf',
  devMailbox: '/api/dev/mailbox',
  healthLive: '/api/health/live',
  healthReady: '/api/health/ready',
  openApi: '/api/openapi.json',
  docs: '/api/docs',
  /** GET ?q=&page=&pageSize= → Page<ClientSummary>; POST CreateClientRequest → Client. */
  clients: '/api/clients',
  /** GET ?status=&caseworkerId=&clientId=&mine=true&page=&pageSize= → Page<Watch> (newest first); POST CreateWatchRequest → Watch. */
  watches: '/api/watches',
  /** GET ?view=today|overdue|week (the signed-in caseworker's) or ?watchId= (history) → CheckIn[]. */
  checkIns: '/api/check-ins',
  /** GET → PartnerOrganisationSummary[]: your organisation's partners (for sharing consent). Staff only. */
  partnerOrganisations: '/api/partner-organisations',
  /** GET → OrganisationSettings (staff); PUT UpdateOrganisationSettingsRequest → OrganisationSettings (admins). */
  organisationSettings: '/api/organisation/settings',
  /** GET ?status=&page=&pageSize= → Page<NotificationSummary> (coordinators, admins). */
  notifications: '/api/notifications',
} as const;

/** `GET/PATCH /api/clients/{id}` → Client. */
export const clientPath = (id: string): string => `/api/clients/${id}`;
/** `GET/PATCH /api/watches/{id}` → Watch. */
export const watchPath = (id: string): string => `/api/watches/${id}`;
/** `POST /api/watches/{id}/{pause|resume|end|reopen}` with WatchTransitionRequest → Watch (409 when not allowed now). */
export const watchActionPath = (id: string, action: 'pause' | 'resume' | 'end' | 'reopen'): string =>
  `/api/watches/${id}/${action}`;
/** `GET /api/watches/{id}/events` → WatchEvent[] (the client's timeline, newest first). */
export const watchEventsPath = (id: string): string => `/api/watches/${id}/events`;
/** `POST /api/check-ins/{id}/complete` with CompleteCheckInRequest → CheckIn (409 when done, missed or cancelled). */
export const completeCheckInPath = (id: string): string => `/api/check-ins/${id}/complete`;
/** `POST /api/notifications/{id}/retry` → NotificationSummary (only for a dead message; 409 otherwise). */
export const retryNotificationPath = (id: string): string => `/api/notifications/${id}/retry`;
/**
 * `GET /api/public/check-in/{token}` → SelfCheckInStatus; `POST` with SelfCheckInRequest → SelfCheckInRecorded.
 * No session; 404 (one answer for unknown, used and expired links) and 429 per IP.
 */
export const selfCheckInPath = (token: string): string => `/api/public/check-in/${encodeURIComponent(token)}`;
/** The console page of the self check-in link in the client's e-mail (prefix with PUBLIC_URL). */
export const selfCheckInPagePath = (token: string): string => `/check-in/${encodeURIComponent(token)}`;
