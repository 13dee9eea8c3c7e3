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
} as const;
