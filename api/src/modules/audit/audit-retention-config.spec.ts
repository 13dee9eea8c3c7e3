import { AppConfig } from '../../core/config/app.config';
import { ConfigError } from '../../core/config/config.error';

describe('AUDIT_RETENTION_YEARS', () => {
  it('keeps audit events 5 years by default', () => {
    expect(AppConfig.fromEnv({}).auditRetentionYears).toBe(5);
  });

  it('takes a longer retention, and refuses one under the 5 years of NEN 7513', () => {
    expect(AppConfig.fromEnv({ AUDIT_RETENTION_YEARS: '7' }).auditRetentionYears).toBe(7);
    expect(() => AppConfig.fromEnv({ AUDIT_RETENTION_YEARS: '4' })).toThrow(ConfigError);
    expect(() => AppConfig.fromEnv({ AUDIT_RETENTION_YEARS: '4' })).toThrow(/AUDIT_RETENTION_YEARS/);
  });
});
