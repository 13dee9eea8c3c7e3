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
});
