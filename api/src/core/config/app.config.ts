import { ConfigError } from './config.error';
import { createHash } from 'node:crypto';
import { configSchema, parseRoleMap, type OidcMappableRole, type ProcessRole } from './config.schema';

/** Sign-in with an OpenID Connect provider (staff only), when OIDC_ENABLED. */
export interface OidcConfig {
  /** Shown on the console's button: "Inloggen met <providerName>". */
  readonly providerName: string;
  readonly issuerUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** The Waakvlam organisation whose staff sign in with this provider. */
  readonly organisationId: string;
  readonly scopes: string;
  readonly emailClaim: string;
  readonly nameClaim: string;
  readonly roleClaim: string;
  /** Claim value → role. */
  readonly roleMap: ReadonlyMap<string, OidcMappableRole>;
  /** When set, only identities whose claim holds this value are accepted. */
  readonly organisationClaim: { readonly name: string; readonly value: string } | null;
  /** Create an account for an unknown identity (true) or refuse it (false, the default). */
  readonly provisionUsers: boolean;
  /** Where the provider sends the browser back: PUBLIC_URL + /api/auth/oidc/callback. */
  readonly redirectUrl: string;
}

/** Used only outside production when AUTH_ENCRYPTION_KEY is unset; production refuses to start without a key. */
const DEVELOPMENT_AUTH_KEY = createHash('sha256').update('waakvlam-development-only-auth-key').digest();

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
  /** The application's role: no superuser, no BYPASSRLS, owns no tables (row-level security applies to it). */
  readonly databaseUrl: string;
  /** The role that owns the tables and runs the migrations. */
  readonly databaseMigrationUrl: string;
  readonly databasePoolSize: number;
  readonly migrateOnStart: boolean;
  readonly redisUrl: string;
  /** REDIS_URL is one node of a Redis Cluster (the client finds the others). */
  readonly redisCluster: boolean;
  /** Prefix for every Redis key; BullMQ wraps it in braces so that a Redis Cluster keeps each queue on one slot. */
  readonly redisPrefix: string;
  /** Unset outside production: the embedded SMTP catcher receives the mail. */
  readonly smtpUrl: string | null;
  readonly mailFrom: string;
  readonly sessionIdleMs: number;
  readonly sessionAbsoluteMs: number;
  readonly cookieSecure: boolean;
  readonly trustProxy: boolean;
  /** The largest request body accepted; a larger one is answered 413 (payload-too-large). */
  readonly httpBodyLimitBytes: number;
  readonly loginLimitPerAccount: number;
  readonly loginLimitPerIp: number;
  readonly loginLimitWindowMs: number;
  /** After this many failed sign-ins in a row, each next attempt of the account waits (progressive delay). */
  readonly signInDelayAfterFailures: number;
  /** The first wait; it doubles with each further failure, up to signInDelayMaxMs. */
  readonly signInDelayBaseMs: number;
  readonly signInDelayMaxMs: number;
  /** After this many failed sign-ins in a row the account is locked for signInLockoutMs. */
  readonly signInLockoutAfterFailures: number;
  readonly signInLockoutMs: number;
  /** A failure counter without a new failure for this long is forgotten. */
  readonly signInFailureMemoryMs: number;
  /** 32 bytes: encrypts TOTP secrets and the OIDC state cookie, keys the hashes of e-mail addresses and recovery codes. */
  readonly authEncryptionKey: Buffer;
  /** The issuer name authenticator apps show next to the account. */
  readonly twoFactorIssuer: string;
  /** Null: OIDC sign-in is off. */
  readonly oidc: OidcConfig | null;
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
  /** Audit events older than this are purged daily (NEN 7513: at least 5 years). */
  readonly auditRetentionYears: number;
  /** The retention job anonymises a client this many months after their last watch ended (at the earliest). */
  readonly clientRetentionMonths: number;
  /** Years after a watch's end that its care file is kept, for organisations without a setting of their own. */
  readonly careFileRetentionYears: number;
  /** Clients the retention job anonymises per transaction. */
  readonly clientRetentionBatchSize: number;

  private constructor(values: Omit<AppConfig, 'hasRole' | 'queuePrefix'>) {
    this.env = values.env;
    this.isProduction = values.isProduction;
    this.host = values.host;
    this.port = values.port;
    this.roles = values.roles;
    this.databaseUrl = values.databaseUrl;
    this.databaseMigrationUrl = values.databaseMigrationUrl;
    this.databasePoolSize = values.databasePoolSize;
    this.migrateOnStart = values.migrateOnStart;
    this.redisUrl = values.redisUrl;
    this.redisCluster = values.redisCluster;
    this.redisPrefix = values.redisPrefix;
    this.smtpUrl = values.smtpUrl;
    this.mailFrom = values.mailFrom;
    this.sessionIdleMs = values.sessionIdleMs;
    this.sessionAbsoluteMs = values.sessionAbsoluteMs;
    this.cookieSecure = values.cookieSecure;
    this.trustProxy = values.trustProxy;
    this.httpBodyLimitBytes = values.httpBodyLimitBytes;
    this.loginLimitPerAccount = values.loginLimitPerAccount;
    this.loginLimitPerIp = values.loginLimitPerIp;
    this.loginLimitWindowMs = values.loginLimitWindowMs;
    this.signInDelayAfterFailures = values.signInDelayAfterFailures;
    this.signInDelayBaseMs = values.signInDelayBaseMs;
    this.signInDelayMaxMs = values.signInDelayMaxMs;
    this.signInLockoutAfterFailures = values.signInLockoutAfterFailures;
    this.signInLockoutMs = values.signInLockoutMs;
    this.signInFailureMemoryMs = values.signInFailureMemoryMs;
    this.authEncryptionKey = values.authEncryptionKey;
    this.twoFactorIssuer = values.twoFactorIssuer;
    this.oidc = values.oidc;
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
    this.auditRetentionYears = values.auditRetentionYears;
    this.clientRetentionMonths = values.clientRetentionMonths;
    this.careFileRetentionYears = values.careFileRetentionYears;
    this.clientRetentionBatchSize = values.clientRetentionBatchSize;
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
    const port = e.PORT;
    const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/+$/, '');
    return new AppConfig({
      env: e.NODE_ENV,
      isProduction: production,
      host: e.HOST,
      port: e.PORT,
      roles: e.WAAKVLAM_ROLES,
      databaseUrl: e.DATABASE_URL ?? 'postgres://waakvlam@127.0.0.1:5432/waakvlam',
      // Without a migration URL the application's own migrates (a single-role set-up; refused in production).
      databaseMigrationUrl:
        e.DATABASE_MIGRATION_URL ?? e.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/waakvlam',
      databasePoolSize: e.DATABASE_POOL_SIZE,
      migrateOnStart: e.MIGRATE_ON_START,
      redisUrl: e.REDIS_URL ?? 'redis://127.0.0.1:6379',
      redisCluster: e.REDIS_CLUSTER,
      redisPrefix: e.REDIS_PREFIX,
      smtpUrl: e.SMTP_URL ?? null,
      mailFrom: e.MAIL_FROM,
      sessionIdleMs: e.SESSION_IDLE_MINUTES * 60_000,
      sessionAbsoluteMs: e.SESSION_ABSOLUTE_HOURS * 3_600_000,
      cookieSecure: e.COOKIE_SECURE ?? production,
      trustProxy: e.TRUST_PROXY,
      httpBodyLimitBytes: e.HTTP_BODY_LIMIT_BYTES,
      loginLimitPerAccount: e.LOGIN_LIMIT_PER_ACCOUNT,
      loginLimitPerIp: e.LOGIN_LIMIT_PER_IP,
      loginLimitWindowMs: e.LOGIN_LIMIT_WINDOW_SECONDS * 1000,
      signInDelayAfterFailures: e.SIGN_IN_DELAY_AFTER_FAILURES,
      signInDelayBaseMs: e.SIGN_IN_DELAY_BASE_SECONDS * 1000,
      signInDelayMaxMs: e.SIGN_IN_DELAY_MAX_SECONDS * 1000,
      signInLockoutAfterFailures: e.SIGN_IN_LOCKOUT_AFTER_FAILURES,
      signInLockoutMs: e.SIGN_IN_LOCKOUT_MINUTES * 60_000,
      signInFailureMemoryMs: e.SIGN_IN_FAILURE_MEMORY_HOURS * 3_600_000,
      authEncryptionKey: e.AUTH_ENCRYPTION_KEY
        ? Buffer.from(e.AUTH_ENCRYPTION_KEY, e.AUTH_ENCRYPTION_KEY.length === 64 ? 'hex' : 'base64')
        : DEVELOPMENT_AUTH_KEY,
      twoFactorIssuer: e.TWO_FACTOR_ISSUER,
      oidc:
        e.OIDC_ENABLED &&
        e.OIDC_ISSUER_URL &&
        e.OIDC_CLIENT_ID &&
        e.OIDC_CLIENT_SECRET &&
        e.OIDC_ORGANISATION_ID
          ? {
              providerName: e.OIDC_PROVIDER_NAME,
              issuerUrl: e.OIDC_ISSUER_URL,
              clientId: e.OIDC_CLIENT_ID,
              clientSecret: e.OIDC_CLIENT_SECRET,
              organisationId: e.OIDC_ORGANISATION_ID,
              scopes: e.OIDC_SCOPES,
              emailClaim: e.OIDC_EMAIL_CLAIM,
              nameClaim: e.OIDC_NAME_CLAIM,
              roleClaim: e.OIDC_ROLE_CLAIM,
              roleMap: parseRoleMap(e.OIDC_ROLE_MAP) ?? new Map(),
              organisationClaim:
                e.OIDC_ORGANISATION_CLAIM && e.OIDC_ORGANISATION_CLAIM_VALUE
                  ? { name: e.OIDC_ORGANISATION_CLAIM, value: e.OIDC_ORGANISATION_CLAIM_VALUE }
                  : null,
              provisionUsers: e.OIDC_PROVISION_USERS,
              redirectUrl: `${publicUrl}/api/auth/oidc/callback`,
            }
          : null,
      seedDemo: e.SEED_DEMO ?? !production,
      demoPassword: e.DEMO_PASSWORD,
      defaultTimeZone: e.DEFAULT_TIME_ZONE,
      adminDist: env['ADMIN_DIST'] === '' ? null : e.ADMIN_DIST,
      logLevel: e.LOG_LEVEL,
      shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
      publicUrl,
      plannerIntervalMs: e.PLANNER_INTERVAL_MS,
      plannerHorizonMs: e.PLANNER_HORIZON_SECONDS * 1000,
      plannerBatchSize: e.PLANNER_BATCH_SIZE,
      plannerQueueCap: e.PLANNER_QUEUE_CAP,
      timerLeaseMs: e.TIMER_LEASE_SECONDS * 1000,
      lapseScanMs: e.LAPSE_SCAN_MINUTES * 60_000,
      workerConcurrency: e.WORKER_CONCURRENCY,
      selfCheckInLimitPerMinute: e.SELF_CHECK_IN_LIMIT_PER_MINUTE,
      metricsToken: e.METRICS_TOKEN ?? null,
      auditRetentionYears: e.AUDIT_RETENTION_YEARS,
      clientRetentionMonths: e.CLIENT_RETENTION_MONTHS,
      careFileRetentionYears: e.CARE_FILE_RETENTION_YEARS,
      clientRetentionBatchSize: e.CLIENT_RETENTION_BATCH_SIZE,
    });
  }
}
