import { AppConfig } from './app.config';
import { ConfigError } from './config.error';

describe('AppConfig.fromEnv', () => {
  it('applies the documented defaults outside production', () => {
    const config = AppConfig.fromEnv({});
    expect(config.port).toBe(3000);
    expect(config.roles).toEqual(['api', 'worker']);
    expect(config.smtpUrl).toBeNull();
    expect(config.seedDemo).toBe(true);
    expect(config.cookieSecure).toBe(false);
    expect(config.demoPassword).toBe('waakvlam-demo-2026');
    expect(config.queuePrefix).toBe('{waakvlam}');
    expect(config.sessionIdleMs).toBe(30 * 60_000);
  });

  it('names every malformed variable in one error', () => {
    let error: unknown;
    try {
      AppConfig.fromEnv({ PORT: 'eighty', WAAKVLAM_ROLES: 'api,cron', DATABASE_URL: 'mysql://x' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    expect(message).toContain('PORT must be a whole number');
    expect(message).toContain('WAAKVLAM_ROLES must list one or more of api, worker');
    expect(message).toContain('DATABASE_URL must be a URL starting with postgres://');
  });

  it('requires the external services and forbids demo data in production', () => {
    expect(() => AppConfig.fromEnv({ NODE_ENV: 'production', SEED_DEMO: 'true' })).toThrow(
      /DATABASE_URL is required in production[\s\S]*REDIS_URL is required[\s\S]*SMTP_URL is required[\s\S]*PUBLIC_URL is required[\s\S]*SEED_DEMO must not be true/,
    );
  });

  it('uses secure cookies and no demo data in production by default', () => {
    const config = AppConfig.fromEnv({
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://db/waakvlam',
      REDIS_URL: 'redis://redis:6379',
      SMTP_URL: 'smtp://mail:25',
      PUBLIC_URL: 'https://waakvlam.example.nl/',
      AUTH_ENCRYPTION_KEY: 'ab'.repeat(32),
      ADMIN_DIST: '',
    });
    expect(config.cookieSecure).toBe(true);
    expect(config.publicUrl).toBe('https://waakvlam.example.nl');
    expect(config.seedDemo).toBe(false);
    expect(config.adminDist).toBeNull();
  });

  it('lets a process run only the worker role', () => {
    expect(AppConfig.fromEnv({ WAAKVLAM_ROLES: ' worker ' }).roles).toEqual(['worker']);
  });

  it('leaves /metrics open without METRICS_TOKEN and refuses a short token', () => {
    expect(AppConfig.fromEnv({}).metricsToken).toBeNull();
    expect(AppConfig.fromEnv({ METRICS_TOKEN: 'a-long-enough-token-123' }).metricsToken).toBe(
      'a-long-enough-token-123',
    );
    expect(() => AppConfig.fromEnv({ METRICS_TOKEN: 'short' })).toThrow(
      /METRICS_TOKEN must be at least 16 characters/,
    );
  });

  it('wants a 32-byte AUTH_ENCRYPTION_KEY in production, and has a development key only outside it', () => {
    expect(() => AppConfig.fromEnv({ NODE_ENV: 'production' })).toThrow(
      /AUTH_ENCRYPTION_KEY is required in production/,
    );
    expect(() => AppConfig.fromEnv({ AUTH_ENCRYPTION_KEY: 'too-short' })).toThrow(
      /AUTH_ENCRYPTION_KEY must be 32 bytes as 64 hex digits or base64/,
    );
    expect(AppConfig.fromEnv({}).authEncryptionKey).toHaveLength(32);
    expect(AppConfig.fromEnv({ AUTH_ENCRYPTION_KEY: '0f'.repeat(32) }).authEncryptionKey).toEqual(
      Buffer.alloc(32, 0x0f),
    );
    expect(
      AppConfig.fromEnv({ AUTH_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64') }).authEncryptionKey,
    ).toEqual(Buffer.alloc(32, 7));
  });

  it('applies the sign-in delay and lock-out defaults, and wants the lock-out after the delay', () => {
    const config = AppConfig.fromEnv({});
    expect(config.signInDelayAfterFailures).toBe(3);
    expect(config.signInLockoutAfterFailures).toBe(10);
    expect(config.signInLockoutMs).toBe(15 * 60_000);
    expect(() =>
      AppConfig.fromEnv({ SIGN_IN_DELAY_AFTER_FAILURES: '5', SIGN_IN_LOCKOUT_AFTER_FAILURES: '5' }),
    ).toThrow(/SIGN_IN_LOCKOUT_AFTER_FAILURES must be more than SIGN_IN_DELAY_AFTER_FAILURES/);
  });

  it('turns OIDC on only with its settings, and reads the role map', () => {
    expect(AppConfig.fromEnv({}).oidc).toBeNull();
    expect(() => AppConfig.fromEnv({ OIDC_ENABLED: 'true' })).toThrow(
      /OIDC_ISSUER_URL is required when OIDC_ENABLED is true[\s\S]*OIDC_CLIENT_ID[\s\S]*OIDC_CLIENT_SECRET[\s\S]*OIDC_ORGANISATION_ID/,
    );
    expect(() => AppConfig.fromEnv({ OIDC_ROLE_MAP: 'beheer=superuser' })).toThrow(
      /OIDC_ROLE_MAP must be pairs/,
    );
    const config = AppConfig.fromEnv({
      PUBLIC_URL: 'https://waakvlam.example.nl',
      OIDC_ENABLED: 'true',
      OIDC_ISSUER_URL: 'https://login.example.nl',
      OIDC_CLIENT_ID: 'waakvlam',
      OIDC_CLIENT_SECRET: 'secret',
      OIDC_ORGANISATION_ID: '5d1f6f7e-8d43-4c1e-9a51-2f8f0b1c2d3e',
      OIDC_ROLE_MAP: 'wv-beheer=admin, wv-regie=coordinator',
    });
    expect(config.oidc).toMatchObject({
      redirectUrl: 'https://waakvlam.example.nl/api/auth/oidc/callback',
      provisionUsers: false,
      organisationClaim: null,
    });
    expect([...(config.oidc?.roleMap ?? [])]).toEqual([
      ['wv-beheer', 'admin'],
      ['wv-regie', 'coordinator'],
    ]);
  });
});
