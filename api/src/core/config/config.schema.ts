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
    DATABASE_POOL_SIZE: int(10, 1, 200),
    MIGRATE_ON_START: bool(true),
    REDIS_URL: url(['redis:', 'rediss:']).optional(),
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
    LOGIN_LIMIT_PER_ACCOUNT: int(10, 1, 10_000),
    LOGIN_LIMIT_PER_IP: int(50, 1, 100_000),
    LOGIN_LIMIT_WINDOW_SECONDS: int(900, 1, 86_400),
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
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV !== 'production') return;
    for (const key of ['DATABASE_URL', 'REDIS_URL', 'SMTP_URL', 'PUBLIC_URL'] as const) {
      if (!env[key]) ctx.addIssue({ code: 'custom', path: [key], message: 'is required in production' });
    }
    if (env.SEED_DEMO) {
      ctx.addIssue({ code: 'custom', path: ['SEED_DEMO'], message: 'must not be true in production' });
    }
  });

export type RawConfig = z.output<typeof configSchema>;
