import { z } from 'zod';
import { DEFAULT_TIME_ZONE, isValidTimeZone } from '@waakvlam/schedule';

const bool = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
    .optional()
    .transform((v) => (v === undefined ? fallback : ['true', '1', 'yes'].includes(v)));

const int = (fallback: number, min: number, max: number) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === '') return fallback;
      const n = Number(v);
      if (!Number.isInteger(n) || n < min || n > max) {
        ctx.addIssue({ code: 'custom', message: `must be a whole number from ${min} to ${max}` });
        return z.NEVER;
      }
      return n;
    });

const url = (protocols: string[]) =>
  z
    .string()
    .trim()
    .refine(
      (v) => {
        try {
          return protocols.includes(new URL(v).protocol);
        } catch {
          return false;
        }
      },
      { message: `must be a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}` },
    );

/** The staff roles an OIDC role claim may map to (never partner: partners do not sign in this way). */
export const OIDC_MAPPABLE_ROLES = ['admin', 'coordinator', 'caseworker'] as const;
export type OidcMappableRole = (typeof OIDC_MAPPABLE_ROLES)[number];

/** `OIDC_ROLE_MAP`: `claim-value=role` pairs, comma separated; null when malformed. */
export function parseRoleMap(value: string): ReadonlyMap<string, OidcMappableRole> | null {
  const map = new Map<string, OidcMappableRole>();
  for (const pair of value
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const at = pair.lastIndexOf('=');
    const claim = pair.slice(0, at).trim();
    const role = pair.slice(at + 1).trim();
    if (at <= 0 || !claim || !(OIDC_MAPPABLE_ROLES as readonly string[]).includes(role)) return null;
    map.set(claim, role as OidcMappableRole);
  }
  return map.size > 0 ? map : null;
}

export const PROCESS_ROLES = ['api', 'worker'] as const;
export type ProcessRole = (typeof PROCESS_ROLES)[number];

/** Every environment variable the service reads, with its default. `.env.example` documents the same list. */
export const configSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    HOST: z.string().trim().min(1).default('127.0.0.1'),
    PORT: int(3000, 0, 65535),
    WAAKVLAM_ROLES: z
      .string()
      .default('api,worker')
      .transform((v, ctx) => {
        const roles = [
          ...new Set(
            v
              .split(',')
              .map((r) => r.trim())
              .filter(Boolean),
          ),
        ];
        const unknown = roles.filter((r) => !(PROCESS_ROLES as readonly string[]).includes(r));
        if (roles.length === 0 || unknown.length > 0) {
          ctx.addIssue({ code: 'custom', message: `must list one or more of ${PROCESS_ROLES.join(', ')}` });
          return z.NEVER;
        }
        return roles as ProcessRole[];
      }),
    DATABASE_URL: url(['postgres:', 'postgresql:']).optional(),
    DATABASE_MIGRATION_URL: url(['postgres:', 'postgresql:']).optional(),
    DATABASE_POOL_SIZE: int(10, 1, 200),
    MIGRATE_ON_START: bool(true),
    REDIS_URL: url(['redis:', 'rediss:']).optional(),
    REDIS_CLUSTER: bool(false),
    REDIS_PREFIX: z
      .string()
      .regex(/^[a-zA-Z0-9_-]{1,40}$/, 'must be 1-40 letters, digits, - or _')
      .default('waakvlam'),
    SMTP_URL: url(['smtp:', 'smtps:']).optional(),
    MAIL_FROM: z.string().trim().min(3).default('Waakvlam <no-reply@waakvlam.local>'),
    SESSION_IDLE_MINUTES: int(30, 1, 24 * 60),
    SESSION_ABSOLUTE_HOURS: int(12, 1, 24 * 7),
    COOKIE_SECURE: bool(false).optional(),
    TRUST_PROXY: bool(false),
    HTTP_BODY_LIMIT_BYTES: int(100 * 1024, 1024, 10 * 1024 * 1024),
    LOGIN_LIMIT_PER_ACCOUNT: int(10, 1, 10_000),
    LOGIN_LIMIT_PER_IP: int(50, 1, 100_000),
    LOGIN_LIMIT_WINDOW_SECONDS: int(900, 1, 86_400),
    SIGN_IN_DELAY_AFTER_FAILURES: int(3, 1, 100),
    SIGN_IN_DELAY_BASE_SECONDS: int(1, 1, 3_600),
    SIGN_IN_DELAY_MAX_SECONDS: int(60, 1, 3_600),
    SIGN_IN_LOCKOUT_AFTER_FAILURES: int(10, 2, 1_000),
    SIGN_IN_LOCKOUT_MINUTES: int(15, 1, 24 * 60),
    SIGN_IN_FAILURE_MEMORY_HOURS: int(24, 1, 24 * 90),
    AUTH_ENCRYPTION_KEY: z
      .string()
      .trim()
      .regex(/^([0-9a-fA-F]{64}|[A-Za-z0-9+/]{43}=)$/, 'must be 32 bytes as 64 hex digits or base64')
      .optional(),
    TWO_FACTOR_ISSUER: z.string().trim().min(1).max(60).default('Waakvlam'),
    OIDC_ENABLED: bool(false),
    OIDC_PROVIDER_NAME: z.string().trim().min(1).max(60).default('uw organisatie'),
    OIDC_ISSUER_URL: url(['http:', 'https:']).optional(),
    OIDC_CLIENT_ID: z.string().trim().min(1).optional(),
    OIDC_CLIENT_SECRET: z.string().trim().min(1).optional(),
    OIDC_ORGANISATION_ID: z.uuid({ message: 'must be the id (uuid) of a Waakvlam organisation' }).optional(),
    OIDC_SCOPES: z.string().trim().default('openid email profile'),
    OIDC_EMAIL_CLAIM: z.string().trim().min(1).default('email'),
    OIDC_NAME_CLAIM: z.string().trim().min(1).default('name'),
    OIDC_ROLE_CLAIM: z.string().trim().min(1).default('waakvlam_role'),
    OIDC_ROLE_MAP: z
      .string()
      .trim()
      .default('admin=admin,coordinator=coordinator,caseworker=caseworker')
      .refine((v) => parseRoleMap(v) !== null, {
        message: 'must be pairs claim-value=role (admin, coordinator or caseworker) separated by commas',
      }),
    OIDC_ORGANISATION_CLAIM: z.string().trim().min(1).optional(),
    OIDC_ORGANISATION_CLAIM_VALUE: z.string().trim().min(1).optional(),
    OIDC_PROVISION_USERS: bool(false),
    SEED_DEMO: bool(false).optional(),
    DEMO_PASSWORD: z.string().min(12, 'must be at least 12 characters').default('waakvlam-demo-2026'),
    DEFAULT_TIME_ZONE: z
      .string()
      .default(DEFAULT_TIME_ZONE)
      .refine(isValidTimeZone, { message: 'must be an IANA time zone such as Europe/Amsterdam' }),
    ADMIN_DIST: z.string().default('dist/admin/browser'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    SHUTDOWN_TIMEOUT_MS: int(25_000, 1_000, 600_000),
    PUBLIC_URL: url(['http:', 'https:']).optional(),
    PLANNER_INTERVAL_MS: int(5_000, 100, 600_000),
    PLANNER_HORIZON_SECONDS: int(60, 1, 3_600),
    PLANNER_BATCH_SIZE: int(1_000, 1, 10_000),
    PLANNER_QUEUE_CAP: int(2_000, 1, 1_000_000),
    TIMER_LEASE_SECONDS: int(300, 5, 86_400),
    LAPSE_SCAN_MINUTES: int(5, 1, 24 * 60),
    WORKER_CONCURRENCY: int(8, 1, 500),
    SELF_CHECK_IN_LIMIT_PER_MINUTE: int(20, 1, 10_000),
    METRICS_TOKEN: z.string().trim().min(16, 'must be at least 16 characters').optional(),
    // NEN 7513: audit events are kept at least 5 years; a lower value is refused.
    AUDIT_RETENTION_YEARS: int(5, 5, 100),
    CLIENT_RETENTION_MONTHS: int(24, 1, 600),
    CARE_FILE_RETENTION_YEARS: int(0, 0, 30),
    CLIENT_RETENTION_BATCH_SIZE: int(200, 1, 10_000),
  })
  .superRefine((env, ctx) => {
    if (env.OIDC_ENABLED) {
      for (const key of [
        'OIDC_ISSUER_URL',
        'OIDC_CLIENT_ID',
        'OIDC_CLIENT_SECRET',
        'OIDC_ORGANISATION_ID',
      ] as const) {
        if (!env[key])
          ctx.addIssue({ code: 'custom', path: [key], message: 'is required when OIDC_ENABLED is true' });
      }
      if (!!env.OIDC_ORGANISATION_CLAIM !== !!env.OIDC_ORGANISATION_CLAIM_VALUE) {
        ctx.addIssue({
          code: 'custom',
          path: ['OIDC_ORGANISATION_CLAIM_VALUE'],
          message: 'must be set together with OIDC_ORGANISATION_CLAIM',
        });
      }
    }
    if (env.SIGN_IN_LOCKOUT_AFTER_FAILURES <= env.SIGN_IN_DELAY_AFTER_FAILURES) {
      ctx.addIssue({
        code: 'custom',
        path: ['SIGN_IN_LOCKOUT_AFTER_FAILURES'],
        message: 'must be more than SIGN_IN_DELAY_AFTER_FAILURES',
      });
    }
    if (env.NODE_ENV !== 'production') return;
    for (const key of [
      'DATABASE_URL',
      'REDIS_URL',
      'SMTP_URL',
      'PUBLIC_URL',
      'AUTH_ENCRYPTION_KEY',
    ] as const) {
      if (!env[key]) ctx.addIssue({ code: 'custom', path: [key], message: 'is required in production' });
    }
    if (env.OIDC_ENABLED && env.OIDC_ISSUER_URL?.startsWith('http:')) {
      ctx.addIssue({ code: 'custom', path: ['OIDC_ISSUER_URL'], message: 'must use https in production' });
    }
    if (env.SEED_DEMO) {
      ctx.addIssue({ code: 'custom', path: ['SEED_DEMO'], message: 'must not be true in production' });
    }
  });

export type RawConfig = z.output<typeof configSchema>;
