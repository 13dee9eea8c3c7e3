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
  /** Where users reach the service: the base of links in e-mails (no trailing slash). */
  readonly publicUrl: string;
  /** The timer planner's tick interval, once per cluster. */
  readonly plannerIntervalMs: number;
  /** The planner claims timers due within this horizon and adds their jobs with the remaining delay. */
  readonly plannerHorizonMs: number;
  readonly plannerBatchSize: number;
  /** The planner stops adding jobs while the timer queue holds more than this. */
  readonly plannerQueueCap: number;
  /** A claimed timer not completed this long after its fire time is claimed again (its job was lost). */
  readonly timerLeaseMs: number;
  readonly lapseScanMs: number;
  /** Jobs processed at once per queue per worker process. */
  readonly workerConcurrency: number;
  readonly selfCheckInLimitPerMinute: number;
  /** When set, GET /metrics wants `Authorization: Bearer <token>`; unset, it is open (internal network). */
  readonly metricsToken: string | null;

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
    this.publicUrl = values.publicUrl;
    this.plannerIntervalMs = values.plannerIntervalMs;
    this.plannerHorizonMs = values.plannerHorizonMs;
    this.plannerBatchSize = values.plannerBatchSize;
    this.plannerQueueCap = values.plannerQueueCap;
    this.timerLeaseMs = values.timerLeaseMs;
    this.lapseScanMs = values.lapseScanMs;
    this.workerConcurrency = values.workerConcurrency;
    this.selfCheckInLimitPerMinute = values.selfCheckInLimitPerMinute;
    this.metricsToken = values.metricsToken;
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
      publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
      plannerIntervalMs: e.PLANNER_INTERVAL_MS,
      plannerHorizonMs: e.PLANNER_HORIZON_SECONDS * 1000,
      plannerBatchSize: e.PLANNER_BATCH_SIZE,
      plannerQueueCap: e.PLANNER_QUEUE_CAP,
      timerLeaseMs: e.TIMER_LEASE_SECONDS * 1000,
      lapseScanMs: e.LAPSE_SCAN_MINUTES * 60_000,
      workerConcurrency: e.WORKER_CONCURRENCY,
      selfCheckInLimitPerMinute: e.SELF_CHECK_IN_LIMIT_PER_MINUTE,
      metricsToken: e.METRICS_TOKEN ?? null,
    });
  }
}
