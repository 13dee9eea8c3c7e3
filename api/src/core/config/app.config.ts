import { ConfigError } from './config.error';
import { configSchema, type ProcessRole } from './config.schema';

/**
 * The validated configuration, read once at start-up. Nothing else in the service reads `process.env`:
 * inject this class instead.
 */
export class AppConfig {
  readonly env: 'development' | 'test' | 'production';
  readonly isProduction: boolean;
  readonly host: string;
  readonly port: number;
  readonly roles: readonly ProcessRole[];
  readonly databaseUrl: string;
  readonly databasePoolSize: number;
  readonly migrateOnStart: boolean;
  readonly redisUrl: string;
  /** Prefix for every Redis key; BullMQ wraps it in braces so that a Redis Cluster keeps each queue on one slot. */
  readonly redisPrefix: string;
  /** Unset outside production: the embedded SMTP catcher receives the mail. */
  readonly smtpUrl: string | null;
  readonly mailFrom: string;
  readonly sessionIdleMs: number;
  readonly sessionAbsoluteMs: number;
  readonly cookieSecure: boolean;
  readonly trustProxy: boolean;
  readonly loginLimitPerAccount: number;
  readonly loginLimitPerIp: number;
  readonly loginLimitWindowMs: number;
  readonly seedDemo: boolean;
  readonly demoPassword: string;
  readonly defaultTimeZone: string;
  /** Directory with the built console, or null when the console is served elsewhere. */
  readonly adminDist: string | null;
  readonly logLevel: string;
  readonly shutdownTimeoutMs: number;

  private constructor(values: Omit<AppConfig, 'hasRole' | 'queuePrefix'>) {
    this.env = values.env;
    this.isProduction = values.isProduction;
    this.host = values.host;
    this.port = values.port;
    this.roles = values.roles;
    this.databaseUrl = values.databaseUrl;
    this.databasePoolSize = values.databasePoolSize;
    this.migrateOnStart = values.migrateOnStart;
    this.redisUrl = values.redisUrl;
    this.redisPrefix = values.redisPrefix;
    this.smtpUrl = values.smtpUrl;
    this.mailFrom = values.mailFrom;
    this.sessionIdleMs = values.sessionIdleMs;
    this.sessionAbsoluteMs = values.sessionAbsoluteMs;
    this.cookieSecure = values.cookieSecure;
    this.trustProxy = values.trustProxy;
    this.loginLimitPerAccount = values.loginLimitPerAccount;
    this.loginLimitPerIp = values.loginLimitPerIp;
    this.loginLimitWindowMs = values.loginLimitWindowMs;
    this.seedDemo = values.seedDemo;
    this.demoPassword = values.demoPassword;
    this.defaultTimeZone = values.defaultTimeZone;
    this.adminDist = values.adminDist;
    this.logLevel = values.logLevel;
    this.shutdownTimeoutMs = values.shutdownTimeoutMs;
  }

  hasRole(role: ProcessRole): boolean {
    return this.roles.includes(role);
  }

  /** BullMQ prefix: hash-tagged, so every key of a queue lands on one Redis Cluster slot. */
  get queuePrefix(): string {
    return `{${this.redisPrefix}}`;
  }

  /**
   * Validates an environment (normally `process.env`) and returns the configuration.
   * Throws a ConfigError that names every missing or malformed variable.
   */
  static fromEnv(env: Readonly<Record<string, string | undefined>>): AppConfig {
    const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
    const parsed = configSchema.safeParse(cleaned);
    if (!parsed.success) {
      throw new ConfigError(
        parsed.error.issues.map((issue) => `${issue.path.join('.') || '(environment)'} ${issue.message}`),
      );
    }
    const e = parsed.data;
    const production = e.NODE_ENV === 'production';
    return new AppConfig({
      env: e.NODE_ENV,
      isProduction: production,
      host: e.HOST,
      port: e.PORT,
      roles: e.WAAKVLAM_ROLES,
      databaseUrl: e.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/waakvlam',
      databasePoolSize: e.DATABASE_POOL_SIZE,
      migrateOnStart: e.MIGRATE_ON_START,
      redisUrl: e.REDIS_URL ?? 'redis://127.0.0.1:6379',
      redisPrefix: e.REDIS_PREFIX,
      smtpUrl: e.SMTP_URL ?? null,
      mailFrom: e.MAIL_FROM,
      sessionIdleMs: e.SESSION_IDLE_MINUTES * 60_000,
      sessionAbsoluteMs: e.SESSION_ABSOLUTE_HOURS * 3_600_000,
      cookieSecure: e.COOKIE_SECURE ?? production,
      trustProxy: e.TRUST_PROXY,
      loginLimitPerAccount: e.LOGIN_LIMIT_PER_ACCOUNT,
      loginLimitPerIp: e.LOGIN_LIMIT_PER_IP,
      loginLimitWindowMs: e.LOGIN_LIMIT_WINDOW_SECONDS * 1000,
      seedDemo: e.SEED_DEMO ?? !production,
      demoPassword: e.DEMO_PASSWORD,
      defaultTimeZone: e.DEFAULT_TIME_ZONE,
      adminDist: env['ADMIN_DIST'] === '' ? null : e.ADMIN_DIST,
      logLevel: e.LOG_LEVEL,
      shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    });
  }
}
